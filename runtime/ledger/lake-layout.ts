/**
 * Where everything lives in the lake. Framework folders start with `_`, which no asset key segment can,
 * so they never collide with an asset's prefix:
 *
 *   <layer>/<name>[/p=<partition>]/_head.json            the committed materialization (one conditional write)
 *   <layer>/<name>[/p=<partition>]/<materialization id>/ data.parquet, quarantine.parquet, attachments/…
 *   metrics/_ledger/<asset prefix>/<finish time + random>.json  append-only history
 *   metrics/_journal/<asset prefix>/<provenance hash>/   durable steps, staging and attachments in flight
 *   metrics/_runs/<run id>.json                           one summary per run
 *   metrics/_runs/_active/<run id>.json                   a run in progress (removed once its summary is written)
 */
import { randomBytes } from 'node:crypto';
import { assetPrefix, type AssetKey } from '../asset/asset-key.ts';

/** How many runs `medallion runs` and `GET /runs` list when not told. */
export const DEFAULT_RUN_LIMIT = 20;

export function headPath(key: AssetKey, partition: string | null = null): string {
  return `${assetPrefix(key, partition)}/_head.json`;
}

export function materializationFolder(key: AssetKey, partition: string | null, materializationId: string): string {
  return `${assetPrefix(key, partition)}/${materializationId}`;
}

export function ledgerPrefix(key: AssetKey, partition: string | null = null): string {
  return `metrics/_ledger/${assetPrefix(key, partition)}/`;
}

export function ledgerRecordPath(key: AssetKey, partition: string | null, recordName: string): string {
  return `${ledgerPrefix(key, partition)}${recordName}.json`;
}

export function journalPrefix(key: AssetKey, partition: string | null = null): string {
  return `metrics/_journal/${assetPrefix(key, partition)}/`;
}

export function journalFolder(key: AssetKey, partition: string | null, provenanceHash: string): string {
  return `${journalPrefix(key, partition)}${provenanceHash.slice(0, 24)}`;
}

export const RUNS_PREFIX = 'metrics/_runs/';

export function runSummaryPath(runId: string): string {
  return `${RUNS_PREFIX}${runId}.json`;
}

/** Markers of runs in progress: a marker whose run holds no lease any more is a run that was killed. */
export const ACTIVE_RUNS_PREFIX = `${RUNS_PREFIX}_active/`;

export function activeRunPath(runId: string): string {
  return `${ACTIVE_RUNS_PREFIX}${runId}.json`;
}

/** The lock a run holds while it is in progress (a renewed lease, so a killed run's lapses). */
export function runLockName(runId: string): string {
  return `run/${runId}`;
}

/** The shape of `createTimeOrderedId`'s ids: a version folder's name is one. */
export const TIME_ORDERED_ID = /^\d{8}T\d{9}Z-[0-9a-f]{6}$/;

/** When a time-ordered id was created. */
export function timeOfId(id: string): Date {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z/.exec(id)!;
  return new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${m[7]}Z`);
}

/**
 * Ids that sort by creation time (lexicographically) and are unique across processes:
 * `20261126T124501123Z-3f9a1c`.
 */
export function createTimeOrderedId(now: Date = new Date()): string {
  const stamp = now.toISOString().replace(/[-:.]/g, '');
  return `${stamp}-${randomBytes(3).toString('hex')}`;
}

/** Turns a user-chosen name (a step id, an attachment name) into a safe path segment sequence. */
export function safeRelativeName(name: string): string {
  const segments = name.split('/').map((segment) => segment.replace(/[^A-Za-z0-9._=-]/g, '_'));
  if (name.length === 0 || segments.some((segment) => segment === '' || segment === '.' || segment === '..')) {
    throw new Error(`"${name}" is not a usable name: use non-empty segments separated by "/", without "." or ".."`);
  }
  return segments.join('/');
}
