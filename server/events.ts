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

/** Sends one event (e.g. `(event) => inngest.send(event)`); rejects when it could not be sent. */
export type SendEvent = (event: MedallionEvent) => Promise<unknown>;
