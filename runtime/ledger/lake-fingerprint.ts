/**
 * Fingerprints of what the ledger's readers read, taken from object versions alone (stats and listings, never
 * bodies): one changes whenever a head is committed, an observation recorded, a history record appended or a
 * run summary written, by this process or any other sharing the lake. A server keys its cached answers by
 * them (server/answer-cache.ts). Not here: whatever depends on the clock (a backlog falling due).
 */
import { createHash } from 'node:crypto';
import type { AssetKey } from '../asset/asset-key.ts';
import type { Slot } from '../graph/slots.ts';
import type { Storage } from '../storage/storage.ts';
import { headPath, ledgerPrefix, RUNS_PREFIX } from './lake-layout.ts';
import { observationPath } from './observations.ts';


/**
 * What the statuses of `slots` are computed from: their heads and their observations. Two stats per slot.
 *
 * @example
 * const before = await statusFingerprint(storage, [{ asset: 'gold/matches', partition: null }]);
 * // …a commit of gold/matches, in any process…
 * assert.notEqual(await statusFingerprint(storage, [{ asset: 'gold/matches', partition: null }]), before);
 */
export function statusFingerprint(storage: Storage, slots: readonly Slot[]): Promise<string> {
  return fingerprintOf(storage, slots.flatMap(({ asset, partition }) => [headPath(asset, partition), observationPath(asset, partition)]));
}

/** The heads of `slots` alone: one stat per slot. */
export function headsFingerprint(storage: Storage, slots: readonly Slot[]): Promise<string> {
  return fingerprintOf(storage, slots.map(({ asset, partition }) => headPath(asset, partition)));
}

/** An asset's history, every partition's: one listing of its ledger folder. */
export async function historyFingerprint(storage: Storage, key: AssetKey): Promise<string> {
  return digest((await storage.list(ledgerPrefix(key))).map((object) => [object.path, object.etag]));
}

/** The run summaries: one listing of `metrics/_runs/`. */
export async function runsFingerprint(storage: Storage): Promise<string> {
  return digest((await storage.list(RUNS_PREFIX)).map((object) => [object.path, object.etag]));
}

async function fingerprintOf(storage: Storage, paths: readonly string[]): Promise<string> {
  const infos = await Promise.all(paths.map((path) => storage.stat(path)));
  return digest(paths.map((path, i) => [path, infos[i]?.etag ?? null]));
}

// JSON of [path, etag] pairs is injective, whatever the characters of either.
function digest(pairs: readonly (readonly [string, string | null])[]): string {
  return createHash('sha256').update(JSON.stringify(pairs)).digest('base64url');
}
