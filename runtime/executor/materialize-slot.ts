/**
 * One asset slot (asset + partition) of a run: take the slot's lock, re-check its provenance against the
 * upstreams' current heads (skip when nothing changed), run `materialize` with retries, and commit, or
 * record the failure. The previous version stays readable whatever happens here.
 */
import { slotLabel } from '../asset/asset-key.ts';
import type { AnyAsset, AssetInput } from '../asset/define-asset.ts';
import { retryDelayMs } from '../asset/retry-policy.ts';
import { errorMessage, StorageError } from '../errors.ts';
import { createTimeOrderedId, journalFolder, materializationFolder } from '../ledger/lake-layout.ts';
import type { Head } from '../ledger/ledger.ts';
import { failedBlockingChecks, type CommittedMaterialization } from '../ledger/materialization-record.ts';
import type { SlotOutcome } from '../ledger/run-summary.ts';
import type { StorageLock } from '../storage/storage.ts';
import { ATTR_ATTEMPT, ATTR_BYTES, ATTR_DATA_VERSION, ATTR_OUTCOME, ATTR_QUARANTINED, ATTR_ROWS } from '../telemetry/span-attributes.ts';
import { activeSpan, recordSpanError } from '../telemetry/tracer.ts';
import { computeProvenanceHash, type InputDataVersion } from '../versions/data-version.ts';
import { upstreamSlots } from '../graph/slots.ts';
import { staleReason, type AssetStatus } from '../versions/staleness.ts';
import { createAssetInput } from './asset-inputs.ts';
import { commitMaterialization, type Committed } from './commit-materialization.ts';
import { describeError, failureRecord } from './failure-record.ts';
import { createMaterializeContext, previousVersionOf } from './materialize-context.ts';
import { checkMaterializeResult } from './result-checks.ts';
import { isForced, type RunEnvironment, type SlotEnvironment } from './run-environment.ts';
import { StepJournal } from './step-journal.ts';
import { isRetriable, retryAfterHintMs, runUserCode } from './user-code.ts';
import { emptyOutcome } from './outcomes.ts';
import { interruptedOutcome, interruptionError, settleWithinGrace } from './interruption.ts';

export async function materializeSlot(
  env: RunEnvironment,
  asset: AnyAsset,
  partition: string | null,
  plannedStatus: AssetStatus,
): Promise<SlotOutcome> {
  const base = emptyOutcome(asset.key, partition, Date.now() - env.runStartedAt);
  let lock: StorageLock;
  try {
    lock = await acquireSlotLock(env, asset, partition);
  } catch (error) {
    if (env.signal.aborted) return interruptedOutcome(asset.key, partition, base.waitMs, env.signal, 'while waiting for the lock');
    return { ...base, type: 'failed', reason: errorMessage(error), error: describeError(error) };
  }
  // User code abandoned after an interruption may still write into the slot's journal: the lock is held until it settles.
  let abandoned: Promise<unknown> | undefined;
  try {
    const head = await env.ledger.readHead(asset.key, partition);
    const upstream = await readUpstreamHeads(env, asset, partition);
    if (upstream.type !== 'ready') return { ...base, type: upstream.type, reason: upstream.reason };
    const inputs = upstream.heads.map(toInputVersion);
    // Heads read under the lock, so the resolver's rules (staleReason) decide on what a skip would leave in place.
    if (!isForced(env.force, asset.key) && head !== undefined && (await staleReason(env.storage, env.now().getTime(), asset, partition, head.record, inputs)) === undefined) {
      const byOtherRun = head.record.runId !== env.runId && Date.parse(head.record.finishedAt) >= env.runStartedAt;
      const reason = byOtherRun
        ? `materialized meanwhile by run ${head.record.runId}`
        : plannedStatus === 'fresh' ? 'fresh' : 'inputs unchanged since the last materialization';
      return { ...base, type: 'skipped', reason, materializationId: head.record.id, dataVersion: head.record.dataVersion, rows: head.record.rows };
    }
    const folder = journalFolder(asset.key, partition, computeProvenanceHash({ codeVersion: asset.codeVersion, inputs }));
    const journal = await StepJournal.open(env.storage, folder, (id) => materializationFolder(asset.key, partition, id), env.now);
    const { outcome } = await runAndCommit(env, {
      asset, partition, head, inputs: buildInputs(env, asset, upstream.heads), provenance: inputs, journal, lock, waitMs: base.waitMs,
      abandon: (work) => {
        abandoned = work;
      },
    });
    return outcome;
  } finally {
    if (abandoned === undefined) await lock.release().catch(() => undefined);
    else void abandoned.catch(() => undefined).finally(() => lock.release().catch(() => undefined));
  }
}

