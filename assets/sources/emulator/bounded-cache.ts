/**
 * A size-bounded memo (oldest entry evicted first): per-query result lists are computed once and reused for
 * every page of that query, without a long run of one-off queries growing memory without end.
 */

export interface BoundedCache<V> {
  get(key: string, compute: () => V): V;
}

export function createBoundedCache<V>(maxEntries: number): BoundedCache<V> {
  const entries = new Map<string, V>();
  return {
    get(key, compute) {
      const hit = entries.get(key);
      if (hit !== undefined) return hit;
      const value = compute();
      entries.set(key, value);
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
      return value;
    },
  };
}

/** The intersection of ascending lists of positions, smallest list first. */
export function intersectSorted(lists: ReadonlyArray<readonly number[]>): number[] {
  if (lists.length === 0) return [];
  const [smallest, ...others] = [...lists].sort((a, b) => a.length - b.length);
  let result = [...smallest!];
  for (const other of others) {
    const next: number[] = [];
    let j = 0;
    for (const value of result) {
      while (j < other.length && other[j]! < value) j++;
      if (j === other.length) break;
      if (other[j] === value) next.push(value);
    }
    result = next;
    if (result.length === 0) break;
  }
  return result;
}
