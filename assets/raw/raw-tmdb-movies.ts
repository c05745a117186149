/**
 * `raw/tmdb_movies`: films from TMDB as the query plan lists them (`/movie/popular` pages, or
 * `/discover/movie` per year), landed page by page (raw JSON attached beside the data) and flattened to one
 * row per film with its fields as landed.
 */
import { z } from 'zod';
import { defineAsset, type JsonObject, type JsonValue } from 'medallion';
import type { TmdbPlan } from '../sources/query-plan.ts';
import type { FilmSource, SourceCallOptions } from '../sources/source.ts';
import { TMDB_MAX_PAGE, type TmdbListPage } from '../sources/tmdb-schemas.ts';
import { isObject } from './discogs-search-rows.ts';
import { assertPaging, landListing, mapConcurrently, recordsOfListing, startLanding, type LandedListing, type ListingOptions } from './land-listing.ts';
import { profileLandedFields } from './landed-field-profile.ts';
import { pipelineAsset } from '../pipeline-asset.ts';

export const rawTmdbMovieSchema = z.object({
  tmdb_id: z.int(),
  title: z.string(),
  original_title: z.string().nullable(),
  original_language: z.string().nullable(),
  /** As landed: "YYYY-MM-DD", or "" when TMDB has no date. */
  release_date: z.string(),
  genre_ids: z.array(z.int()),
  popularity: z.number().nullable(),
  vote_average: z.number().nullable(),
  vote_count: z.int().nullable(),
  adult: z.boolean().nullable(),
  /** The listing (`popular`, `discover-1994`), page and position the film landed at. */
  listing: z.string(),
  page: z.int32(),
  record_index: z.int32(),
});
export type RawTmdbMovie = z.output<typeof rawTmdbMovieSchema>;

export interface RawTmdbMoviesOptions {
  plan: TmdbPlan;
  /** Pages per durable step: the resume granularity. */
  pagesPerStep?: number;
  /** Pages fetched at once (the client still enforces TMDB's rate). */
  concurrency?: number;
}

export function defineRawTmdbMovies(films: FilmSource, options: RawTmdbMoviesOptions) {
  const key = 'raw/tmdb_movies';
  const pagesPerStep = options.pagesPerStep ?? 25;
  const concurrency = options.concurrency ?? 8;
  assertPaging(key, { pagesPerStep, concurrency });
  const listings = listingsOf(films, options.plan, pagesPerStep, concurrency);
  return defineAsset({
    key,
    description: `Films from TMDB (${describePlan(options.plan)}), one row per film as landed; raw JSON pages attached as pages/<listing>-NNNN.json.`,
    schema: rawTmdbMovieSchema,
    codeVersion: '2',
    tags: { source: 'tmdb' },
    // The client retries each request; these attempts resume from the landed pages after a longer outage.
    retry: { maxAttempts: 3, initialDelayMs: 2_000, maxDelayMs: 60_000 },
    async materialize(ctx) {
      const landing = await startLanding(ctx, (state) =>
        ctx.progress({ done: state.pagesFetched + state.pagesReused, total: plannedPages(options.plan), unit: 'pages' }),
      );
      const landed = await mapConcurrently(listings, 2, (listing) => landListing(landing, listing));
      const records: unknown[] = [];
      const rows: z.input<typeof rawTmdbMovieSchema>[] = [];
      for (const listing of landed) {
        for (const { page, index, record } of await recordsOfListing(landing, listing, recordsOfPage)) {
          records.push(record);
          rows.push(tmdbRowOf(record, listing.id, page, index));
        }
      }
      return { rows, metadata: landingMetadata(landed, landing, records) };
    },
  });
}

export type RawTmdbMoviesAsset = ReturnType<typeof defineRawTmdbMovies>;

function listingsOf(films: FilmSource, plan: TmdbPlan, pagesPerStep: number, concurrency: number): ListingOptions[] {
  const base = { pagesPerStep, concurrency, recordsOf: recordsOfPage };
  if (plan.kind === 'popular') {
    return [{ ...base, id: 'popular', maxPages: Math.min(plan.pages, TMDB_MAX_PAGE), fetchPage: async (page, call) => landed(await films.popularPage(page, call)) }];
  }
  const years = Array.from({ length: plan.toYear - plan.fromYear + 1 }, (_, index) => plan.fromYear + index);
  return years.map((year) => ({
    ...base,
    id: `discover-${year}`,
    maxPages: Math.min(plan.pagesPerYear, TMDB_MAX_PAGE),
    fetchPage: async (page: number, call: SourceCallOptions) => landed(await films.discoverPage({ primary_release_year: year, sort_by: 'popularity.desc' }, page, call)),
  }));
}

function landed(page: TmdbListPage) {
  return { body: page as JsonValue, records: page.results, totalPages: page.total_pages, totalRecords: page.total_results };
}

function recordsOfPage(body: JsonValue): readonly unknown[] {
  const results = isObject(body) ? body.results : undefined;
  return Array.isArray(results) ? results : [];
}

function plannedPages(plan: TmdbPlan): number | undefined {
  return plan.kind === 'popular' ? plan.pages : undefined;
}

function describePlan(plan: TmdbPlan): string {
  return plan.kind === 'popular' ? `/movie/popular, ${plan.pages} pages` : `/discover/movie per year ${plan.fromYear}–${plan.toYear}`;
}

/** Values pass through unchecked: the asset schema quarantines a malformed record with its reason. */
function tmdbRowOf(record: unknown, listing: string, page: number, recordIndex: number): z.input<typeof rawTmdbMovieSchema> {
  const film = isObject(record) ? record : {};
  return {
    tmdb_id: film.id,
    title: film.title,
    original_title: film.original_title ?? null,
    original_language: film.original_language ?? null,
    release_date: film.release_date,
    genre_ids: film.genre_ids,
    popularity: film.popularity ?? null,
    vote_average: film.vote_average ?? null,
    vote_count: film.vote_count ?? null,
    adult: film.adult ?? null,
    listing,
    page,
    record_index: recordIndex,
  } as z.input<typeof rawTmdbMovieSchema>;
}

/** What a raw landing reports: pages, records, truncated listings and the landed-field profile. */
export function landingMetadata(
  listings: readonly LandedListing[],
  landing: { pagesFetched: number; pagesReused: number },
  records: readonly unknown[],
): JsonObject {
  return {
    listings: listings.length,
    pages_landed: listings.reduce((sum, listing) => sum + listing.pages.length, 0),
    pages_fetched: landing.pagesFetched,
    pages_resumed: landing.pagesReused,
    records: records.length,
    truncated_listings: listings.filter((listing) => listing.truncated).map((listing) => listing.id),
    field_profile: profileLandedFields(records),
  };
}

/** In the pipeline: films from the film source, listed as the query plan's TMDB part says. */
export const rawTmdbMoviesEntry = pipelineAsset((scope) => {
  const { listingPagesPerStep, listingInFlight } = scope.options.plan.pacing;
  return defineRawTmdbMovies(scope.options.films, { plan: scope.options.plan.tmdb, pagesPerStep: listingPagesPerStep, concurrency: listingInFlight, ...scope.concurrency });
});