/** Takes the slot's lock, waiting up to the run's `lockWaitMs` (announced once) when another run holds it. */
export async function acquireSlotLock(env: SlotEnvironment, asset: AnyAsset, partition: string | null): Promise<StorageLock> {
  const name = `asset/${slotLabel(asset.key, partition)}`;
  const owner = `run ${env.runId} (pid ${process.pid})`;
  try {
    return await env.storage.lock(name, { owner, waitMs: 0 });
  } catch (error) {
    if (!(error instanceof StorageError && error.code === 'STORAGE_LOCKED') || env.lockWaitMs === 0) throw error;
    env.emit({ type: 'slot-waiting-for-lock', asset: asset.key, partition, holder: error.message });
    return env.storage.lock(name, { owner, waitMs: env.lockWaitMs, signal: env.signal });
  }
}

type UpstreamState =
  | { type: 'ready'; heads: { asset: AnyAsset; head: CommittedMaterialization }[] }
  | { type: 'failed' | 'upstream-failed'; reason: string };

/** Current heads of the slots this one reads; every one must exist and must not be blocked by a failed check. */
async function readUpstreamHeads(env: RunEnvironment, asset: AnyAsset, partition: string | null): Promise<UpstreamState> {
  const heads: { asset: AnyAsset; head: CommittedMaterialization }[] = [];
  for (const slot of upstreamSlots(env.graph, asset, partition)) {
    const head = await env.ledger.readHead(slot.asset, slot.partition);
    const label = slotLabel(slot.asset, slot.partition);
    if (head === undefined) {
      return {
        type: 'failed',
        reason: `upstream "${label}" has never been materialized; include it in the selection (e.g. "+${asset.key}")`,
      };
    }
    const blocked = failedBlockingChecks(head.record);
    if (blocked.length > 0) {
      const names = blocked.map((check) => `"${check.name}"`).join(', ');
      return { type: 'upstream-failed', reason: `upstream "${label}" failed its blocking check ${names}` };
    }
    heads.push({ asset: env.graph.get(slot.asset), head: head.record });
  }
  return { type: 'ready', heads };
}

function toInputVersion({ head }: { head: CommittedMaterialization }): InputDataVersion {
  return { asset: head.asset, partition: head.partition, dataVersion: head.dataVersion };
}

/** A locked slot, ready to materialize: its head, its inputs and their versions, and its opened journal. */
export interface RunRequest {
  readonly asset: AnyAsset;
  readonly partition: string | null;
  /** The head read under the lock: `ctx.previous()`, and what the commit must still find. */
  readonly head: Head | undefined;
  readonly inputs: Record<string, AssetInput<Record<string, unknown>>>;
  /** The data versions the inputs were read from, as the record keeps them. */
  readonly provenance: readonly InputDataVersion[];
  readonly journal: StepJournal;
  readonly lock: StorageLock;
  readonly waitMs: number;
  /** The first attempt's number (default 1): a resumed test context counts on from its earlier one. */
  readonly firstAttempt?: number;
  /** Takes user code that was abandoned after an interruption but is still running. */
  readonly abandon: (work: Promise<unknown>) => void;
}

/** How a slot's materialization ended: its outcome, and what was committed or the final error. */
export interface SlotRun {
  readonly outcome: SlotOutcome;
  readonly committed?: Committed;
  readonly error?: unknown;
}

/**
 * Runs `materialize` under the slot's lock with the asset's retry policy, then commits the result, or
 * records the final failure (thrown back instead under an orchestrator, which retries itself).
 */
