/**
 * Planning a run: the slots (asset × partition) a selection covers, in topological order, each with its
 * status at planning time.
 */
import type { AssetKey } from '../asset/asset-key.ts';
import { SelectionError } from '../errors.ts';
import type { AssetGraph } from '../graph/asset-graph.ts';
import { nearestMatches } from '../graph/nearest-keys.ts';
import type { StalenessResolver } from '../versions/staleness.ts';
import type { PlannedSlot } from './run-events.ts';

export interface Slot {
  readonly asset: AssetKey;
  readonly partition: string | undefined;
}

/** Slots of `keys`; with `partition`, partitioned assets contribute only that partition. */
export function slotsOf(graph: AssetGraph, keys: readonly AssetKey[], partition?: string): Slot[] {
  if (partition !== undefined) checkPartition(graph, keys, partition);
  return graph.inTopologicalOrder(keys).flatMap((key): Slot[] => {
    const partitions = graph.get(key).partitions;
    if (partitions === undefined) return [{ asset: key, partition: undefined }];
    return (partition === undefined ? partitions : [partition]).map((p) => ({ asset: key, partition: p }));
  });
}

export async function planRun(
  graph: AssetGraph,
  resolver: StalenessResolver,
  keys: readonly AssetKey[],
  partition?: string,
): Promise<PlannedSlot[]> {
  return Promise.all(
    slotsOf(graph, keys, partition).map(async (slot) => ({
      asset: slot.asset,
      partition: slot.partition ?? null,
      status: (await resolver.slotStatus(slot.asset, slot.partition)).status,
    })),
  );
}

function checkPartition(graph: AssetGraph, keys: readonly AssetKey[], partition: string): void {
  const partitioned = keys.filter((key) => graph.get(key).partitions !== undefined);
  if (partitioned.length === 0) {
    throw new SelectionError('PARTITION_UNKNOWN', `--partition "${partition}" was given, but no selected asset is partitioned.`);
  }
  for (const key of partitioned) {
    const known = graph.get(key).partitions!;
    if (!known.includes(partition)) {
      const nearest = nearestMatches(partition, known);
      throw new SelectionError(
        'PARTITION_UNKNOWN',
        `Asset "${key}" has no partition "${partition}".${nearest.length > 0 ? ` Did you mean ${nearest.map((p) => `"${p}"`).join(' or ')}?` : ''} Its partitions: ${known.join(', ')}.`,
        nearest,
      );
    }
  }
}
