/**
 * Slots: one asset × one partition, the unit the executor plans, materializes and records. The one home of
 * the slot type, the slots a selection covers, the slots a slot reads, and the partition rule (one error
 * class, `PARTITION_UNKNOWN`, one message with its nearest partitions).
 *
 * "No partition" is `null`, in TypeScript as in the ledger's records and the events on the wire. JSON has no
 * `undefined`, and most slot values (records, run events, outcomes, statuses, Inngest step results) are
 * JSON, so with `null` a slot in memory is the slot on disk and on the wire: there is no boundary to convert
 * at. Functions that take a partition declare `partition: string | null = null`, so leaving it out means the
 * same; the one place an `undefined` turns into `null` is where an optional user option enters (e.g.
 * `MaterializeOptions.partition`).
 */
import type { AssetKey } from '../asset/asset-key.ts';
import type { AnyAsset } from '../asset/define-asset.ts';
import { SelectionError } from '../errors.ts';
import type { AssetGraph } from './asset-graph.ts';
import { didYouMean, nearestMatches } from './nearest-keys.ts';

/** One asset slot: an asset, and its partition (`null` when the asset is not partitioned). */
export interface Slot {
  readonly asset: AssetKey;
  readonly partition: string | null;
}

/** Whether two slots name the same asset and partition. */
export function isSameSlot(a: Slot, b: Slot): boolean {
  return a.asset === b.asset && a.partition === b.partition;
}

/**
 * The slots of `keys` in topological order; with `partition`, partitioned assets contribute only that
 * partition (which is checked first: see {@link checkSelectionPartition}).
 */
export function slotsOf(graph: AssetGraph, keys: readonly AssetKey[], partition: string | null = null): Slot[] {
  if (partition !== null) checkSelectionPartition(graph, keys, partition);
  return graph.inTopologicalOrder(keys).flatMap((key): Slot[] => {
    const partitions = graph.get(key).partitions;
    if (partitions === undefined) return [{ asset: key, partition: null }];
    return (partition === null ? partitions : [partition]).map((p) => ({ asset: key, partition: p }));
  });
}

/**
 * The upstream slots a slot reads: partition to partition between partitioned assets, every partition of a
 * partitioned upstream for an unpartitioned asset, the whole upstream otherwise.
 */
export function upstreamSlots(graph: AssetGraph, asset: AnyAsset, partition: string | null = null): Slot[] {
  return asset.depKeys.flatMap((depKey): Slot[] => {
    const upstream = graph.get(depKey);
    if (upstream.partitions === undefined) return [{ asset: depKey, partition: null }];
    if (asset.partitions !== undefined) return [{ asset: depKey, partition }];
    return upstream.partitions.map((p) => ({ asset: depKey, partition: p }));
  });
}

/**
 * A partition given with a selection (a run of `keys`): some selected asset must be partitioned, and every
 * partitioned one must have it. Throws `PARTITION_UNKNOWN` otherwise.
 */
export function checkSelectionPartition(graph: AssetGraph, keys: readonly AssetKey[], partition: string): void {
  const partitioned = keys.filter((key) => graph.get(key).partitions !== undefined);
  if (partitioned.length === 0) {
    throw new SelectionError('PARTITION_UNKNOWN', `Partition "${partition}" was given, but none of the selected assets (${keys.join(', ')}) is partitioned; leave out the partition.`);
  }
  for (const key of partitioned) checkKnownPartition(key, graph.get(key).partitions!, partition);
}

/**
 * A partition given for one asset (reading or materializing one slot): a partitioned asset needs one of its
 * own, an unpartitioned one takes none. Throws `PARTITION_UNKNOWN` otherwise.
 */
export function checkAssetPartition(asset: AnyAsset, partition: string | null): void {
  const known = asset.partitions;
  if (known === undefined) {
    if (partition !== null) throw new SelectionError('PARTITION_UNKNOWN', `Asset "${asset.key}" is not partitioned; leave out the partition.`);
    return;
  }
  if (partition === null) {
    throw new SelectionError('PARTITION_UNKNOWN', `Asset "${asset.key}" is partitioned; name one partition (${known.join(', ')}).`, [...known]);
  }
  checkKnownPartition(asset.key, known, partition);
}

function checkKnownPartition(key: AssetKey, known: readonly string[], partition: string): void {
  if (known.includes(partition)) return;
  const nearest = nearestMatches(partition, known);
  throw new SelectionError('PARTITION_UNKNOWN', `Asset "${key}" has no partition "${partition}".${didYouMean(nearest)} Its partitions: ${known.join(', ')}.`, nearest);
}
