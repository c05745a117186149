/**
 * The log an incremental bronze asset keeps beside its data: when each item (a film) was last fetched, and
 * what was asked for it. It is an attachment, not a column, so fetching the same data again gives the same
 * data version. The next materialization reads it from `ctx.previous()` to know what is due.
 */
import { z } from 'zod';
import type { PreviousVersion } from '../../runtime/index.ts';

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
