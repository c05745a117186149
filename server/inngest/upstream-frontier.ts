/**
 * Upstream first: the slots to materialize before a slot can be. Walks up from the slot through every
 * upstream slot that is missing or stale and returns the nearest ones whose own upstreams are all fresh.
 * If that is the slot itself, it can be materialized now. An upstream stale only for its own backlog (an
 * incremental asset whose budget ran out) is usable as it is: it continues on its own schedule (the
 * continuation its run sent), and holding every downstream back until its whole backlog is done would keep
 * new data from flowing for hours.
 */
import { StalenessResolver, type AssetGraph, type Storage } from '../../runtime/index.ts';
import { Ledger, slotLabel, upstreamSlots } from '../../runtime/internal.ts';

/** An asset slot as JSON (a step result): `partition` is null when the asset is not partitioned. */
export interface SlotRef {
  readonly asset: string;
  readonly partition: string | null;
}

/** The slots a slot reads: the runtime's `upstreamSlots`, as JSON slot references. */
export function upstreamSlotsOf(graph: AssetGraph, slot: SlotRef): SlotRef[] {
  return upstreamSlots(graph, graph.get(slot.asset), slot.partition ?? undefined)
    .map((upstream) => ({ asset: upstream.asset, partition: upstream.partition ?? null }));
}

/**
 * The frontier of `slot`, in topological order: `[slot]` when every upstream slot is fresh, else the
 * missing or stale upstream slots nearest the sources (each of which can be materialized now).
 */
export async function upstreamFrontier(graph: AssetGraph, storage: Storage, slot: SlotRef): Promise<SlotRef[]> {
  const resolver = new StalenessResolver(graph, new Ledger(storage));
  const found = new Map<string, SlotRef>();
  const visited = new Set<string>();
  const visit = async (current: SlotRef): Promise<void> => {
    const label = slotLabel(current.asset, current.partition ?? undefined);
    if (visited.has(label)) return;
    visited.add(label);
    const pending: SlotRef[] = [];
    for (const upstream of upstreamSlotsOf(graph, current)) {
      const status = await resolver.slotStatus(upstream.asset, upstream.partition ?? undefined);
      if (status.status === 'missing' || (status.status === 'stale' && !status.causes.every((cause) => cause.category === 'backlog'))) pending.push(upstream);
    }
    if (pending.length === 0) found.set(label, current);
    for (const upstream of pending) await visit(upstream);
  };
  await visit(slot);
  const order = new Map(graph.keys.map((key, index) => [key, index]));
  return [...found.values()].sort(
    (a, b) => order.get(a.asset)! - order.get(b.asset)! || (a.partition ?? '').localeCompare(b.partition ?? ''),
  );
}

export function isSameSlot(a: SlotRef, b: SlotRef): boolean {
  return a.asset === b.asset && a.partition === b.partition;
}
