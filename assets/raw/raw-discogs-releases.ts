/**
 * `raw/discogs_releases`: the bulk landing of soundtrack releases, partitioned by decade. Each
 * partition searches `type=release`, the plan's genre and each style, one year at a time (so no query reaches
 * Discogs' 100-page search cap), lands every page (raw JSON attached) and flattens one row per result.
 */
import type { z } from 'zod';
import { defineAsset, type JsonValue } from 'medallion';
import { DISCOGS_MAX_PER_PAGE, DISCOGS_MAX_SEARCH_PAGES, type DiscogsSearchPage } from '../sources/discogs-schemas.ts';
import { discogsDecades, yearsOf, type DiscogsPlan } from '../sources/query-plan.ts';
import type { DiscogsSearchParams, ReleaseSource, SourceCallOptions } from '../sources/source.ts';
import { discogsRowOf, isObject, rawDiscogsReleaseSchema } from './discogs-search-rows.ts';
import { assertPaging, landListing, mapConcurrently, recordsOfListing, startLanding, type ListingOptions } from './land-listing.ts';
import { landingMetadata } from './raw-tmdb-movies.ts';
import { pipelineAsset } from '../pipeline-asset.ts';


export interface RawDiscogsReleasesOptions {
  plan: DiscogsPlan;
  pagesPerStep?: number;
  /** Searches run at once (the client still enforces Discogs' moving window). */
  concurrency?: number;
}

export function defineRawDiscogsReleases(releases: ReleaseSource, options: RawDiscogsReleasesOptions) {
  const key = 'raw/discogs_releases';
  const { plan } = options;
  const pagesPerStep = options.pagesPerStep ?? 10;
  const concurrency = options.concurrency ?? 4;
  assertPaging(key, { pagesPerStep, concurrency, perPage: plan.perPage });
  return defineAsset({
    key,
    description:
      `Discogs releases in "${plan.genre}" with style ${plan.styles.map((style) => `"${style}"`).join(' or ')}, ${plan.fromYear}–${plan.toYear}, ` +
      'searched year by year and partitioned by decade; one row per result as landed, raw JSON pages attached.',
    schema: rawDiscogsReleaseSchema,
    partitions: discogsDecades(plan),
    codeVersion: '2',
    tags: { source: 'discogs' },
    // The client waits out Discogs' window on 429s; these attempts resume from the landed pages after an outage.
    retry: { maxAttempts: 3, initialDelayMs: 5_000, maxDelayMs: 120_000 },
    async materialize(ctx) {
      const listings = bulkListings(releases, plan, ctx.partition!, pagesPerStep);
      let listingsDone = 0;
      const landing = await startLanding(ctx);
      const landed = await mapConcurrently(listings, concurrency, async (listing) => {
        const result = await landListing(landing, listing);
        ctx.progress({ done: ++listingsDone, total: listings.length, unit: 'searches', detail: ctx.partition! });
        return result;
      });
      const records: unknown[] = [];
      const rows: z.input<typeof rawDiscogsReleaseSchema>[] = [];
      for (const listing of landed) {
        const query = listing.id.replace(/^(.+)-(\d{4})$/, 'style=$1 year=$2');
        for (const { page, index, record } of await recordsOfListing(landing, listing, searchResultsOf)) {
          records.push(record);
          rows.push(discogsRowOf(record, query, page, index));
        }
      }
      return { rows, metadata: landingMetadata(landed, landing, records) };
    },
  });
}

export type RawDiscogsReleasesAsset = ReturnType<typeof defineRawDiscogsReleases>;

/** One listing per (style, year) of the decade: `soundtrack-1994`, `score-1994`, … */
function bulkListings(releases: ReleaseSource, plan: DiscogsPlan, decade: string, pagesPerStep: number): ListingOptions[] {
  return plan.styles.flatMap((style) =>
    yearsOf(plan, decade).map((year) => {
      const params: DiscogsSearchParams = { type: 'release', genre: plan.genre, style, year, per_page: Math.min(plan.perPage, DISCOGS_MAX_PER_PAGE) };
      return {
        id: `${style.toLowerCase().replace(/[^a-z0-9]+/g, '_')}-${year}`,
        maxPages: DISCOGS_MAX_SEARCH_PAGES,
        pagesPerStep,
        concurrency: 1,
        fetchPage: async (page: number, call: SourceCallOptions) => landedSearchPage(await releases.search(params, page, call)),
        recordsOf: searchResultsOf,
      };
    }),
  );
}

export function landedSearchPage(page: DiscogsSearchPage) {
  return { body: page as JsonValue, records: page.results, totalPages: page.pagination.pages, totalRecords: page.pagination.items };
}

export function searchResultsOf(body: JsonValue): readonly unknown[] {
  const results = isObject(body) ? body.results : undefined;
  return Array.isArray(results) ? results : [];
}

/** In the pipeline: the bulk soundtrack search the query plan's Discogs part describes. */
export const rawDiscogsReleasesEntry = pipelineAsset((scope) =>
  defineRawDiscogsReleases(scope.options.releases, { plan: scope.options.plan.discogs, concurrency: scope.options.plan.pacing.bulkSearchesInFlight, ...scope.concurrency }));
