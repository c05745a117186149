/**
 * The events the server sends to the orchestrator (Inngest): an on-demand materialization request, and raw
 * data that landed in the lake. `sendEvent` is injected into `createApp`, so tests capture them.
 */

export const ASSET_REQUESTED = 'medallion/asset.requested';
export const RAW_LANDED = 'medallion/raw.landed';

export interface AssetRequestedEvent {
  readonly name: typeof ASSET_REQUESTED;
  readonly data: { readonly asset: string; readonly partition?: string; readonly force?: boolean };
}

export interface RawLandedEvent {
  readonly name: typeof RAW_LANDED;
  /** Inngest deduplicates events by id, and Event Grid delivers at least once: the id is Event Grid's. */
  readonly id?: string;
  readonly data: { readonly container: string; readonly path: string; readonly etag?: string; readonly size?: number };
}

export type MedallionEvent = AssetRequestedEvent | RawLandedEvent;

/** Sends one event (e.g. `(event) => inngest.send(event)`); rejects when it could not be sent. */
export type SendEvent = (event: MedallionEvent) => Promise<unknown>;
