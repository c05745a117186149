/**
 * The events the HTTP side sends to the orchestrator (Inngest): an on-demand materialization request, and raw
 * data that landed. Names and data shapes are the ones the functions declare (inngest/events.ts); `sendEvent`
 * is injected into `createApp`, so tests capture them.
 */
import { assetRequested, rawLanded, type AssetRequested, type RawLanded } from './inngest/events.ts';

export const ASSET_REQUESTED = assetRequested.name;
export const RAW_LANDED = rawLanded.name;

/** A materialization request, as sent to Inngest. */
export interface AssetRequestedEvent {
  readonly name: typeof ASSET_REQUESTED;
  readonly data: AssetRequested;
}

/** A raw landing, as sent to Inngest (deduplicated by the Event Grid event id). */
export interface RawLandedEvent {
  readonly name: typeof RAW_LANDED;
  /** Inngest deduplicates events by id, and Event Grid delivers at least once: the id is Event Grid's. */
  readonly id?: string;
  readonly data: RawLanded;
}

/** An event the HTTP side sends to the orchestrator. */
export type MedallionEvent = AssetRequestedEvent | RawLandedEvent;

/**
 * Sends events in one request to the event API (e.g. `(events) => inngest.send([...events])`), resolving to
 * its answer (`{ ids }`); rejects when they could not be sent. Callers keep each call within
 * `EVENT_API_LIMITS` (see `chunkForEventApi`).
 */
export type SendEvent = (events: readonly MedallionEvent[]) => Promise<unknown>;

/**
 * What one request to Inngest's event API may carry: 5,000 events, and a body of 256 KiB on Inngest Cloud's
 * free plan (3 MiB on paid plans; https://www.inngest.com/docs/usage-limits/inngest and
 * https://www.inngest.com/docs/durable-execution/limits). The smaller figure holds everywhere.
 */
export const EVENT_API_LIMITS = { maxEvents: 5_000, maxBytes: 256 * 1024 } as const;

// The SDK adds `ts` (13 digits) and may add `id` and `meta` to each event before sending it.
const SDK_ADDED_BYTES = 96;

/** Splits events, in order, into runs that each fit one event API request (an event too big alone goes alone). */
export function chunkForEventApi<E>(events: readonly E[], limits: { maxEvents: number; maxBytes: number } = EVENT_API_LIMITS): E[][] {
  const chunks: E[][] = [];
  let current: E[] = [];
  let bytes = 2; // the array's brackets
  for (const event of events) {
    const size = Buffer.byteLength(JSON.stringify(event)) + SDK_ADDED_BYTES + 1;
    if (current.length > 0 && (current.length >= limits.maxEvents || bytes + size > limits.maxBytes)) {
      chunks.push(current);
      current = [];
      bytes = 2;
    }
    current.push(event);
    bytes += size;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
