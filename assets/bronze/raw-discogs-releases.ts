/**
 * Bronze `raw/discogs_releases`: Discogs release searches for soundtrack terms, landed page by page (raw
 * JSON attached beside the data) and flattened to one row per search result with its fields as landed.
 * A release found by several terms lands once per term; silver removes the duplicates.
 */
import { z } from 'zod';
import { defineAsset, DefinitionError, type JsonObject, type JsonValue, type MaterializeContext } from '../../runtime/index.ts';
import { DISCOGS_MAX_PER_PAGE, DISCOGS_MAX_SEARCH_PAGES, discogsSearchItemSchema, discogsSearchPageSchema } from '../sources/discogs-schemas.ts';
import type { ReleaseSource } from '../sources/source.ts';
import { assertPagingOptions, landPages, readStagedPage, type LandedListing } from './land-pages.ts';
import { profileLandedFields } from './landed-field-profile.ts';
import { acceptRecord, createRecordRejections, type RecordRejections } from './validate-records.ts';

/** The original system's free-text terms (research/anchors-dagster-and-seed.md §4.1). */
export const DEFAULT_DISCOGS_QUERIES: readonly string[] = ['soundtrack', 'film soundtrack', 'motion picture', 'score'];

export const rawDiscogsReleaseSchema = z.object({
  discogs_id: z.int(),
  /** As landed: "Artist - Title". */
  title: z.string(),
  /** As landed, a string; null when the item has no `year`. */
  year: z.string().nullable(),
  genre: z.array(z.string()),
  style: z.array(z.string()),
  format: z.array(z.string()),
  country: z.string().nullable(),
  /** 0 when Discogs knows no master. */
  master_id: z.int().nullable(),
  label: z.array(z.string()).nullable(),
  catno: z.string().nullable(),
  /** The search term that found it, and the page it landed on. */
  query: z.string(),
  page: z.int32(),
});
export type RawDiscogsRelease = z.output<typeof rawDiscogsReleaseSchema>;
type RawDiscogsReleaseInput = z.input<typeof rawDiscogsReleaseSchema>;

export interface RawDiscogsReleasesOptions {
  queries?: readonly string[];
  /** Results per page; Discogs clamps to 100. */
  perPage?: number;
  /** Pages per term; search depth is clamped to 100 pages. */
  maxPagesPerQuery?: number;
  pagesPerStep?: number;
}

export function defineRawDiscogsReleases(releases: ReleaseSource, options: RawDiscogsReleasesOptions = {}) {
  const key = 'raw/discogs_releases';
  const queries = options.queries ?? DEFAULT_DISCOGS_QUERIES;
  const paging: QueryPaging = {
    perPage: Math.min(options.perPage ?? DISCOGS_MAX_PER_PAGE, DISCOGS_MAX_PER_PAGE),
    maxPages: Math.min(options.maxPagesPerQuery ?? DISCOGS_MAX_SEARCH_PAGES, DISCOGS_MAX_SEARCH_PAGES),
    pagesPerStep: options.pagesPerStep ?? 5,
  };
  assertPagingOptions(key, { pagesPerStep: paging.pagesPerStep, maxPages: paging.maxPages });
  const slugs = queries.map(querySlug);
  const clash = slugs.find((slug, index) => slugs.indexOf(slug) !== index);
  if (clash !== undefined) {
    throw new DefinitionError('DEFINITION_INVALID', `Asset "${key}": two search terms share the step name "${clash}".`, [key]);
  }
  return defineAsset({
    key,
    group: 'bronze',
    description:
      `Discogs release searches for ${queries.map((q) => `"${q}"`).join(', ')}, one row per result as landed; ` +
      'raw JSON pages attached as pages/search-<term>-NNNN.json.',
    schema: rawDiscogsReleaseSchema,
    codeVersion: '1',
    tags: { source: 'discogs' },
    // Discogs limits over a 60 s moving window and sends no Retry-After: back off long enough for it to move.
    retry: { maxAttempts: 6, initialDelayMs: 2_000, maxDelayMs: 60_000 },
    async materialize(ctx) {
      const rows: RawDiscogsReleaseInput[] = [];
      const records: unknown[] = [];
      const rejections = createRecordRejections();
      const perQuery: JsonObject[] = [];
      for (const q of queries) {
        const landed = await landQuery(ctx, releases, q, paging, rejections);
        rows.push(...landed.rows);
        records.push(...landed.records);
        perQuery.push(landed.summary);
      }
      return {
        rows,
        metadata: {
          queries: perQuery,
          pages_fetched: perQuery.reduce((sum, query) => sum + Number(query.pages_fetched), 0),
          records: records.length,
          rows: rows.length,
          distinct_releases: new Set(rows.map((row) => row.discogs_id)).size,
          rejected_records: rejections.count,
          rejected_examples: rejections.examples,
          field_profile: profileLandedFields(records),
        },
      };
    },
  });
}

export type RawDiscogsReleasesAsset = ReturnType<typeof defineRawDiscogsReleases>;

type QueryPaging = { perPage: number; maxPages: number; pagesPerStep: number };

/** Lands every page of one search term, then flattens it. */
async function landQuery(ctx: MaterializeContext, releases: ReleaseSource, q: string, paging: QueryPaging, rejections: RecordRejections) {
  const slug = querySlug(q);
  const listing = await landPages(ctx, {
    stepPrefix: `search-${slug}`,
    pagesPerStep: paging.pagesPerStep,
    maxPages: paging.maxPages,
    stagingName: (page) => `search/${slug}/page-${String(page).padStart(4, '0')}.json`,
    async fetchPage(page) {
      const body = await releases.searchPage({ q, type: 'release', per_page: paging.perPage }, page);
      // The page is parsed JSON from the wire; its envelope was validated by the source.
      return { body: body as JsonValue, records: body.results.length, totalPages: body.pagination.pages, totalRecords: body.pagination.items };
    },
  });
  const { rows, records } = await flattenQuery(ctx, q, slug, listing, rejections);
  const summary: JsonObject = {
    q,
    pages_fetched: listing.pages.length,
    pages_reported: listing.totalPages,
    items_reported: listing.totalRecords,
    records: records.length,
    truncated: listing.totalPages > paging.maxPages,
  };
  return { rows, records, summary };
}

async function flattenQuery(ctx: MaterializeContext, q: string, slug: string, listing: LandedListing, rejections: RecordRejections) {
  const rows: RawDiscogsReleaseInput[] = [];
  const records: unknown[] = [];
  for (const landed of listing.pages) {
    const body = discogsSearchPageSchema.parse(await readStagedPage(ctx, landed));
    const attachment = `pages/search-${slug}-${String(landed.page).padStart(4, '0')}.json`;
    await ctx.attachments.putJson(attachment, body as JsonValue);
    body.results.forEach((record, index) => {
      records.push(record);
      const item = acceptRecord(discogsSearchItemSchema, record, `${attachment}#${index}`, rejections);
      if (item !== undefined) rows.push(rowOf(item, q, landed.page));
    });
  }
  return { rows, records };
}

function rowOf(item: z.output<typeof discogsSearchItemSchema>, query: string, page: number): RawDiscogsReleaseInput {
  return {
    discogs_id: item.id,
    title: item.title,
    year: item.year ?? null,
    genre: item.genre,
    style: item.style,
    format: item.format,
    country: item.country ?? null,
    master_id: item.master_id ?? null,
    label: item.label ?? null,
    catno: item.catno ?? null,
    query,
    page,
  };
}

/** "film soundtrack" → "film-soundtrack": step ids and file names stay readable and safe. */
function querySlug(q: string): string {
  return q.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'query';
}
