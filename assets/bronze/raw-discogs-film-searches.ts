/**
 * Bronze `raw/discogs_film_searches`: the targeted pass. For films the bulk landing has no release for
 * (same normalized title within the year window), most popular first and within a request budget, it
 * searches Discogs for the film's title (`q=<title>`, `type=release`) and lands the first page. This finds
 * soundtracks filed outside Stage & Screen and releases without a year, which the bulk pass cannot reach.
 */
import type { z } from 'zod';
import { defineAsset } from '../../runtime/index.ts';
import { normalizeTitle } from '../matching/normalize-title.ts';
import { parseYear } from '../matching/parse-year.ts';
import { splitDiscogsTitle, titleForms } from '../matching/split-discogs-title.ts';
import type { DiscogsPlan } from '../sources/query-plan.ts';
import type { ReleaseSource } from '../sources/source.ts';
import type { TmdbMovie, TmdbMoviesAsset } from '../silver/tmdb-movies.ts';
import { discogsRowOf, rawDiscogsReleaseSchema, type RawDiscogsRelease } from './discogs-search-rows.ts';
import { landListing, mapConcurrently, recordsOfListing, startLanding } from './land-listing.ts';
import { landedSearchPage, searchResultsOf, type RawDiscogsReleasesAsset } from './raw-discogs-releases.ts';
import { landingMetadata } from './raw-tmdb-movies.ts';

/** A bulk release within this many years of a film (or with a year unknown) counts as found for it. */
export const COVERED_YEAR_WINDOW = 2;
const RESULTS_PER_FILM = 50;

export function defineRawDiscogsFilmSearches(releases: ReleaseSource, films: TmdbMoviesAsset, bulk: RawDiscogsReleasesAsset, options: { plan: DiscogsPlan; concurrency?: number }) {
  const budget = options.plan.targetedBudget;
  return defineAsset({
    key: 'raw/discogs_film_searches',
    group: 'bronze',
    description: `Discogs searched per film (q=<title>) for films the bulk landing found nothing for, most popular first, at most ${budget} requests; raw JSON pages attached.`,
    schema: rawDiscogsReleaseSchema,
    deps: { films, bulk },
    codeVersion: '1',
    tags: { source: 'discogs' },
    retry: { maxAttempts: 3, initialDelayMs: 5_000, maxDelayMs: 120_000 },
    async materialize(ctx, inputs) {
      const allFilms = await inputs.films.rows();
      const uncovered = uncoveredFilms(allFilms, await inputs.bulk.rows());
      const searched = uncovered.slice(0, budget);
      let done = 0;
      const landing = await startLanding(ctx);
      const landed = await mapConcurrently(searched, options.concurrency ?? 4, async (film) => {
        const listing = await landListing(landing, {
          id: `film-${film.tmdb_id}`,
          maxPages: 1,
          pagesPerStep: 1,
          concurrency: 1,
          fetchPage: async (page) => landedSearchPage(await releases.search({ q: film.title, type: 'release', per_page: RESULTS_PER_FILM }, page)),
          recordsOf: searchResultsOf,
        });
        ctx.progress({ done: ++done, total: searched.length, unit: 'films' });
        return listing;
      });
      const records: unknown[] = [];
      const rows: z.input<typeof rawDiscogsReleaseSchema>[] = [];
      for (const listing of landed) {
        for (const { page, index, record } of await recordsOfListing(landing, listing, searchResultsOf)) {
          records.push(record);
          rows.push(discogsRowOf(record, listing.id.replace('-', '='), page, index));
        }
      }
      return {
        rows,
        metadata: { ...landingMetadata(landed, landing, records), films: allFilms.length, uncovered_films: uncovered.length, searched_films: searched.length, budget },
      };
    },
  });
}

export type RawDiscogsFilmSearchesAsset = ReturnType<typeof defineRawDiscogsFilmSearches>;

/** Films with no bulk release of the same normalized title within the year window, most popular first. */
export function uncoveredFilms(films: readonly TmdbMovie[], bulk: readonly RawDiscogsRelease[]): TmdbMovie[] {
  const yearsByTitle = new Map<string, (number | null)[]>();
  for (const release of bulk) {
    const year = parseYear(release.year);
    for (const form of titleForms(splitDiscogsTitle(release.title).title)) {
      if (form === null) continue;
      const norm = normalizeTitle(form);
      if (norm !== '') yearsByTitle.set(norm, [...(yearsByTitle.get(norm) ?? []), year]);
    }
  }
  const covered = (film: TmdbMovie) =>
    [film.title_norm, film.original_title_norm].some((norm) =>
      (yearsByTitle.get(norm ?? '') ?? []).some((year) => year === null || film.year === null || Math.abs(year - film.year) <= COVERED_YEAR_WINDOW),
    );
  return films.filter((film) => !covered(film)).sort((a, b) => (b.popularity ?? 0) - (a.popularity ?? 0) || a.tmdb_id - b.tmdb_id);
}
