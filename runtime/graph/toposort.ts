/** Kahn's topological sort, one generation at a time with alphabetical tie-breaking; a cycle is reported as the path that closes it. */
import type { AssetKey } from '../asset/asset-key.ts';
import type { AnyAsset } from '../asset/define-asset.ts';
import { DefinitionError } from '../errors.ts';

export function toposort(byKey: ReadonlyMap<AssetKey, AnyAsset>): AssetKey[] {
  const indegree = new Map<AssetKey, number>();
  const children = new Map<AssetKey, AssetKey[]>();
  for (const [key, asset] of byKey) {
    indegree.set(key, asset.depKeys.length);
    for (const parent of asset.depKeys) children.set(parent, [...(children.get(parent) ?? []), key]);
  }
  // Generation by generation (roots, then what they unblock, ...), each sorted: reads as raw → intermediate → gold.
  let generation = [...byKey.keys()].filter((key) => indegree.get(key) === 0).sort();
  const order: AssetKey[] = [];
  while (generation.length > 0) {
    order.push(...generation);
    const next: AssetKey[] = [];
    for (const key of generation) {
      for (const child of children.get(key) ?? []) {
        const remaining = indegree.get(child)! - 1;
        indegree.set(child, remaining);
        if (remaining === 0) next.push(child);
      }
    }
    generation = next.sort();
  }
  if (order.length < byKey.size) {
    const cycle = findCycle(byKey, new Set([...byKey.keys()].filter((key) => indegree.get(key)! > 0)));
    throw new DefinitionError(
      'DEFINITION_CYCLE',
      `Assets form a dependency cycle: ${cycle.join(' → ')}. Remove one of these dependencies.`,
      [...new Set(cycle)],
    );
  }
  return order;
}

/** Depth-first search restricted to nodes left over by Kahn's algorithm; returns `[a, b, …, a]`. */
function findCycle(byKey: ReadonlyMap<AssetKey, AnyAsset>, candidates: Set<AssetKey>): AssetKey[] {
  const state = new Map<AssetKey, 'visiting' | 'done'>();
  const path: AssetKey[] = [];
  const visit = (key: AssetKey): AssetKey[] | undefined => {
    state.set(key, 'visiting');
    path.push(key);
    for (const parent of [...byKey.get(key)!.depKeys].sort()) {
      if (!candidates.has(parent)) continue;
      if (state.get(parent) === 'visiting') return [...path.slice(path.indexOf(parent)), parent].reverse();
      if (state.get(parent) === undefined) {
        const found = visit(parent);
        if (found) return found;
      }
    }
    path.pop();
    state.set(key, 'done');
    return undefined;
  };
  for (const key of [...candidates].sort()) {
    if (state.get(key) === undefined) {
      const found = visit(key);
      if (found) return found;
    }
  }
  return [...candidates].sort();
}
