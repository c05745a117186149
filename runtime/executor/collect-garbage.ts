/**
 * `medallion gc`: removes what killed or failed runs leave in the lake, and never a committed version. Per
 * asset slot, under its lock (a slot a live run holds is skipped): journals of materializations that were
 * committed, stale journals (unchanged for the grace period), and version folders no head, history record or
 * kept journal names (likewise unchanged for the grace period). Then it records killed runs as interrupted
 * and asks the backend to remove its own leftovers (temp files, write mutexes, empty folders).
 */
import { assetPrefix, slotLabel } from '../asset/asset-key.ts';
import { StorageError } from '../errors.ts';
import type { AssetGraph } from '../graph/asset-graph.ts';
import { journalPrefix, ledgerPrefix, materializationFolder, TIME_ORDERED_ID, timeOfId } from '../ledger/lake-layout.ts';
import { Ledger } from '../ledger/ledger.ts';
import type { Leftover, ObjectInfo, Storage, StorageLock } from '../storage/storage.ts';
import { recordAbandonedRuns } from './active-runs.ts';
import { slotsOf, type Slot } from '../graph/slots.ts';

/** What `collectGarbage` looks at, how old debris must be, and whether it only reports. */
export interface CollectGarbageOptions {
  /** The assets whose slots are looked at (assets no longer in it are left alone). */
  readonly graph: AssetGraph;
  /** The lake. */
  readonly storage: Storage;
  /** Journals, version folders and leftovers unchanged for less than this are kept (a run may still use them). */
  readonly graceMs: number;
  /** Report what would be removed, and remove nothing (nor take any lock). */
  readonly dryRun?: boolean;
  /** Injectable for tests. */
  readonly now?: Date;
}

/** What `collectGarbage` removed (or, dry, would remove). */
export interface GarbageReport {
  /** Journal folders: their materialization was committed, or they are stale. */
  readonly journals: string[];
  /** Version folders that no head, history record or kept journal names. */
  readonly versionFolders: string[];
  /** The backend's own leftovers (local: temp files, write mutexes, empty folders). */
  readonly leftovers: Leftover[];
  /** Runs that were killed, now recorded as interrupted (never in a dry run). */
  readonly interruptedRuns: string[];
  /** Objects deleted (or to delete) in journals and version folders. */
  readonly objects: number;
  /** Their bytes. */
  readonly bytes: number;
  /** Slots skipped because a live run holds their lock. */
  readonly busySlots: string[];
}

/**
 * Removes debris of killed and failed runs from the lake.
 *
 * @example
 * const report = await collectGarbage({ graph, storage: openLake('./data/lake'), graceMs: 3_600_000, dryRun: true });
 */
export async function collectGarbage(options: CollectGarbageOptions): Promise<GarbageReport> {
  const now = options.now ?? new Date();
  const cutoff = new Date(now.getTime() - options.graceMs);
  const report = { journals: [] as string[], versionFolders: [] as string[], leftovers: [] as Leftover[], interruptedRuns: [] as string[], objects: 0, bytes: 0, busySlots: [] as string[] };
  const remove = async (objects: readonly ObjectInfo[]) => {
    report.objects += objects.length;
    report.bytes += objects.reduce((sum, object) => sum + object.size, 0);
    if (options.dryRun) return;
    for (const object of objects) await options.storage.delete(object.path);
  };
  for (const slot of slotsOf(options.graph, options.graph.keys)) {
    const lock = options.dryRun ? undefined : await trySlotLock(options.storage, slot);
    if (lock === null) {
      report.busySlots.push(slotLabel(slot.asset, slot.partition));
      continue;
    }
    try {
      await collectSlot(options.storage, slot, cutoff, report, remove);
    } finally {
      await lock?.release();
    }
  }
  if (!options.dryRun) report.interruptedRuns.push(...(await recordAbandonedRuns(options.storage, 'medallion gc')).map((run) => run.runId));
  report.leftovers.push(...((await options.storage.collectLeftovers?.({ olderThan: cutoff, dryRun: options.dryRun ?? false })) ?? []));
  return report;
}

