/**
 * What the bronze assets need from the outside world: one page of a TMDB list, one page of a Discogs
 * search. The built-in sample implements these in-process; the HTTP clients implement them over the APIs.
 */
import type { DiscogsSearchPage } from './discogs-schemas.ts';
import type { TmdbListPage } from './tmdb-schemas.ts';

/**
 * Films, as TMDB's `GET /3/movie/popular?page=N` serves them. An implementation returns the page envelope
 * validated (`tmdbListPageSchema`) and the records untouched; it throws on a page it cannot fetch, never
 * returning a silent gap, and throws `NonRetriableError` for a page outside 1..500.
 */
export interface FilmSource {
  popularPage(page: number): Promise<TmdbListPage>;
}

/** The `GET /database/search` parameters the pipeline uses: free text over releases, as the original did. */
export interface DiscogsSearchQuery {
  q: string;
  type: 'release';
  /** Defaults to 50; the service clamps it to 100. */
  per_page?: number;
}

/**
 * Every `GET /database/search` parameter the HTTP client passes on (research §2.2). A `DiscogsSearchQuery`
 * is one of these; `page` is given separately.
 */
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
  searchPage(query: DiscogsSearchQuery, page: number): Promise<DiscogsSearchPage>;
}
