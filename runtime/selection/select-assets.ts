/** `selectAssets`: parse a selection string and resolve it against a graph, the one call the CLI and server need. */
import type { AssetKey } from '../asset/asset-key.ts';
import type { AssetGraph } from '../graph/asset-graph.ts';
import { parseSelection } from './parse-selection.ts';
import { resolveSelection } from './resolve-selection.ts';

/**
 * The asset keys a selection string names, in topological order. Throws `SelectionError` for a syntax error,
 * an unknown key or an unknown group.
 *
 * @example
 * selectAssets('+gold/matches, group:raw', graph);
 */
export function selectAssets(text: string, graph: AssetGraph): AssetKey[] {
  return resolveSelection(parseSelection(text), graph);
}
