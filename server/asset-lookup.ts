/**
 * Resolving what a request names against the graph: an asset key from the URL (404 with the nearest keys
 * when unknown) and a partition, of a run of `+KEY` or of one asset (400 with the nearest partitions).
 */
import { selectAssets, SelectionError, type AnyAsset, type AssetGraph } from '../runtime/index.ts';
import { nearestMatches } from '../runtime/internal.ts';
import { ApiError } from './api-error.ts';

export function requireKnownAsset(graph: AssetGraph, key: string): AnyAsset {
  if (graph.has(key)) return graph.get(key);
  const suggestions = nearestMatches(key, graph.keys);
  throw new ApiError(404, 'ASSET_NOT_FOUND', `No asset "${key}".${didYouMean(suggestions)} GET /assets lists them.`, { details: { suggestions } });
}

/**
 * Checks a partition before anything runs or is sent: some asset in `+key` must be partitioned, and every
 * partitioned one must have it (the executor's own rule, so the event path fails the same way).
 */
export function requireKnownPartition(graph: AssetGraph, key: string, partition: string): void {
  const partitioned = selectAssets(`+${key}`, graph).filter((candidate) => graph.get(candidate).partitions !== undefined);
  if (partitioned.length === 0) {
    throw new SelectionError('PARTITION_UNKNOWN', `Partition "${partition}" was given, but neither "${key}" nor its upstream assets are partitioned.`);
  }
  for (const candidate of partitioned) {
    const known = graph.get(candidate).partitions!;
    if (known.includes(partition)) continue;
    const suggestions = nearestMatches(partition, known);
    throw new SelectionError('PARTITION_UNKNOWN', `Asset "${candidate}" has no partition "${partition}".${didYouMean(suggestions)} Its partitions: ${known.join(', ')}.`, suggestions);
  }
}

/** For reading one partition of an asset (its history): the asset itself must have it. */
export function requireOwnPartition(asset: AnyAsset, partition: string): void {
  const known = asset.partitions ?? [];
  if (known.includes(partition)) return;
  if (known.length === 0) throw new SelectionError('PARTITION_UNKNOWN', `Asset "${asset.key}" is not partitioned; leave out the partition.`);
  const suggestions = nearestMatches(partition, known);
  throw new SelectionError('PARTITION_UNKNOWN', `Asset "${asset.key}" has no partition "${partition}".${didYouMean(suggestions)} Its partitions: ${known.join(', ')}.`, suggestions);
}

function didYouMean(suggestions: readonly string[]): string {
  return suggestions.length > 0 ? ` Did you mean ${suggestions.map((s) => `"${s}"`).join(' or ')}?` : '';
}
