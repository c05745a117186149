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
import type { AssetStatus, StalenessResolver } from '../versions/staleness.ts';
import { createAssetInput } from './asset-inputs.ts';
import { commitMaterialization } from './commit-materialization.ts';
import { describeError, failureRecord } from './failure-record.ts';
import { createMaterializeContext } from './materialize-context.ts';
import { checkMaterializeResult } from './result-checks.ts';
import { isForced, type RunEnvironment } from './run-environment.ts';
import { StepJournal } from './step-journal.ts';
import { isRetriable, retryAfterHintMs, runUserCode } from './user-code.ts';
import { emptyOutcome } from './outcomes.ts';
import { interruptedOutcome, interruptionError, settleWithinGrace } from './interruption.ts';

export async function materializeSlot(
  env: RunEnvironment,
  resolver: StalenessResolver,
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
    // Heads read under the lock, so the resolver decides on what a skip would leave in place.
    if (!isForced(env.force, asset.key) && head !== undefined && (await resolver.staleReason(asset, partition, head.record, inputs)) === undefined) {
      const byOtherRun = head.record.runId !== env.runId && Date.parse(head.record.finishedAt) >= env.runStartedAt;
      const reason = byOtherRun
        ? `materialized meanwhile by run ${head.record.runId}`
        : plannedStatus === 'fresh' ? 'fresh' : 'inputs unchanged since the last materialization';
      return { ...base, type: 'skipped', reason, materializationId: head.record.id, dataVersion: head.record.dataVersion, rows: head.record.rows };
    }
    return await runAndCommit(env, {
      asset, partition, head, upstream: upstream.heads, inputs, lock, waitMs: base.waitMs, abandon: (work) => {
        abandoned = work;
      },
    });
  } finally {
    if (abandoned === undefined) await lock.release().catch(() => undefined);
    else void abandoned.catch(() => undefined).finally(() => lock.release().catch(() => undefined));
  }
}

async function acquireSlotLock(env: RunEnvironment, asset: AnyAsset, partition: string | null): Promise<StorageLock> {
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

interface RunRequest {
  asset: AnyAsset;
  partition: string | null;
  head: Head | undefined;
  upstream: { asset: AnyAsset; head: CommittedMaterialization }[];
  inputs: InputDataVersion[];
  lock: StorageLock;
  waitMs: number;
  /** Takes user code that was abandoned after an interruption but is still running. */
  abandon: (work: Promise<unknown>) => void;
}

async function runAndCommit(env: RunEnvironment, request: RunRequest): Promise<SlotOutcome> {
  const { asset, partition } = request;
  const slot = { asset: asset.key, partition };
  const startedAt = new Date();
  const folder = journalFolder(asset.key, partition, computeProvenanceHash({ codeVersion: asset.codeVersion, inputs: request.inputs }));
  const journal = await StepJournal.open(env.storage, folder, (id) => materializationFolder(asset.key, partition, id));
  const { materializationId } = journal;
  const inputs = buildInputs(env, asset, request.upstream);
  let attempt = 0;
  for (;;) {
    attempt++;
    journal.beginAttempt();
    env.emit({ type: 'slot-started', ...slot, attempt, resumableSteps: journal.resumable });
    activeSpan()?.setAttribute(ATTR_ATTEMPT, attempt);
    try {
      const ctx = createMaterializeContext(env, asset, partition, attempt, journal, request.head?.record);
      const work = runUserCode(asset.key, partition, 'materialize', async () => checkMaterializeResult(await asset.materialize(ctx, inputs)));
      const result = await settleWithinGrace(work, env.signal, env.interruptGraceMs, request.abandon);
      const committed = await commitMaterialization(env, {
        asset,
        partition,
        startedAt,
        attempts: attempt,
        inputs: request.inputs,
        result,
        journal,
        expected: request.head,
        lock: request.lock,
      });
      env.cache.put(committed.record.id, committed, env.consumers.get(slotLabel(asset.key, partition)) ?? 0);
      return materializedOutcome(committed.record, request.waitMs);
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

  async function failWith(error: unknown): Promise<SlotOutcome> {
    recordSpanError(activeSpan(), error);
    const record = failureRecord({
      id: createTimeOrderedId(), runId: env.runId, asset, partition, startedAt, finishedAt: new Date(),
      attempts: attempt, inputs: request.inputs, steps: journal.counts, error: describeError(error),
    });
    await env.ledger.append(record).catch(() => undefined);
    return {
      ...emptyOutcome(asset.key, partition, request.waitMs),
      type: 'failed',
      reason: errorMessage(error),
      materializationId,
      durationMs: record.durationMs,
      attempts: attempt,
      steps: record.steps,
      error: record.error,
    };
  }
}

function isInterruption(error: unknown): boolean {
  return error instanceof Error && error.name === 'Interrupted';
}

function buildInputs(env: RunEnvironment, asset: AnyAsset, upstream: RunRequest['upstream']): Record<string, AssetInput<Record<string, unknown>>> {
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
