/**
 * Planning a run: the slots (asset × partition) a selection covers, in topological order, each with its
 * status at planning time.
 */
import type { AssetKey } from '../asset/asset-key.ts';
import type { AssetGraph } from '../graph/asset-graph.ts';
import { slotsOf } from '../graph/slots.ts';
import type { StalenessResolver } from '../versions/staleness.ts';
import type { PlannedSlot } from './run-events.ts';

export async function planRun(
  graph: AssetGraph,
  resolver: StalenessResolver,
  keys: readonly AssetKey[],
  partition: string | null = null,
): Promise<PlannedSlot[]> {
  return Promise.all(
    slotsOf(graph, keys, partition).map(async (slot) => ({
      asset: slot.asset,
      partition: slot.partition,
      status: (await resolver.slotStatus(slot.asset, slot.partition)).status,
    })),
  );
}
