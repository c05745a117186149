/**
 * Lands a paginated listing: page 1 (to learn how many pages there are), then the rest in journaled batches
 * fetched concurrently. Every raw page is attached to the version as it lands (`pages/<name>-NNNN.json`), so
 * an interrupted extraction resumes by fetching only the pages that are not attached yet, and large data
 * never goes through a step result.
 */
import pLimit from 'p-limit';
import { DefinitionError, type JsonValue, type MaterializeContext } from 'medallion';
import type { SourceCallOptions } from '../sources/source.ts';

export interface FetchedPage {
  /** The page as it came over the wire. */
  readonly body: JsonValue;
  readonly records: readonly unknown[];
  readonly totalPages: number;
  readonly totalRecords: number;
}

export interface ListingOptions {
  /** Names the listing's steps and attachments: stable, so a resumed run finds them. */
  readonly id: string;
  readonly maxPages: number;
  readonly pagesPerStep: number;
  readonly concurrency: number;
  /** `call` carries the run's abort signal, for the source to honour. */
  fetchPage(page: number, call: SourceCallOptions): Promise<FetchedPage>;
  /** Reads the records of a page as landed (from its attached JSON). */
  recordsOf(body: JsonValue): readonly unknown[];
}

export interface LandedPage {
  readonly page: number;
  readonly attachment: string;
  readonly records: number;
}

export interface LandedListing {
  readonly id: string;
  readonly pages: LandedPage[];
  /** As the service reported them. */
  readonly totalPages: number;
  readonly totalRecords: number;
  /** More pages exist than `maxPages` allowed. */
  readonly truncated: boolean;
}

/** What one materialization has landed so far, shared by its listings (pages attached, fetch counts). */
export interface Landing {
  readonly ctx: MaterializeContext;
  /** Attachment names present when the materialization (re)started: these pages are not fetched again. */
  readonly attached: ReadonlySet<string>;
  /** Bodies fetched in this attempt, so flattening need not read them back. */
  readonly fetched: Map<string, JsonValue>;
  pagesFetched: number;
  pagesReused: number;
  onPage(): void;
}

export async function startLanding(ctx: MaterializeContext, onPage: (landing: Landing) => void = () => undefined): Promise<Landing> {
  const landing: Landing = {
    ctx,
    attached: new Set(await ctx.attachments.list()),
    fetched: new Map(),
    pagesFetched: 0,
    pagesReused: 0,
    onPage: () => onPage(landing),
  };
  return landing;
}

export function assertPaging(key: string, options: Record<string, number>): void {
  for (const [name, value] of Object.entries(options)) {
    if (!Number.isInteger(value) || value < 1) {
      throw new DefinitionError('DEFINITION_INVALID', `Asset "${key}": ${name} must be an integer ≥ 1, got ${value}.`, [key]);
    }
  }
}

export async function landListing(landing: Landing, options: ListingOptions): Promise<LandedListing> {
  const first = await landing.ctx.step(`${options.id}-page-1`, async () => {
    const landed = await landPage(landing, options, 1);
    return { ...landed.page, totalPages: landed.totalPages, totalRecords: landed.totalRecords };
  });
  const lastPage = Math.min(first.totalPages, options.maxPages);
  const pages: LandedPage[] = [{ page: first.page, attachment: first.attachment, records: first.records }];
  for (let from = 2; first.records > 0 && from <= lastPage; from += options.pagesPerStep) {
    const to = Math.min(lastPage, from + options.pagesPerStep - 1);
    const batch = await landing.ctx.step(`${options.id}-pages-${from}-${to}`, async () => {
      const numbers = Array.from({ length: to - from + 1 }, (_, index) => from + index);
      const landed = await mapConcurrently(numbers, options.concurrency, async (page) => (await landPage(landing, options, page)).page);
      return landed.map((page) => ({ ...page }));
    });
    pages.push(...batch);
  }
  return { id: options.id, pages, totalPages: first.totalPages, totalRecords: first.totalRecords, truncated: first.totalPages > options.maxPages };
}

/** The records of every landed page, read from memory or from the attachments. */
export async function recordsOfListing(landing: Landing, listing: LandedListing, recordsOf: (body: JsonValue) => readonly unknown[]) {
  const out: { page: number; index: number; record: unknown }[] = [];
  for (const landed of listing.pages) {
    const body = landing.fetched.get(landed.attachment) ?? (await landing.ctx.attachments.getJson(landed.attachment));
    if (body === undefined) {
      throw new Error(`Landed page ${landed.attachment} is missing from the version's attachments although its step completed.`);
    }
    recordsOf(body).forEach((record, index) => out.push({ page: landed.page, index, record }));
  }
  return out;
}

async function landPage(landing: Landing, options: ListingOptions, page: number) {
  const attachment = `pages/${options.id}-${String(page).padStart(4, '0')}.json`;
  if (landing.attached.has(attachment)) {
    const body = (await landing.ctx.attachments.getJson(attachment))!;
    landing.pagesReused++;
    landing.onPage();
    const reused = options.recordsOf(body);
    // Totals are only needed from page 1, whose step result carries them when it was journaled.
    const totals = totalsOf(body);
    return { page: { page, attachment, records: reused.length }, ...totals };
  }
  const fetched = await options.fetchPage(page, { signal: landing.ctx.signal });
  await landing.ctx.attachments.putJson(attachment, fetched.body);
  landing.fetched.set(attachment, fetched.body);
  landing.pagesFetched++;
  landing.onPage();
  return { page: { page, attachment, records: fetched.records.length }, totalPages: fetched.totalPages, totalRecords: fetched.totalRecords };
}

/** Totals of a landed page in either service's envelope (TMDB top-level, Discogs `pagination`). */
function totalsOf(body: JsonValue): { totalPages: number; totalRecords: number } {
  const object = (body ?? {}) as Record<string, JsonValue>;
  const pagination = (object.pagination ?? object) as Record<string, JsonValue>;
  return {
    totalPages: Number(pagination.total_pages ?? pagination.pages ?? 0),
    totalRecords: Number(pagination.total_results ?? pagination.items ?? 0),
  };
}

/**
 * Runs `fn` over `items`, at most `concurrency` at a time. Every item is settled before this returns or throws
 * (the first failure): no work of a failed batch keeps running behind the next attempt's back, and whatever
 * did land is attached for the resume. (After a refused credential or an abort, the items left fail at once
 * without a request: the client refuses them.)
 */
export async function mapConcurrently<T, R>(items: readonly T[], concurrency: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const limit = pLimit(Math.max(1, concurrency));
  const settled = await Promise.allSettled(items.map((item) => limit(() => fn(item))));
  const failed = settled.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failed !== undefined) throw failed.reason;
  return settled.map((result) => (result as PromiseFulfilledResult<R>).value);
}
