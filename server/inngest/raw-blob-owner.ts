/**
 * Which asset owns a blob that landed in the lake: `raw/<name>/landing/<file>` belongs to `raw/<name>` (a name
 * of one or more segments), `raw/<name>/p=<partition>/landing/<file>` to one of its partitions; anything else is
 * ignored, with why.
 */
import type { AssetGraph } from '../../runtime/index.ts';
import type { Slot } from '../../runtime/internal.ts';

export const RAW_CONTAINER = 'raw';
// Only `landing/` counts: the raw container also holds what the framework writes for the same assets
// (`_head.json`, `<materialization id>/data.parquet`, the attached API pages). Event Grid reports those writes
// as BlobCreated too; taken for new data, every materialization would observe itself, go stale and run again.
export const LANDING_FOLDER = 'landing';

export type BlobOwner = { readonly kind: 'owned'; readonly slot: Slot } | { readonly kind: 'ignored'; readonly reason: string };

/**
 * A blob name (decoded) that could leave its container once joined to a lake path: NUL, absolute, or with a
 * `..` segment. The webhook refuses such a name at the door; the observer ignores it too, whoever sent it.
 */
export function unsafeBlobNameReason(name: string): string | undefined {
  if (name.includes('\0')) return 'contains a NUL character';
  if (name.startsWith('/') || name.startsWith('\\') || /^[A-Za-z]:/.test(name)) return 'is an absolute path';
  if (name.split(/[/\\]/).includes('..')) return 'has a ".." segment';
  return undefined;
}

export function ownerOfBlob(graph: AssetGraph, container: string, path: string): BlobOwner {
  const where = `${container}/${path}`;
  const unsafe = unsafeBlobNameReason(path);
  if (unsafe !== undefined) return ignored(`${JSON.stringify(where)} ${unsafe}`);
  if (container !== RAW_CONTAINER) return ignored(`${where}: only the "${RAW_CONTAINER}" container holds landed source data`);
  const segments = path.split('/');
  const nameLength = assetNameLength(graph, container, segments);
  const name = segments.slice(0, nameLength).join('/');
  const second = segments[nameLength];
  const isPartitioned = second?.startsWith('p=') ?? false;
  const landingAt = nameLength + (isPartitioned ? 1 : 0);
  const file = segments.slice(landingAt + 1);
  if (segments[landingAt] !== LANDING_FOLDER || file.length === 0 || file.includes('')) {
    return ignored(`${where}: not under <asset>/${LANDING_FOLDER}/ or <asset>/p=<partition>/${LANDING_FOLDER}/ (framework files and materializations are never landings)`);
  }
  if (file.some((segment) => segment.startsWith('_') || segment.startsWith('.'))) {
    return ignored(`${where}: names starting with "_" or "." are temporary or framework files`);
  }
  const key = `${container}/${name}`;
  if (!graph.has(key)) return ignored(`${where}: no asset "${key}" in the graph`);
  const partitions = graph.get(key).partitions;
  const partition = isPartitioned ? second!.slice(2) : null;
  if (partitions === undefined && partition !== null) return ignored(`${where}: "${key}" is not partitioned`);
  if (partitions !== undefined && partition === null) return ignored(`${where}: "${key}" is partitioned; land under ${key}/p=<partition>/${LANDING_FOLDER}/`);
  if (partitions !== undefined && !partitions.includes(partition!)) return ignored(`${where}: "${key}" has no partition "${partition}"`);
  return { kind: 'owned', slot: { asset: key, partition } };
}

/**
 * How many leading segments of `segments` are the name of an asset in the graph, followed by its partition or
 * landing folder: a key may have more than two segments (`raw/a/b`). The longest wins; 1 when none is known.
 */
function assetNameLength(graph: AssetGraph, container: string, segments: readonly string[]): number {
  let longest = 1;
  for (const key of graph.keys) {
    const [layer, ...name] = key.split('/');
    if (layer !== container || name.length <= longest || name.length >= segments.length - 1) continue;
    const next = segments[name.length]!;
    if ((next === LANDING_FOLDER || next.startsWith('p=')) && name.every((segment, i) => segment === segments[i])) longest = name.length;
  }
  return longest;
}

function ignored(reason: string): BlobOwner {
  return { kind: 'ignored', reason };
}
