/**
 * The asset graph: a validated, read-only view over a set of assets (parents, children, ancestors,
 * descendants, groups, a stable topological order). Rejects duplicate keys, unknown dependencies, cycles and
 * incompatible partitions, naming the assets involved.
 */
import type { AssetKey } from '../asset/asset-key.ts';
import type { AnyAsset } from '../asset/define-asset.ts';
import { DefinitionError } from '../errors.ts';
import { didYouMean, nearestMatches } from './nearest-keys.ts';
import { toposort } from './toposort.ts';

/** A validated, read-only set of assets: parents, children, ancestors, groups and a stable topological order. */
export class AssetGraph {
  readonly #assets: ReadonlyMap<AssetKey, AnyAsset>;
  readonly #children: ReadonlyMap<AssetKey, readonly AssetKey[]>;
  /** Topological order, ties broken alphabetically for stable output. */
  readonly keys: readonly AssetKey[];

  constructor(assets: readonly AnyAsset[]) {
    const byKey = indexByKey(assets);
    checkDependencies(byKey);
    this.#assets = byKey;
    this.keys = Object.freeze(toposort(byKey));
    const children = new Map<AssetKey, AssetKey[]>([...byKey.keys()].map((key) => [key, []]));
    for (const key of this.keys) for (const parent of byKey.get(key)!.depKeys) children.get(parent)!.push(key);
    for (const list of children.values()) list.sort();
    this.#children = children;
  }

  get size(): number {
    return this.keys.length;
  }

  has(key: string): boolean {
    return this.#assets.has(key);
  }

  /** The asset with this key; the caller has already resolved the key against the graph. */
  get(key: AssetKey): AnyAsset {
    const asset = this.#assets.get(key);
    if (asset === undefined) throw new Error(`AssetGraph.get: "${key}" is not in the graph`);
    return asset;
  }

  assets(): AnyAsset[] {
    return this.keys.map((key) => this.get(key));
  }

  parents(key: AssetKey): readonly AssetKey[] {
    return this.get(key).depKeys;
  }

  children(key: AssetKey): readonly AssetKey[] {
    return this.#children.get(key) ?? [];
  }

  /** Keys upstream of `key` within `depth` hops (all when undefined), excluding `key`. */
  ancestors(key: AssetKey, depth?: number): Set<AssetKey> {
    return this.#walk(key, depth, (k) => this.parents(k));
  }

  /** Keys downstream of `key` within `depth` hops (all when undefined), excluding `key`. */
  descendants(key: AssetKey, depth?: number): Set<AssetKey> {
    return this.#walk(key, depth, (k) => this.children(k));
  }

  groups(): Map<string, AssetKey[]> {
    const groups = new Map<string, AssetKey[]>();
    for (const asset of this.assets()) {
      const members = groups.get(asset.group) ?? [];
      members.push(asset.key);
      groups.set(asset.group, members);
    }
    return groups;
  }

  /** Sorts keys into the graph's topological order. */
  inTopologicalOrder(keys: Iterable<AssetKey>): AssetKey[] {
    const wanted = new Set(keys);
    return this.keys.filter((key) => wanted.has(key));
  }

  #walk(start: AssetKey, depth: number | undefined, next: (key: AssetKey) => readonly AssetKey[]): Set<AssetKey> {
    const seen = new Set<AssetKey>();
    let frontier = [start];
    for (let hop = 0; frontier.length > 0 && (depth === undefined || hop < depth); hop++) {
      const upcoming: AssetKey[] = [];
      for (const key of frontier) {
        for (const neighbour of next(key)) {
          if (!seen.has(neighbour) && neighbour !== start) {
            seen.add(neighbour);
            upcoming.push(neighbour);
          }
        }
      }
      frontier = upcoming;
    }
    return seen;
  }
}

/**
 * Builds and validates a graph.
 *
 * @example
 * const graph = createAssetGraph([tmdbMovies, discogsReleases, candidates, matches]);
 */
export function createAssetGraph(assets: readonly AnyAsset[]): AssetGraph {
  return new AssetGraph(assets);
}

function indexByKey(assets: readonly AnyAsset[]): Map<AssetKey, AnyAsset> {
  const byKey = new Map<AssetKey, AnyAsset>();
  const duplicates = new Set<AssetKey>();
  for (const asset of assets) {
    if (byKey.has(asset.key)) duplicates.add(asset.key);
    byKey.set(asset.key, asset);
  }
  if (duplicates.size > 0) {
    const keys = [...duplicates].sort();
    throw new DefinitionError(
      'DEFINITION_DUPLICATE_KEY',
      `Asset key${keys.length > 1 ? 's' : ''} defined more than once: ${keys.map((k) => `"${k}"`).join(', ')}. Each asset needs a unique key.`,
      keys,
    );
  }
  return byKey;
}

function checkDependencies(byKey: ReadonlyMap<AssetKey, AnyAsset>): void {
  const known = [...byKey.keys()];
  for (const asset of byKey.values()) {
    for (const [name, dep] of Object.entries(asset.deps as Record<string, unknown>)) {
      const depKey = typeof dep === 'string' ? dep : (dep as AnyAsset).key;
      const target = byKey.get(depKey);
      if (target === undefined) {
        const nearest = nearestMatches(depKey, known);
        throw new DefinitionError(
          'DEFINITION_UNKNOWN_DEPENDENCY',
          `Asset "${asset.key}" depends on "${depKey}" (input "${name}"), which is not in the graph.${didYouMean(nearest)} Add it to the graph or remove the dependency.`,
          [asset.key, depKey],
        );
      }
      if (typeof dep !== 'string' && dep !== target) {
        throw new DefinitionError(
          'DEFINITION_DUPLICATE_KEY',
          `Asset "${asset.key}" depends on a different definition of "${depKey}" than the one in the graph. Import one definition and share it.`,
          [asset.key, depKey],
        );
      }
      checkPartitionsCompatible(asset, target);
    }
  }
}

/** Partitioned → partitioned dependencies map partition to partition, so their keys must be the same set. */
function checkPartitionsCompatible(asset: AnyAsset, upstream: AnyAsset): void {
  if (asset.partitions === undefined || upstream.partitions === undefined) return;
  const mine = [...asset.partitions].sort().join(',');
  const theirs = [...upstream.partitions].sort().join(',');
  if (mine !== theirs) {
    throw new DefinitionError(
      'DEFINITION_INVALID',
      `Assets "${asset.key}" and its upstream "${upstream.key}" are both partitioned but with different partition keys; partitioned dependencies map partition to partition, so they must declare the same keys.`,
      [asset.key, upstream.key],
    );
  }
}
