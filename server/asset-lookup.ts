/**
 * Resolving the asset key a request names in its URL against the graph (404 with the nearest keys when
 * unknown). Partitions are checked by the runtime's rule (runtime/graph/slots.ts).
 */
import type { AnyAsset, AssetGraph } from '../runtime/index.ts';
import { didYouMean, nearestMatches } from '../runtime/internal.ts';
import { ApiError } from './api-error.ts';

export function requireKnownAsset(graph: AssetGraph, key: string): AnyAsset {
  if (graph.has(key)) return graph.get(key);
  const suggestions = nearestMatches(key, graph.keys);
  throw new ApiError(404, 'ASSET_NOT_FOUND', `No asset "${key}".${didYouMean(suggestions)} GET /assets lists them.`, { details: { suggestions } });
}
