/**
 * Lands a paginated listing in journaled batches: each `ctx.step` fetches a few pages, writes their raw
 * JSON to staging and returns only names and counts, so an interrupted extraction resumes at the next
 * batch and large data never goes through a step result.
 */
import { DefinitionError, type JsonValue, type MaterializeContext } from 'medallion';

/** What one fetched page told us; `body` is the page as landed. */
export interface FetchedPage {
  body: JsonValue;
  records: number;
  totalPages: number;
  totalRecords: number;
}

export interface LandPagesOptions {
  /** Step ids are `<stepPrefix>-pages-<first>-<last>`: stable, so a resumed run finds its journal. */
  stepPrefix: string;
  pagesPerStep: number;
  /** The last page the endpoint serves (TMDB 500, Discogs search 100) or the caller wants. */
  maxPages: number;
  stagingName(page: number): string;
  fetchPage(page: number): Promise<FetchedPage>;
}

export type LandedPage = { name: string; page: number; records: number };

export type LandedListing = {
  pages: LandedPage[];
  /** As the service reported them on the last page fetched. */
  totalPages: number;
  totalRecords: number;
};

type Batch = LandedListing & { done: boolean };

/** Fails at definition time on paging options that would fetch nothing or never advance. */
export function assertPagingOptions(key: string, options: { pagesPerStep: number; maxPages: number }): void {
  for (const [name, value] of Object.entries(options)) {
    if (!Number.isInteger(value) || value < 1) {
      throw new DefinitionError('DEFINITION_INVALID', `Asset "${key}": ${name} must be an integer ≥ 1, got ${value}.`, [key]);
    }
  }
}

/** Fetches pages 1.. until the reported last page, an empty page or `maxPages`, whichever comes first. */
export async function landPages(ctx: MaterializeContext, options: LandPagesOptions): Promise<LandedListing> {
  const listing: LandedListing = { pages: [], totalPages: 0, totalRecords: 0 };
  for (let first = 1; first <= options.maxPages; first += options.pagesPerStep) {
    const last = Math.min(options.maxPages, first + options.pagesPerStep - 1);
    const batch = await ctx.step(`${options.stepPrefix}-pages-${first}-${last}`, () => landBatch(ctx, options, first, last));
    listing.pages.push(...batch.pages);
    listing.totalPages = batch.totalPages;
    listing.totalRecords = batch.totalRecords;
    if (batch.done) break;
  }
  return listing;
}

async function landBatch(ctx: MaterializeContext, options: LandPagesOptions, first: number, last: number): Promise<Batch> {
  const batch: Batch = { pages: [], totalPages: 0, totalRecords: 0, done: false };
  for (let page = first; page <= last; page++) {
    const fetched = await options.fetchPage(page);
    const name = options.stagingName(page);
    await ctx.staging.putJson(name, fetched.body);
    batch.pages.push({ name, page, records: fetched.records });
    batch.totalPages = fetched.totalPages;
    batch.totalRecords = fetched.totalRecords;
    if (fetched.records === 0 || page >= fetched.totalPages) {
      batch.done = true;
      return batch;
    }
  }
  batch.done = last >= options.maxPages;
  return batch;
}

/** Reads a page a step staged; the journal says it exists, so its absence means the lake was tampered with. */
export async function readStagedPage(ctx: MaterializeContext, page: LandedPage): Promise<JsonValue> {
  const body = await ctx.staging.getJson(page.name);
  if (body === undefined) {
    throw new Error(`Staged page "${page.name}" is missing although step journal says page ${page.page} was landed.`);
  }
  return body;
}
