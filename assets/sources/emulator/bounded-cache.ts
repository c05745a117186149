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

/**
 * The intersection of ascending lists of positions, smallest list first. Each value of the (short) running
 * result is found in the next list by galloping from where the last one was, so a common word's long list
 * costs a few steps per value, not a walk over all of it.
 */
export function intersectSorted(lists: ReadonlyArray<readonly number[]>): number[] {
  if (lists.length === 0) return [];
  const [smallest, ...others] = [...lists].sort((a, b) => a.length - b.length);
  let result = [...smallest!];
  for (const other of others) {
    const next: number[] = [];
    let low = 0;
    for (const value of result) {
      low = lowerBound(other, value, low);
      if (low === other.length) break;
      if (other[low] === value) next.push(value);
    }
    result = next;
    if (result.length === 0) break;
  }
  return result;
}

/** The first index ≥ `from` whose value is ≥ `value`: gallop to bracket it, then bisect. */
function lowerBound(list: readonly number[], value: number, from: number): number {
  let step = 1;
  let high = from;
  while (high < list.length && list[high]! < value) {
    from = high + 1;
    high += step;
    step *= 2;
  }
  high = Math.min(high, list.length);
  while (from < high) {
    const middle = (from + high) >>> 1;
    if (list[middle]! < value) from = middle + 1;
    else high = middle;
  }
  return from;
}
