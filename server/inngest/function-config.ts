/**
 * What Inngest registers for one asset, derived from the graph alone (pure, so tests can read it): id and
 * name, triggers with their `if` expressions, concurrency and debounce keys, and retries from the policy.
 */
import type { TimeStr } from 'inngest';
import { ConfigError, type AnyAsset, type AssetGraph } from '../../runtime/index.ts';
import { assetMaterialized, assetRequested } from './events.ts';

export interface AssetFunctionOptions {
  /** How long a multi-upstream asset waits for more upstream events before it runs (Inngest duration). */
  readonly debouncePeriod?: TimeStr;
  /** The longest a debounced run can be postponed by a steady stream of events. */
  readonly debounceTimeout?: TimeStr;
  /** How long after a materialization that left work pending (its budget ran out) the asset requests itself again. */
  readonly backlogDelay?: TimeStr;
}

export const DEFAULT_DEBOUNCE_PERIOD: TimeStr = '10s';
export const DEFAULT_DEBOUNCE_TIMEOUT: TimeStr = '2m';
export const DEFAULT_BACKLOG_DELAY: TimeStr = '1m';

const DURATION = /^[1-9][0-9]*[smhd]$/;

/**
 * Function settings from the environment, for `medallion serve`: `MEDALLION_INNGEST_DEBOUNCE` (the period),
 * `MEDALLION_INNGEST_DEBOUNCE_TIMEOUT` and `MEDALLION_INNGEST_BACKLOG_DELAY`, each a whole number of seconds,
 * minutes, hours or days (`2s`, `1m`).
 */
export function functionOptionsFromEnvironment(env: Readonly<Record<string, string | undefined>>): AssetFunctionOptions {
  const read = (name: string): TimeStr | undefined => {
    const raw = env[name]?.trim();
    if (!raw) return undefined;
    if (!DURATION.test(raw)) throw new ConfigError(`${name} must be a duration such as 2s, 10s or 1m (a whole number and s, m, h or d), not "${raw}".`);
    return raw as TimeStr;
  };
  const period = read('MEDALLION_INNGEST_DEBOUNCE');
  const timeout = read('MEDALLION_INNGEST_DEBOUNCE_TIMEOUT');
  const backlog = read('MEDALLION_INNGEST_BACKLOG_DELAY');
  return {
    ...(period === undefined ? {} : { debouncePeriod: period }),
    ...(timeout === undefined ? {} : { debounceTimeout: timeout }),
    ...(backlog === undefined ? {} : { backlogDelay: backlog }),
  };
}

const UNIT_MS: Readonly<Record<string, number>> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** A duration this module accepts (`30s`, `1m`) in milliseconds. */
export function durationMs(duration: TimeStr): number {
  const text = String(duration);
  return Number(text.slice(0, -1)) * UNIT_MS[text.slice(-1)]!;
}
/** Inngest accepts 0..20 retries (per step, and for the code between steps). */
export type InngestRetries = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12 | 13 | 14 | 15 | 16 | 17 | 18 | 19 | 20;
const MAX_INNGEST_RETRIES = 20;

/** `gold/matches` → `materialize-gold-matches`: readable in the dev UI, and a valid Inngest slug. */
export function assetFunctionId(key: string): string {
  return `materialize-${key.replaceAll('/', '-').replaceAll('_', '-')}`;
}

/** A CEL string literal; asset keys are `[a-z0-9_/]`, so quoting is all they need. */
function literal(value: string): string {
  return `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
}

export function isPartitioned(asset: AnyAsset): boolean {
  return asset.partitions !== undefined;
}

/**
 * The asset reads several upstream slots (several parents, or every partition of a partitioned parent):
 * one change upstream can then arrive as several `materialized` events, which debounce coalesces.
 */
export function readsSeveralUpstreamSlots(graph: AssetGraph, asset: AnyAsset): boolean {
  const slots = asset.depKeys.reduce((count, key) => {
    const parent = graph.get(key);
    return count + (parent.partitions !== undefined && asset.partitions === undefined ? parent.partitions.length : 1);
  }, 0);
  return slots > 1;
}

export function assetFunctionConfig(graph: AssetGraph, asset: AnyAsset, options: AssetFunctionOptions = {}) {
  const parents = graph.parents(asset.key);
  const triggers = [
    { event: assetRequested, if: `event.data.asset == ${literal(asset.key)}` },
    ...(parents.length === 0 ? [] : [{ event: assetMaterialized, if: parents.map((key) => `event.data.asset == ${literal(key)}`).join(' || ') }]),
  ];
  // Functions are per asset, so a function-scoped limit is per asset; a partitioned asset adds the partition
  // as the key. Runs without a partition (fan-outs) share one key and only send events.
  const slotKey = isPartitioned(asset) ? { key: 'event.data.partition' } : {};
  const debounce = readsSeveralUpstreamSlots(graph, asset)
    ? { debounce: { period: options.debouncePeriod ?? DEFAULT_DEBOUNCE_PERIOD, timeout: options.debounceTimeout ?? DEFAULT_DEBOUNCE_TIMEOUT, ...slotKey } }
    : {};
  return {
    id: assetFunctionId(asset.key),
    name: `Materialize ${asset.key}`,
    description: asset.description,
    triggers,
    concurrency: { limit: 1, ...slotKey },
    retries: Math.min(MAX_INNGEST_RETRIES, Math.max(0, asset.retry.maxAttempts - 1)) as InngestRetries,
    ...debounce,
  };
}
