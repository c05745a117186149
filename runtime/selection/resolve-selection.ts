/**
 * Selection AST + asset graph → asset keys, in the graph's topological order. Knows nothing of selection
 * strings (`parse-selection.ts` does); an unknown key or group throws `SelectionError` with the nearest names.
 */
import { MEDALLION_LAYER_NAMES, type AssetKey } from '../asset/asset-key.ts';
import { SelectionError } from '../errors.ts';
import type { AssetGraph } from '../graph/asset-graph.ts';
import { didYouMean, nearestMatches } from '../graph/nearest-keys.ts';
import type { SelectionNode } from './parse-selection.ts';

/**
 * The keys a selection names, deduplicated, in topological order (ties alphabetical).
 *
 * @example
 * resolveSelection({ kind: 'upstream', of: { kind: 'key', key: 'gold/matches' }, depth: 1 }, graph);
 * // ['intermediate/candidates', 'gold/matches']
 */
export function resolveSelection(node: SelectionNode, graph: AssetGraph): AssetKey[] {
  return graph.inTopologicalOrder(collect(node, graph));
}

function collect(node: SelectionNode, graph: AssetGraph): Set<AssetKey> {
  switch (node.kind) {
    case 'all':
      return new Set(graph.keys);
    case 'key':
      return new Set([knownKey(node.key, graph)]);
    case 'group':
      return new Set(groupMembers(node.name, graph));
    case 'upstream':
      return withNeighbours(collect(node.of, graph), (key) => graph.ancestors(key, node.depth));
    case 'downstream':
      return withNeighbours(collect(node.of, graph), (key) => graph.descendants(key, node.depth));
    case 'union':
      return new Set(node.members.flatMap((member) => [...collect(member, graph)]));
  }
}

function withNeighbours(keys: Set<AssetKey>, neighbours: (key: AssetKey) => Set<AssetKey>): Set<AssetKey> {
  const result = new Set(keys);
  for (const key of keys) for (const neighbour of neighbours(key)) result.add(neighbour);
  return result;
}

function knownKey(key: string, graph: AssetGraph): AssetKey {
  if (graph.has(key)) return key;
  const nearest = nearestMatches(key, graph.keys);
  const hint = didYouMean(nearest) || ' `medallion list` shows all asset keys.';
  throw new SelectionError('SELECTION_UNKNOWN_KEY', `Unknown asset "${key}".${hint}`, nearest);
}

function groupMembers(name: string, graph: AssetGraph): AssetKey[] {
  const groups = graph.groups();
  const members = groups.get(name);
  if (members !== undefined) return members;
  const known = [...groups.keys()].sort();
  const layer = Object.hasOwn(MEDALLION_LAYER_NAMES, name) ? MEDALLION_LAYER_NAMES[name] : undefined;
  const renamed = layer !== undefined && groups.has(layer) ? [layer] : [];
  const nearest = [...new Set([...renamed, ...nearestMatches(name, known)])];
  const listing = known.length > 0 ? `Known groups: ${quoteAll(known, ', ')}.` : 'The graph has no groups.';
  throw new SelectionError('SELECTION_UNKNOWN_GROUP', `Unknown group "${name}".${didYouMean(nearest)} ${listing}`, nearest);
}

function quoteAll(names: readonly string[], separator: string): string {
  return names.map((name) => `"${name}"`).join(separator);
}