export async function runAndCommit(env: SlotEnvironment, request: RunRequest): Promise<SlotRun> {
  const { asset, partition, journal, inputs } = request;
  const slot = { asset: asset.key, partition };
  const startedAt = env.now();
  const { materializationId } = journal;
  const previous = previousVersionOf(env.storage, env.cache, asset, request.head?.record);
  let attempt = (request.firstAttempt ?? 1) - 1;
  for (;;) {
    attempt++;
    journal.beginAttempt();
    env.emit({ type: 'slot-started', ...slot, attempt, resumableSteps: journal.resumable });
    activeSpan()?.setAttribute(ATTR_ATTEMPT, attempt);
    try {
      const ctx = createMaterializeContext(env, asset, partition, attempt, journal, previous);
      const work = runUserCode(asset.key, partition, 'materialize', async () => checkMaterializeResult(await asset.materialize(ctx, inputs)));
      const result = await settleWithinGrace(work, env.signal, env.interruptGraceMs, request.abandon);
      const committed = await commitMaterialization(env, {
        asset,
        partition,
        startedAt,
        attempts: attempt,
        inputs: request.provenance,
        result,
        journal,
        expected: request.head,
        lock: request.lock,
      });
      env.cache.put(committed.record.id, committed, env.consumers.get(slotLabel(asset.key, partition)) ?? 0);
      return { outcome: materializedOutcome(committed.record, request.waitMs), committed };
    } catch (error) {
      // Under an orchestrator (env.steps) this is one attempt of its own retry loop: hand the error back.
      if (env.steps !== undefined) throw error;
      // Whatever the asset threw once the run was interrupted (an AbortError, or what its cut-off work threw).
      if (env.signal.aborted) return failWith(isInterruption(error) ? error : interruptionError(env.signal, 'while materializing'));
      const delay = nextDelay(asset, attempt, error, env.random);
      if (delay === undefined) return failWith(error);
      env.emit({ type: 'slot-retrying', ...slot, attempt: attempt + 1, delayMs: delay, error: errorMessage(error) });
      await env.sleep(delay, env.signal).catch(() => undefined);
      if (env.signal.aborted) return failWith(interruptionError(env.signal, `while waiting to retry (${errorMessage(error)})`));
    }
  }

  async function failWith(error: unknown): Promise<SlotRun> {
    recordSpanError(activeSpan(), error);
    const finishedAt = env.now();
    const record = failureRecord({
      id: createTimeOrderedId(finishedAt), runId: env.runId, asset, partition, startedAt, finishedAt,
      attempts: attempt, inputs: request.provenance, steps: journal.counts, error: describeError(error),
    });
    await env.ledger.append(record).catch(() => undefined);
    const outcome: SlotOutcome = {
      ...emptyOutcome(asset.key, partition, request.waitMs),
      type: 'failed',
      reason: errorMessage(error),
      materializationId,
      durationMs: record.durationMs,
      attempts: attempt,
      steps: record.steps,
      error: record.error,
    };
    return { outcome, error };
  }
}

function isInterruption(error: unknown): boolean {
  return error instanceof Error && error.name === 'Interrupted';
}

function buildInputs(env: RunEnvironment, asset: AnyAsset, upstream: { asset: AnyAsset; head: CommittedMaterialization }[]): Record<string, AssetInput<Record<string, unknown>>> {
  const inputs: Record<string, AssetInput<Record<string, unknown>>> = {};
  for (const [name, dep] of Object.entries(asset.deps as Record<string, AnyAsset | string>)) {
    const key = typeof dep === 'string' ? dep : dep.key;
    const heads = upstream.filter((entry) => entry.asset.key === key).map((entry) => entry.head);
    inputs[name] = createAssetInput(env.storage, env.cache, env.graph.get(key), heads);
  }
  return inputs;
}

/** Delay before the next attempt, or undefined when the failure is final. */
function nextDelay(asset: AnyAsset, attempt: number, error: unknown, random: () => number): number | undefined {
  if (attempt >= asset.retry.maxAttempts || !isRetriable(error)) return undefined;
  const hint = retryAfterHintMs(error);
  const backoff = retryDelayMs(asset.retry, attempt + 1, random);
  return hint === undefined ? backoff : Math.max(hint, backoff);
}

function materializedOutcome(record: CommittedMaterialization, waitMs: number): SlotOutcome {
  const blocked = failedBlockingChecks(record);
  const span = activeSpan();
  span?.setAttributes({ [ATTR_DATA_VERSION]: record.dataVersion, [ATTR_ROWS]: record.rows, [ATTR_QUARANTINED]: record.quarantined, [ATTR_BYTES]: record.bytes });
  const outcome: SlotOutcome = {
    asset: record.asset,
    partition: record.partition,
    type: 'materialized',
    reason: null,
    materializationId: record.id,
    dataVersion: record.dataVersion,
    rows: record.rows,
    quarantined: record.quarantined,
    bytes: record.bytes,
    waitMs,
    durationMs: record.durationMs,
    attempts: record.attempts,
    steps: record.steps,
    error: null,
    metadata: record.metadata,
    ...(record.backlog === undefined ? {} : { backlog: record.backlog }),
  };
  if (blocked.length === 0) return outcome;
  const message = blocked.map((check) => `blocking check "${check.name}" failed${check.message ? `: ${check.message}` : ''}`).join('; ');
  span?.setAttribute(ATTR_OUTCOME, 'failed');
  return { ...outcome, type: 'failed', reason: message, error: { name: 'AssetCheckFailed', code: null, message } };
}
