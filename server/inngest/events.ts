/**
 * The three medallion events, typed and validated with zod (inngest v4 `eventType`): on-demand requests,
 * materializations (whose chain in the Inngest dev UI is the lineage), and raw data that landed.
 */
import { eventType } from 'inngest';
import { z } from 'zod';

// A W3C trace context (`00-<trace id>-<span id>-<flags>`): the sender's span, so the runs an event triggers
// join the sender's trace (see trace-context.ts). Optional everywhere; Event Grid and the dev UI send none.
const traceparent = z.string().regex(/^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/).optional();

/** The data of `medallion/asset.requested`: materialize this asset (and partition) with its stale upstreams. */
export const assetRequestedSchema = z.object({
  asset: z.string().min(1),
  partition: z.string().min(1).optional(),
  /** Materialize even if the slot is fresh. */
  force: z.boolean().optional(),
  traceparent,
});

/** The data of `medallion/asset.materialized`: a slot committed a new data version in a run. */
export const assetMaterializedSchema = z.object({
  asset: z.string().min(1),
  partition: z.string().min(1).optional(),
  dataVersion: z.string().min(1),
  /** The run that committed it (the Inngest run id, which is also the ledger's run id). */
  runId: z.string().min(1),
  traceparent,
});

/** The data of `medallion/raw.landed`: a blob landed in the lake (from the Event Grid webhook). */
export const rawLandedSchema = z.object({
  /** The storage container (the layer): only `raw` is mapped to assets. */
  container: z.string().min(1),
  /** The blob's name inside the container, e.g. `tmdb_movies/landing/2026-11-26.json`. */
  path: z.string().min(1),
  etag: z.string().optional(),
  size: z.number().int().nonnegative().optional(),
  traceparent,
});

/** `medallion/asset.requested`'s data. */
export type AssetRequested = z.output<typeof assetRequestedSchema>;
/** `medallion/asset.materialized`'s data. */
export type AssetMaterialized = z.output<typeof assetMaterializedSchema>;
/** `medallion/raw.landed`'s data. */
export type RawLanded = z.output<typeof rawLandedSchema>;

/** The event that asks for an asset (or one partition) to be materialized, with only its stale upstreams. */
export const assetRequested = eventType('medallion/asset.requested', { schema: assetRequestedSchema });
/** The event an asset function sends when it commits a slot; downstream functions listen for it. */
export const assetMaterialized = eventType('medallion/asset.materialized', { schema: assetMaterializedSchema });
/** The event the webhook sends when raw data lands; the raw-landed function re-processes its downstream. */
export const rawLanded = eventType('medallion/raw.landed', { schema: rawLandedSchema });

/**
 * The one place a slot's partition is written into event data: events carry no `partition` key at all for
 * an unpartitioned slot (`null` in a Slot; see runtime/graph/slots.ts).
 */
export function partitionField(partition: string | null): { partition?: string } {
  return partition === null ? {} : { partition };
}
