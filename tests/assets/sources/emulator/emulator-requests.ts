/**
 * Request helpers for the emulator tests: authenticated TMDB and Discogs GETs through the in-process fetch, and
 * the bodies they answer as the tests read them (for `jsonOf<T>`).
 */
import type { DiscogsSearchItem } from '../../../../assets/sources/discogs-schemas.ts';
import type { DiscogsPagination } from '../../../../assets/sources/emulator/discogs-pagination.ts';
import type { Emulator } from '../../../../assets/sources/emulator/emulator-app.ts';
import { DEFAULT_CREDENTIALS } from '../../../../assets/sources/emulator/in-process-defaults.ts';
import type { FetchedResponse } from '../../../../assets/sources/http/send-request.ts';
import type { TmdbListItem } from '../../../../assets/sources/tmdb-schemas.ts';

export const USER_AGENT = 'MedallionTests/1.0 +https://example.invalid';

/** An emulator's `fetch` (a `Response`) or the emulator thread's (an answer shaped like one): the helpers give back what it gives. */
interface Served<R extends FetchedResponse> {
  fetch(input: string, init: RequestInit): Promise<R>;
  readonly urls: Emulator['urls'];
}

export async function tmdbGet<R extends FetchedResponse>(emulator: Served<R>, path: string, init: RequestInit = {}): Promise<R> {
  const separator = path.includes('?') ? '&' : '?';
  return emulator.fetch(`${emulator.urls.tmdb}${path}${separator}api_key=${DEFAULT_CREDENTIALS.tmdbApiKey}`, init);
}

export async function discogsGet<R extends FetchedResponse>(emulator: Served<R>, path: string, headers: Record<string, string> = {}): Promise<R> {
  return emulator.fetch(`${emulator.urls.discogs}${path}`, {
    headers: { 'user-agent': USER_AGENT, authorization: `Discogs token=${DEFAULT_CREDENTIALS.discogsToken}`, ...headers },
  });
}

/** A TMDB list page (`/movie/popular`, discover, search) with its films. */
export interface TmdbFilmPage {
  readonly page: number;
  readonly total_pages: number;
  readonly total_results: number;
  readonly results: TmdbListItem[];
}

/** TMDB's error body. */
export interface TmdbErrorBody {
  readonly success: false;
  readonly status_code: number;
  readonly status_message: string;
}

/** A Discogs `/database/search` page with its release items (which also carry `formats`). */
export interface DiscogsReleasePage {
  readonly pagination: DiscogsPagination;
  readonly results: (DiscogsSearchItem & { readonly formats: { readonly qty: string }[] })[];
}
