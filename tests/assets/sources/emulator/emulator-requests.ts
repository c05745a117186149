/** Request helpers for the emulator tests: authenticated TMDB and Discogs GETs through the in-process fetch. */
import { DEFAULT_CREDENTIALS, type Emulator } from '../../../../assets/sources/emulator/emulator-app.ts';

export const USER_AGENT = 'MedallionTests/1.0 +https://example.invalid';

export function tmdbGet(emulator: Pick<Emulator, 'fetch' | 'urls'>, path: string, init: RequestInit = {}): Promise<Response> {
  const separator = path.includes('?') ? '&' : '?';
  return emulator.fetch(`${emulator.urls.tmdb}${path}${separator}api_key=${DEFAULT_CREDENTIALS.tmdbApiKey}`, init);
}

export function discogsGet(emulator: Pick<Emulator, 'fetch' | 'urls'>, path: string, headers: Record<string, string> = {}): Promise<Response> {
  return emulator.fetch(`${emulator.urls.discogs}${path}`, {
    headers: { 'user-agent': USER_AGENT, authorization: `Discogs token=${DEFAULT_CREDENTIALS.discogsToken}`, ...headers },
  });
}

export async function json(response: Response | Promise<Response>): Promise<any> {
  return (await response).json();
}
