/**
 * Upstream first: the slots to materialize before a slot can be. Walks up from the slot through every
 * upstream slot that is missing or stale and returns the nearest ones whose own upstreams are all fresh.
 * If that is the slot itself, it can be materialized now. An upstream stale only for its own backlog (an
 * incremental asset whose budget ran out) is usable as it is: it continues on its own schedule (the
 * continuation its run sent), and holding every downstream back until its whole backlog is done would keep
 * new data from flowing for hours.
 */
import type { AssetGraph, Storage } from '../../runtime/index.ts';
import { resolverFor, slotLabel, upstreamSlots, type Slot } from '../../runtime/internal.ts';

/**
 * The frontier of `slot`, in topological order: `[slot]` when every upstream slot is fresh, else the
 * missing or stale upstream slots nearest the sources (each of which can be materialized now).
 */
export async function upstreamFrontier(graph: AssetGraph, storage: Storage, slot: Slot): Promise<Slot[]> {
  const resolver = resolverFor(graph, storage);
  const found = new Map<string, Slot>();
  const visited = new Set<string>();
  const visit = async (current: Slot): Promise<void> => {
    const label = slotLabel(current.asset, current.partition);
    if (visited.has(label)) return;
    visited.add(label);
    const pending: Slot[] = [];
    for (const upstream of upstreamSlots(graph, graph.get(current.asset), current.partition)) {
      const status = await resolver.slotStatus(upstream.asset, upstream.partition);
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
