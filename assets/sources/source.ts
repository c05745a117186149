/**
 * What the raw assets need from the outside world: one page of a TMDB list, one film's details, one page
 * of a Discogs search. The HTTP clients implement them, over the real services or the emulator.
 */
import type { DiscogsSearchPage } from './discogs-schemas.ts';
import type { TmdbListPage } from './tmdb-schemas.ts';

/** Per call: `signal` (a run's `ctx.signal`) aborts the call's waits and request; its reason is thrown as is. */
export interface SourceCallOptions {
  signal?: AbortSignal;
}

/**
 * Films, as TMDB's `GET /3/movie/popular?page=N` serves them. An implementation returns the page envelope
 * validated (`tmdbListPageSchema`) and the records untouched; it throws on a page it cannot fetch, never
 * returning a silent gap, and throws `NonRetriableError` for a page outside 1..500.
 */
export interface FilmSource {
  popularPage(page: number, call?: SourceCallOptions): Promise<TmdbListPage>;
  discoverPage(params: TmdbDiscoverParams, page: number, call?: SourceCallOptions): Promise<TmdbListPage>;
  /**
   * One film's details (`GET /3/movie/{id}`), with `append_to_response` resources such as `credits` and
   * `alternative_titles`; the record untouched, as TMDB sent it.
   */
  movie(id: number, options?: { appendToResponse?: readonly string[] } & SourceCallOptions): Promise<unknown>;
}

export type TmdbSortBy = `${'original_title' | 'popularity' | 'revenue' | 'primary_release_date' | 'title' | 'vote_average' | 'vote_count'}.${'asc' | 'desc'}`;

export interface TmdbDiscoverParams {
  primary_release_year?: number;
  sort_by?: TmdbSortBy;
}

/** Every `GET /database/search` parameter the HTTP client passes on (research §2.2); `page` is given separately. */
export interface DiscogsSearchParams {
  q?: string;
  type?: 'release' | 'master' | 'artist' | 'label';
  /** Searches the combined "Artist Name - Release Title" field. */
  title?: string;
  release_title?: string;
  artist?: string;
  genre?: string;
  style?: string;
  year?: number | string;
  format?: string;
  country?: string;
  per_page?: number;
}

/** Releases, as Discogs' `GET /database/search` serves them; same contract as `FilmSource`. */
export interface ReleaseSource {
  search(params: DiscogsSearchParams, page: number, call?: SourceCallOptions): Promise<DiscogsSearchPage>;
  /** One master release (`GET /masters/{id}`): its first pressing's year among the rest, as Discogs sent it. */
  master(id: number, call?: SourceCallOptions): Promise<unknown>;
}