async function collectSlot(
  storage: Storage,
  slot: Slot,
  cutoff: Date,
  report: { journals: string[]; versionFolders: string[] },
  remove: (objects: readonly ObjectInfo[]) => Promise<void>,
): Promise<void> {
  const ledger = new Ledger(storage);
  const history = (await storage.list(ledgerPrefix(slot.asset, slot.partition))).length;
  // Every record, not the newest 50: any committed version may be read back (`history`, the runs page).
  const records = await ledger.history(slot.asset, slot.partition, history + 1);
  const committed = new Set(records.flatMap((record) => (record.status === 'materialized' && record.files.folder !== null ? [record.files.folder] : [])));
  const kept = new Set(committed);

  const journals = groupByFolder(journalPrefix(slot.asset, slot.partition), await storage.list(journalPrefix(slot.asset, slot.partition)), /^[0-9a-f]{24}$/);
  for (const [folder, objects] of journals) {
    const id = await journalMaterializationId(storage, folder);
    const versionFolder = id === undefined ? undefined : materializationFolder(slot.asset, slot.partition, id);
    const isDone = versionFolder !== undefined && committed.has(versionFolder);
    if (!isDone && !isUnchangedSince(objects, cutoff)) {
      if (versionFolder !== undefined) kept.add(versionFolder); // a run may resume it
      continue;
    }
    report.journals.push(folder);
    await remove(objects);
  }

  const versionsPrefix = `${assetPrefix(slot.asset, slot.partition)}/`;
  const versions = groupByFolder(versionsPrefix, await storage.list(versionsPrefix), TIME_ORDERED_ID);
  for (const [folder, objects] of versions) {
    const id = folder.slice(folder.lastIndexOf('/') + 1);
    if (kept.has(folder) || timeOfId(id) >= cutoff || !isUnchangedSince(objects, cutoff)) continue;
    report.versionFolders.push(folder);
    await remove(objects);
  }
}

/** Objects under `prefix`, grouped by the folder directly below it, for folders whose name matches `shape`. */
function groupByFolder(prefix: string, objects: readonly ObjectInfo[], shape: RegExp): Map<string, ObjectInfo[]> {
  const groups = new Map<string, ObjectInfo[]>();
  for (const object of objects) {
    const rest = object.path.slice(prefix.length);
    const slash = rest.indexOf('/');
    if (slash === -1 || !shape.test(rest.slice(0, slash))) continue;
    const folder = `${prefix}${rest.slice(0, slash)}`;
    groups.set(folder, [...(groups.get(folder) ?? []), object]);
  }
  return groups;
}

function isUnchangedSince(objects: readonly ObjectInfo[], cutoff: Date): boolean {
  return objects.every((object) => object.lastModified < cutoff);
}

async function journalMaterializationId(storage: Storage, folder: string): Promise<string | undefined> {
  const header = await storage.get(`${folder}/journal.json`);
  if (header === undefined) return undefined;
  try {
    const id = (JSON.parse(new TextDecoder().decode(header.body)) as { materializationId?: unknown }).materializationId;
    return typeof id === 'string' && TIME_ORDERED_ID.test(id) ? id : undefined;
  } catch {
    return undefined; // written whole, so never half-written: an unreadable header is someone else's file
  }
}

// null when a live run holds the slot.
async function trySlotLock(storage: Storage, slot: Slot): Promise<StorageLock | null> {
  try {
    return await storage.lock(`asset/${slotLabel(slot.asset, slot.partition)}`, { owner: `medallion gc (pid ${process.pid})`, waitMs: 0 });
  } catch (error) {
    if (error instanceof StorageError && error.code === 'STORAGE_LOCKED') return null;
    throw error;
  }
}
