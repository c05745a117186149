/** The one way to build a staleness resolver over a lake: its ledger, read through `storage`. */
import type { AssetGraph } from '../graph/asset-graph.ts';
import { Ledger } from '../ledger/ledger.ts';
import type { Storage } from '../storage/storage.ts';
import { StalenessResolver } from './staleness.ts';

/**
 * A resolver for `graph` over the lake in `storage` (one per request or command: it caches), with `now` for
 * backlogs falling due.
 *
 * @example
 * const status = await resolverFor(graph, storage).assetStatus('gold/matches');
 */
export function resolverFor(graph: AssetGraph, storage: Storage, now?: () => number): StalenessResolver {
  return new StalenessResolver(graph, new Ledger(storage), now);
}
