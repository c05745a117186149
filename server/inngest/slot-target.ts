/**
 * Which slot of an asset a triggering event asks for: one slot, or all partitions (a fan-out). Pure, so
 * every replay of a run, and its onFailure handler, derive the same answer from the same event.
 */
import { NonRetriableError } from 'inngest';
import type { AnyAsset, AssetGraph } from '../../runtime/index.ts';
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
  // A request (or an invocation, whose payload has the same shape).
  if (all === undefined) {
    if (partition !== null) throw new NonRetriableError(`"${asset.key}" is not partitioned; the request names partition "${partition}".`);
    return { kind: 'slot', partition: null };
  }
  if (partition === null) return all;
  if (!asset.partitions!.includes(partition)) {
    throw new NonRetriableError(`"${asset.key}" has no partition "${partition}" (it has ${asset.partitions!.join(', ')}).`);
  }
  return { kind: 'slot', partition };
}
