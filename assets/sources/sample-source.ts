/**
 * The sample catalogue served in-process through the source interfaces, with the services' page
 * semantics: TMDB's 20 per page and 500-page wall, Discogs' per_page/pages/items/urls pagination.
 */
import { NonRetriableError } from '../../runtime/index.ts';
import { DISCOGS_DEFAULT_PER_PAGE, DISCOGS_MAX_PER_PAGE, DISCOGS_MAX_SEARCH_PAGES, type DiscogsSearchPage } from './discogs-schemas.ts';
import { buildSampleCatalogue, type SampleCatalogue, type SampleRelease } from './sample-catalogue.ts';
import type { DiscogsSearchQuery, FilmSource, ReleaseSource } from './source.ts';
import { TMDB_MAX_PAGE, TMDB_PAGE_SIZE, type TmdbListPage } from './tmdb-schemas.ts';

const DISCOGS_SEARCH_URL = 'https://api.discogs.com/database/search';

export interface SampleSources {
  films: FilmSource;
  releases: ReleaseSource;
  catalogue: SampleCatalogue;
}

/** Both sources over one catalogue (built from `seed`, or the one given). */
export function createSampleSources(options: { seed?: number; catalogue?: SampleCatalogue } = {}): SampleSources {
  const catalogue = options.catalogue ?? buildSampleCatalogue(options.seed);
  return { films: createSampleFilmSource(catalogue), releases: createSampleReleaseSource(catalogue), catalogue };
}

export function createSampleFilmSource(catalogue: SampleCatalogue): FilmSource {
  return {
    async popularPage(page) {
      if (!Number.isInteger(page) || page < 1 || page > TMDB_MAX_PAGE) {
        // TMDB answers HTTP 400, status_code 22.
        throw new NonRetriableError('Invalid page: Pages start at 1 and max at 500. They are expected to be an integer.');
      }
      const start = (page - 1) * TMDB_PAGE_SIZE;
      const results = catalogue.films.slice(start, start + TMDB_PAGE_SIZE).map((film) => ({ ...film, genre_ids: [...film.genre_ids] }));
      const totalResults = catalogue.films.length;
      const listPage: TmdbListPage = { page, results, total_pages: Math.ceil(totalResults / TMDB_PAGE_SIZE), total_results: totalResults };
      return listPage;
    },
  };
}

export function createSampleReleaseSource(catalogue: SampleCatalogue): ReleaseSource {
  return {
    async searchPage(query, page) {
      if (!Number.isInteger(page) || page < 1) throw new NonRetriableError(`Invalid page ${page}: pages start at 1.`);
      const perPage = Math.min(DISCOGS_MAX_PER_PAGE, Math.max(1, query.per_page ?? DISCOGS_DEFAULT_PER_PAGE));
      const hits = catalogue.releases.filter((release) => matchesQuery(release, query.q));
      // Search depth is clamped to 100 pages; items beyond are unreachable, as on the live service.
      const pages = Math.min(DISCOGS_MAX_SEARCH_PAGES, Math.max(1, Math.ceil(hits.length / perPage)));
      const results = page > pages ? [] : hits.slice((page - 1) * perPage, page * perPage).map((release) => structuredClone(release.item));
      const searchPage: DiscogsSearchPage = {
        pagination: { page, pages, per_page: perPage, items: hits.length, urls: pageUrls(query, page, pages, perPage) },
        results,
      };
      return searchPage;
    },
  };
}

/** Every query word must appear among the release's words (title, genres, styles, notes). */
function matchesQuery(release: SampleRelease, q: string): boolean {
  const words = q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.length > 0 && words.every((word) => release.searchWords.has(word));
}

/** Page 1 carries only `last` and `next`; a single page carries none. */
function pageUrls(query: DiscogsSearchQuery, page: number, pages: number, perPage: number): Record<string, string> {
  const url = (target: number) => {
    const params = new URLSearchParams({ q: query.q, type: query.type, per_page: String(perPage), page: String(target) });
    return `${DISCOGS_SEARCH_URL}?${params.toString()}`;
  };
  const urls: Record<string, string> = {};
  if (page > 1) Object.assign(urls, { first: url(1), prev: url(Math.min(page - 1, pages)) });
  if (page < pages) Object.assign(urls, { next: url(page + 1), last: url(pages) });
  return urls;
}
