/**
 * The three medallion events, typed and validated with zod (inngest v4 `eventType`): on-demand requests,
 * materializations (whose chain in the Inngest dev UI is the lineage), and raw data that landed.
 */
import { eventType } from 'inngest';
import { z } from 'zod';

// A W3C trace context (`00-<trace id>-<span id>-<flags>`): the sender's span, so the runs an event triggers
// join the sender's trace (see trace-context.ts). Optional everywhere; Event Grid and the dev UI send none.
const traceparent = z.string().regex(/^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/).optional();

export const assetRequestedSchema = z.object({
  asset: z.string().min(1),
  partition: z.string().min(1).optional(),
  /** Materialize even if the slot is fresh. */
  force: z.boolean().optional(),
  traceparent,
});

export const assetMaterializedSchema = z.object({
  asset: z.string().min(1),
  partition: z.string().min(1).optional(),
  dataVersion: z.string().min(1),
  /** The run that committed it (the Inngest run id, which is also the ledger's run id). */
  runId: z.string().min(1),
  traceparent,
});

export const rawLandedSchema = z.object({
  /** The storage container (the layer): only `raw` is mapped to assets. */
  container: z.string().min(1),
  /** The blob's name inside the container, e.g. `tmdb_movies/landing/2026-11-26.json`. */
  path: z.string().min(1),
  etag: z.string().optional(),
  size: z.number().int().nonnegative().optional(),
  traceparent,
});

export type AssetRequested = z.output<typeof assetRequestedSchema>;
export type AssetMaterialized = z.output<typeof assetMaterializedSchema>;
export type RawLanded = z.output<typeof rawLandedSchema>;

export const assetRequested = eventType('medallion/asset.requested', { schema: assetRequestedSchema });
export const assetMaterialized = eventType('medallion/asset.materialized', { schema: assetMaterializedSchema });
export const rawLanded = eventType('medallion/raw.landed', { schema: rawLandedSchema });

/** Event data carry no `partition` key at all for an unpartitioned slot (JSON has no undefined). */
export function partitionField(partition: string | null | undefined): { partition?: string } {
  return partition === undefined || partition === null ? {} : { partition };
}
