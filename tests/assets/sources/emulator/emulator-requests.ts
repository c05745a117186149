/**
 * Request helpers for the emulator tests: authenticated TMDB and Discogs GETs through the in-process fetch, and
 * the bodies they answer as the tests read them (for `jsonOf<T>`).
 */
import type { DiscogsSearchItem } from '../../../../assets/sources/discogs-schemas.ts';
import type { DiscogsPagination } from '../../../../assets/sources/emulator/discogs-pagination.ts';
import type { Emulator } from '../../../../assets/sources/emulator/emulator-app.ts';
import { DEFAULT_CREDENTIALS } from '../../../../assets/sources/emulator/in-process-defaults.ts';
import type { TmdbListItem } from '../../../../assets/sources/tmdb-schemas.ts';

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
