/**
 * Runs in progress, so a killed one is not forgotten: a run with work to do holds a lease `run/<id>` and
 * writes a marker `metrics/_runs/_active/<id>.json` (what it set out to do) until its summary is written. A
 * marker whose lease is gone (the process was killed, or its lease lapsed) is a run that never finished:
 * the next run (or `medallion gc`) writes its summary as `interrupted`, with the slots it did commit.
 */
import { hostname } from 'node:os';
import { z } from 'zod';
import { slotLabel } from '../asset/asset-key.ts';
import { errorMessage, LedgerError, StorageError } from '../errors.ts';
import { ACTIVE_RUNS_PREFIX, activeRunPath, runLockName } from '../ledger/lake-layout.ts';
import { Ledger } from '../ledger/ledger.ts';
import type { CommittedMaterialization } from '../ledger/materialization-record.ts';
import { runSummarySchema, type RunSummary, type SlotOutcome } from '../ledger/run-summary.ts';
import type { Storage, StorageLock } from '../storage/storage.ts';
import { emptyOutcome } from './outcomes.ts';
import { isForced } from './run-environment.ts';

const activeRunSchema = z.object({
  format: z.literal(1),
  runId: z.string(),
  selection: z.string(),
  force: runSummarySchema.shape.force,
  partition: z.string().nullable(),
  startedAt: z.iso.datetime(),
  pid: z.int(),
  hostname: z.string(),
  slots: z.array(z.object({ asset: z.string(), partition: z.string().nullable(), status: z.enum(['missing', 'stale', 'fresh']) })),
});

type ActiveRun = z.infer<typeof activeRunSchema>;

/** A run's marker while it runs: `finish` once its summary is written, `abandon` when it ends without one. */
export interface ActiveRunHandle {
  finish(): Promise<void>;
  abandon(): Promise<void>;
}

export async function startActiveRun(storage: Storage, run: Omit<ActiveRun, 'format' | 'pid' | 'hostname'>): Promise<ActiveRunHandle> {
  const lock = await storage.lock(runLockName(run.runId), { owner: `run ${run.runId} (pid ${process.pid})`, waitMs: 0 });
  const marker: ActiveRun = {
    format: 1, ...run, pid: process.pid, hostname: hostname(), slots: run.slots.map((slot) => ({ asset: slot.asset, partition: slot.partition, status: slot.status })),
  };
  try {
    await storage.put(activeRunPath(run.runId), JSON.stringify(marker, null, 2), { contentType: 'application/json' });
  } catch (error) {
    await lock.release();
    throw error;
  }
  return {
    finish: async () => {
      await storage.delete(activeRunPath(run.runId));
      await lock.release();
    },
    abandon: () => lock.release(),
  };
}

/**
 * Writes an `interrupted` summary for every run whose marker outlived its lease, and removes the marker.
 * Markers of live runs are left alone. Returns the summaries written.
 */
export async function recordAbandonedRuns(storage: Storage, foundBy: string): Promise<RunSummary[]> {
  const recorded: RunSummary[] = [];
  for (const object of await storage.list(ACTIVE_RUNS_PREFIX)) {
    if (!object.path.endsWith('.json') || object.path.slice(ACTIVE_RUNS_PREFIX.length).includes('/')) continue;
    const runId = object.path.slice(ACTIVE_RUNS_PREFIX.length, -'.json'.length);
    const lock = await takeOverRunLock(storage, runId, foundBy);
    if (lock === undefined) continue;
    try {
      const summary = await recordAbandonedRun(storage, object.path, runId, foundBy);
      if (summary !== undefined) recorded.push(summary);
    } finally {
      await lock.release();
    }
  }
  return recorded;
}

// The lock of a run that is gone (its lease released, expired, or its pid dead on this host), or undefined while it lives.
async function takeOverRunLock(storage: Storage, runId: string, foundBy: string): Promise<StorageLock | undefined> {
  try {
    return await storage.lock(runLockName(runId), { owner: `${foundBy} (recording run ${runId} as interrupted)`, waitMs: 0 });
  } catch (error) {
    if (error instanceof StorageError && error.code === 'STORAGE_LOCKED') return undefined;
    throw error;
  }
}

async function recordAbandonedRun(storage: Storage, path: string, runId: string, foundBy: string): Promise<RunSummary | undefined> {
  const stored = await storage.get(path);
  if (stored === undefined) return undefined; // its run finished meanwhile
  const ledger = new Ledger(storage);
  let marker: ActiveRun;
  try {
    marker = activeRunSchema.parse(JSON.parse(new TextDecoder().decode(stored.body)));
  } catch (error) {
    throw new LedgerError(`${path} is not a run marker (${errorMessage(error)}). Move the file aside and rerun.`, { cause: error });
  }
  // A summary already written means the run ended and only the marker's removal was lost.
  if ((await ledger.readRunSummary(runId)) !== undefined) {
    await storage.delete(path);
    return undefined;
  }
  const reason = `interrupted: the run (pid ${marker.pid} on ${marker.hostname}) stopped without finishing, e.g. killed; found by ${foundBy}`;
  const outcomes = await Promise.all(
    marker.slots.map(async (slot): Promise<SlotOutcome> => {
      const head = (await ledger.readHead(slot.asset, slot.partition))?.record;
      if (head !== undefined && head.runId === runId) return committedOutcome(head, marker);
      if (slot.status === 'fresh' && !isForced(marker.force, slot.asset)) return { ...emptyOutcome(slot.asset, slot.partition, 0), reason: 'fresh' };
      const label = slotLabel(slot.asset, slot.partition);
      return { ...emptyOutcome(slot.asset, slot.partition, 0), type: 'failed', reason, error: { name: 'Interrupted', code: null, message: `${label}: ${reason}` } };
    }),
  );
  // The last thing known to have happened: its last commit, else its start.
  const finishedAt = outcomes.reduce((latest, outcome) => {
    const end = outcome.type === 'materialized' ? Date.parse(marker.startedAt) + outcome.waitMs + outcome.durationMs : 0;
    return Math.max(latest, end);
  }, Date.parse(marker.startedAt));
  const summary: RunSummary = {
    format: 1,
    runId,
    selection: marker.selection,
    force: marker.force,
    partition: marker.partition,
    startedAt: marker.startedAt,
    finishedAt: new Date(finishedAt).toISOString(),
    durationMs: finishedAt - Date.parse(marker.startedAt),
    status: 'interrupted',
    outcomes,
  };
  await ledger.writeRunSummary(summary);
  await storage.delete(path);
  return summary;
}

function committedOutcome(record: CommittedMaterialization, marker: ActiveRun): SlotOutcome {
  return {
    ...emptyOutcome(record.asset, record.partition, Math.max(0, Date.parse(record.startedAt) - Date.parse(marker.startedAt))),
    type: 'materialized',
    materializationId: record.id,
    dataVersion: record.dataVersion,
    rows: record.rows,
    quarantined: record.quarantined,
    bytes: record.bytes,
    durationMs: record.durationMs,
    attempts: record.attempts,
    steps: record.steps,
    metadata: record.metadata,
  };
}
