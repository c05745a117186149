// What a stack's lake says of its assets, read with the runtime's own resolver: one way for every suite
// that waits on the lake (end-to-end and scale).
import type { AssetGraph, AssetStatusReport, Storage } from '../../../runtime/index.ts';
import { resolverFor } from '../../../runtime/internal.ts';

export function assetStatus(graph: AssetGraph, storage: Storage, key: string): Promise<AssetStatusReport> {
  return resolverFor(graph, storage).assetStatus(key);
}

export async function allFresh(graph: AssetGraph, storage: Storage, keys: readonly string[] = graph.keys): Promise<boolean> {
  const resolver = resolverFor(graph, storage);
  for (const key of keys) if ((await resolver.assetStatus(key)).status !== 'fresh') return false;
  return true;
}
