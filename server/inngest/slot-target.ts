/**
 * Which slot of an asset a triggering event asks for: one slot, or all partitions (a fan-out). Pure, so
 * every replay of a run, and its onFailure handler, derive the same answer from the same event.
 */
import { NonRetriableError } from 'inngest';
import type { AnyAsset, AssetGraph } from '../../runtime/index.ts';
import { checkAssetPartition } from '../../runtime/internal.ts';
import { assetMaterialized } from './events.ts';

export type SlotTarget =
  | { readonly kind: 'slot'; readonly partition: string | null }
  | { readonly kind: 'fan-out'; readonly partitions: readonly string[] };

interface TriggerEvent {
  readonly name: string;
  readonly data: { readonly asset?: unknown; readonly partition?: unknown };
}

export function slotTarget(graph: AssetGraph, asset: AnyAsset, event: TriggerEvent): SlotTarget {
  const partition = typeof event.data.partition === 'string' ? event.data.partition : null;
  const all: SlotTarget | undefined = asset.partitions === undefined ? undefined : { kind: 'fan-out', partitions: asset.partitions };
  if (event.name === assetMaterialized.name) {
    // An upstream committed: partition to partition between partitioned assets; a partitioned asset fed by
    // an unpartitioned upstream refreshes every partition; an unpartitioned asset reads all of its upstream.
    const upstream = typeof event.data.asset === 'string' && graph.has(event.data.asset) ? graph.get(event.data.asset) : undefined;
    if (all === undefined) return { kind: 'slot', partition: null };
    return upstream?.partitions !== undefined && partition !== null ? { kind: 'slot', partition } : all;
  }
  // A request (or an invocation, whose payload has the same shape); no partition of a partitioned asset is a fan-out.
  if (all !== undefined && partition === null) return all;
  try {
    checkAssetPartition(asset, partition);
  } catch (error) {
    // The runtime's rule and message; a replay cannot make the partition known, so it is final.
    throw new NonRetriableError((error as Error).message, { cause: error });
  }
  return { kind: 'slot', partition };
}
