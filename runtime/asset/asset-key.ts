/**
 * Asset keys are paths such as `gold/matches`. The first segment is the layer, which is also the storage
 * container; segments are lowercase so a key maps one-to-one to a blob prefix and a URL path. Also the rules
 * for the other names of a slot or an asset: partitions and groups.
 */
import { DefinitionError } from '../errors.ts';

/** An asset's key, `layer/name` (`raw/films`, `gold/matches`): the layer is its lake container. */
export type AssetKey = string;

const SEGMENT = /^[a-z][a-z0-9_]*$/;

/** Returns why `key` is not a valid asset key, or undefined when it is. */
export function invalidAssetKeyReason(key: string): string | undefined {
  const segments = key.split('/');
  if (segments.length < 2) return 'it needs at least two segments, "layer/name" (e.g. "gold/matches")';
  const bad = segments.find((segment) => !SEGMENT.test(segment));
  if (bad !== undefined) {
    return `segment "${bad}" must start with a lowercase letter and hold only lowercase letters, digits and "_"`;
  }
  return undefined;
}

export function assertAssetKey(key: string): AssetKey {
  const reason = invalidAssetKeyReason(key);
  if (reason !== undefined) throw new DefinitionError('DEFINITION_INVALID', `Invalid asset key "${key}": ${reason}.`, [key]);
  return key;
}

/** The layer (first segment) of a key: `raw`, `intermediate`, `gold`, ... */
export function layerOf(key: AssetKey): string {
  return key.slice(0, key.indexOf('/'));
}

/**
 * The Medallion names of the layers whose lake containers (and so keys and default groups) are named otherwise:
 * a selection's `group:silver` is answered with the group to use instead.
 */
export const MEDALLION_LAYER_NAMES: Readonly<Record<string, string>> = Object.freeze({ bronze: 'raw', silver: 'intermediate' });

/** What a partition name may hold: it is a path segment (`p=NAME`) and a CLI/URL argument. */
export const PARTITION_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

/** Returns why `partition` cannot be a partition name, or undefined when it can. */
export function invalidPartitionReason(partition: string): string | undefined {
  if (!PARTITION_PATTERN.test(partition)) {
    return `partition "${partition}" must start with a letter or digit and hold only letters, digits, ".", "_" and "-"`;
  }
  return undefined;
}

/** A character of a group name; `group:NAME` in a selection reads these (parse-selection.ts). */
export const GROUP_NAME_CHAR = /[A-Za-z0-9_-]/;
const GROUP_NAME = new RegExp(`^${GROUP_NAME_CHAR.source}+$`);

/** Returns why `group` cannot be a group name (a selection could not name it), or undefined when it can. */
export function invalidGroupReason(group: string): string | undefined {
  if (!GROUP_NAME.test(group)) return `group "${group}" must be non-empty and hold only letters, digits, "_" and "-" (so "group:NAME" can select it)`;
  return undefined;
}

/**
 * The lake prefix of one asset (and partition). `p=` cannot be a key segment (keys are lowercase
 * identifiers), so the partition suffix never collides with another asset's prefix.
 */
export function assetPrefix(key: AssetKey, partition: string | null = null): string {
  return partition === null ? key : `${key}/p=${partition}`;
}

/** Human form of an asset slot: `raw/discogs_releases[1999]`. */
export function slotLabel(key: AssetKey, partition: string | null = null): string {
  return partition === null ? key : `${key}[${partition}]`;
}
