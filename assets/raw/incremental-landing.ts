/**
 * How the incremental raw assets land: items (films) fetched in attached, journaled batches, and the log
 * they keep beside their data: when each item was last fetched, and what was asked for it. It is an attachment, not a column, so fetching the same data again gives the same
 * data version. The next materialization reads it from `ctx.previous()` to know what is due.
 */
import { z } from 'zod';
import type { JsonValue, MaterializeContext, PreviousVersion } from 'medallion';

export const DAY_MS = 86_400_000;

const fetchedItemSchema = z.object({
  id: z.int(),
  /** What was asked (a search's `q`): an item asked differently today is due again. */
  asked: z.string(),
  fetched_at: z.iso.datetime(),
  /** Records the answer held. */
  records: z.int(),
});
const fetchLogSchema = z.object({ format: z.literal(1), items: z.array(fetchedItemSchema) });
export type FetchedItem = z.output<typeof fetchedItemSchema>;

/** The previous version's log by item id; undefined when there is no previous version or its log is unreadable. */
export async function readFetchLog(previous: PreviousVersion<unknown> | undefined, name: string): Promise<Map<number, FetchedItem> | undefined> {
  const body = await previous?.readAttachment(name);
  if (body === undefined) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(body));
  } catch {
    return undefined;
  }
  const parsed = fetchLogSchema.safeParse(json);
  return parsed.success ? new Map(parsed.data.items.map((item) => [item.id, item])) : undefined;
}

export function fetchLogBody(items: readonly FetchedItem[]) {
  return { format: 1 as const, items: [...items].sort((a, b) => a.id - b.id) };
}

/**
 * Items against the log: never fetched (or asked differently since), fetched before `staleBefore` (oldest
 * first), and the fetches still good.
 */
export function dueItems<T>(items: readonly T[], log: ReadonlyMap<number, FetchedItem>, staleBefore: number, identify: (item: T) => { id: number; asked: string }) {
  const unfetched: T[] = [];
  const overdue: Array<{ item: T; at: number; id: number }> = [];
  const kept: FetchedItem[] = [];
  for (const item of items) {
    const { id, asked } = identify(item);
    const entry = log.get(id);
    if (entry === undefined || entry.asked !== asked) unfetched.push(item);
    else if (Date.parse(entry.fetched_at) < staleBefore) overdue.push({ item, at: Date.parse(entry.fetched_at), id });
    else kept.push(entry);
  }
  overdue.sort((a, b) => a.at - b.at || a.id - b.id);
  return { unfetched, overdue: overdue.map(({ item }) => item), kept };
}

/** When the oldest logged fetch passes the age limit: the `dueAt` of the asset's backlog. */
export function nextDueAt(items: readonly FetchedItem[], maxAgeDays: number): string | undefined {
  const oldest = items.reduce((min, item) => Math.min(min, Date.parse(item.fetched_at)), Number.POSITIVE_INFINITY);
  return Number.isFinite(oldest) ? new Date(oldest + maxAgeDays * DAY_MS).toISOString() : undefined;
}

/** One landed batch, as attached: when it was fetched, and the answer for each of its items. */
export interface LandedBatch<R> {
  readonly fetched_at: string;
  readonly answers: R[];
}

export interface BatchLandingOptions<I, R> {
  /** Attachments are `<folder>/batch-0001.json`…, steps `<folder>-batch-1`…. */
  readonly folder: string;
  readonly batchSize: number;
  /** What is counted in progress updates, plural: `films`. */
  readonly unit: string;
  readonly now: () => number;
  fetch(batch: readonly I[]): Promise<R[]>;
}

/**
 * Fetches `items` in batches, each one durable step whose answers are attached, so an interrupted
 * materialization fetches only the batches not attached yet; then reads every batch back in order.
 */
export async function landBatches<I, R extends JsonValue>(ctx: Pick<MaterializeContext, 'step' | 'attachments' | 'progress'>, items: readonly I[], options: BatchLandingOptions<I, R>) {
  const batches = Array.from({ length: Math.ceil(items.length / options.batchSize) }, (_, index) => items.slice(index * options.batchSize, (index + 1) * options.batchSize));
  const attachmentOf = (index: number) => `${options.folder}/batch-${String(index + 1).padStart(4, '0')}.json`;
  const attached = new Set(await ctx.attachments.list());
  const landed = new Map<string, LandedBatch<R>>();
  let done = 0;
  for (const [index, batch] of batches.entries()) {
    const name = attachmentOf(index);
    await ctx.step(`${options.folder}-batch-${index + 1}`, async () => {
      if (attached.has(name)) return { items: batch.length, reused: true };
      const fetchedAt = new Date(options.now()).toISOString();
      const body: LandedBatch<R> = { fetched_at: fetchedAt, answers: await options.fetch(batch) };
      await ctx.attachments.putJson(name, body as unknown as JsonValue);
      landed.set(name, body);
      return { items: batch.length, reused: false };
    });
    done += batch.length;
    ctx.progress({ done, total: items.length, unit: options.unit });
  }
  const read: LandedBatch<R>[] = [];
  for (const [index] of batches.entries()) {
    const name = attachmentOf(index);
    const body = landed.get(name) ?? (await ctx.attachments.getJson<JsonValue>(name) as unknown as LandedBatch<R> | undefined);
    if (body === undefined || !Array.isArray(body.answers)) throw new Error(`Landed batch ${name} is missing from the version's attachments although its step completed.`);
    read.push(body);
  }
  return { batches: read, fetched: landed.size };
}
