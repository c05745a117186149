/**
 * The in-process executor: plans what is missing or stale in a selection and materializes it, independent
 * slots concurrently (bounded), each after its upstreams, stopping downstream of a failure. Returns the
 * outcomes; adapters (CLI, server, Inngest) turn them into output. Writes a run summary to the lake.
 */
import pLimit, { type LimitFunction } from 'p-limit';
import { layerOf, slotLabel, type AssetKey } from '../asset/asset-key.ts';
import type { AssetGraph } from '../graph/asset-graph.ts';
import { loadDataPlane } from '../io/load-data-plane.ts';
import { createTimeOrderedId } from '../ledger/lake-layout.ts';
import type { RunSummary, SlotOutcome } from '../ledger/run-summary.ts';
import { selectAssets } from '../selection/select-assets.ts';
import type { Storage } from '../storage/storage.ts';
import { markSpanFailed, SPAN_KIND, withSpan } from '../telemetry/tracer.ts';
import {
  ATTR_ASSET_KEY, ATTR_ASSET_LAYER, ATTR_CODE_VERSION, ATTR_OUTCOME, ATTR_PARTITION, ATTR_RUN_ID, ATTR_RUN_STATUS, ATTR_SELECTION,
  ATTR_STALE_CAUSES, SPAN_MATERIALIZE, SPAN_RUN,
} from '../telemetry/span-attributes.ts';
import { upstreamSlots } from '../graph/slots.ts';
import { serviceInstanceId } from '../telemetry/service-instance.ts';
import { StalenessResolver } from '../versions/staleness.ts';
import { recordAbandonedRuns, startActiveRun } from './active-runs.ts';
import { afterAbort, interruptedOutcome } from './interruption.ts';
import { materializeSlot } from './materialize-slot.ts';
import { emptyOutcome } from './outcomes.ts';
import { planRun } from './plan.ts';
import type { PlannedSlot, RunEventListener } from './run-events.ts';
import { createRunEnvironment, isForced, recordedForce, type RunEnvironment } from './run-environment.ts';

/** How `materialize` runs: selection, partition, force, concurrency, clock, listener, abort signal. */
export interface MaterializeOptions {
  readonly graph: AssetGraph;
  readonly storage: Storage;
  /** A selection string (default `*`). */
  readonly selection?: string;
  /** Only this partition of the partitioned assets selected (default: all of them). */
  readonly partition?: string | null;
  /** Materialize even what is fresh: every slot of the selection (`true`), or only those of the assets listed. */
  readonly force?: boolean | readonly AssetKey[];
  /** How many slots may materialize at once (default 4). */
  readonly concurrency?: number;
  /** How long to wait for a slot locked by another run before failing it (default 10 minutes). */
  readonly lockWaitMs?: number;
  readonly onEvent?: RunEventListener;
  /**
   * Stops the run: waits (locks, retry backoffs, queued slots) end at once, running assets see `ctx.signal`
   * and get `interruptGraceMs` to finish or stop, and the summary says `interrupted`.
   */
  readonly signal?: AbortSignal;
  /** How long running assets may take after an abort before they are abandoned (default 2 s). */
  readonly interruptGraceMs?: number;
  /** Injectable for tests: the wait between retries, and the jitter source. */
  readonly sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  readonly random?: () => number;
}

/** What `materialize` returns: the run's summary, written to the lake as well. */
export interface RunResult {
  readonly runId: string;
  readonly summary: RunSummary;
}

/**
 * Materializes what is missing or stale in a selection.
 *
 * @example
 * const { summary } = await materialize({ graph, storage: createLocalStorage('./data/lake'), selection: '+gold/matches' });
 */
export async function materialize(options: MaterializeOptions): Promise<RunResult> {
  const selection = options.selection ?? '*';
  const partition = options.partition ?? null;
  const keys = selectAssets(selection, options.graph);
  const startedAt = new Date();
  const env = createRunEnvironment(options, createTimeOrderedId(startedAt), startedAt);
  const { ledger } = env;
  // SERVER: each run is one request in Application Insights, its assets and steps the dependencies under it.
  return withSpan(SPAN_RUN, { [ATTR_RUN_ID]: env.runId, [ATTR_SELECTION]: selection }, async (span) => {
    await recordAbandonedRuns(options.storage, `run ${env.runId}`);
    const resolver = new StalenessResolver(options.graph, ledger);
    const plan = await planRun(options.graph, resolver, keys, partition);
    const hasWork = plan.some((slot) => slot.status !== 'fresh' || isForced(env.force, slot.asset));
    // Start importing Arrow/Parquet while the first assets run, rather than inside the first commit.
    if (hasWork) void loadDataPlane().catch(() => undefined);
    env.emit({ type: 'run-started', runId: env.runId, selection, slots: plan });
    // Only a run with work to do can leave anything behind if it is killed, so only it is marked active.
    const active = hasWork
      ? await startActiveRun(options.storage, { runId: env.runId, selection, force: recordedForce(env.force), partition, startedAt: startedAt.toISOString(), slots: plan })
      : undefined;
    let summary: RunSummary;
    try {
      const outcomes = await executeUntilStopped(env, resolver, plan, options.concurrency ?? 4);
      summary = summarizeRun(env, selection, partition, startedAt, outcomes);
      await ledger.writeRunSummary(summary);
    } catch (error) {
      // No summary: the marker stays, so the next run records this one as interrupted.
      await active?.abandon();
      throw error;
    }
    await active?.finish();
    span.setAttribute(ATTR_RUN_STATUS, summary.status);
    if (summary.status !== 'succeeded') markSpanFailed(span);
    env.emit({ type: 'run-finished', summary });
    return { runId: env.runId, summary };
  }, { kind: SPAN_KIND.SERVER });
}

/**
 * The plan's outcomes; once the run is interrupted, at most a second past the grace period: whatever is still
 * unsettled then (user code that ignores the signal, a storage call that hangs) is reported as interrupted.
 */
async function executeUntilStopped(env: RunEnvironment, resolver: StalenessResolver, plan: readonly PlannedSlot[], concurrency: number): Promise<SlotOutcome[]> {
  const settled = new Map<string, SlotOutcome>();
  const deadline = afterAbort(env.signal, env.interruptGraceMs + 1_000);
  const all = executePlan(env, resolver, plan, concurrency, settled);
  // Once the deadline has won, a later failure of the abandoned slots has nobody to report to.
  all.catch(() => undefined);
  try {
    const outcomes = await Promise.race([all, deadline.reached.then(() => undefined)]);
    if (outcomes !== undefined) return outcomes;
  } finally {
    deadline.cancel();
  }
  return plan.map((slot) => {
    const label = slotLabel(slot.asset, slot.partition);
    return settled.get(label) ?? interruptedOutcome(slot.asset, slot.partition, 0, env.signal, 'and still unsettled when the run stopped');
  });
}

async function executePlan(
  env: RunEnvironment,
  resolver: StalenessResolver,
  plan: readonly PlannedSlot[],
  concurrency: number,
  settled: Map<string, SlotOutcome>,
): Promise<SlotOutcome[]> {
  const limit = pLimit(Math.max(1, concurrency));
  countConsumers(env, plan);
  const pending = new Map<string, Promise<SlotOutcome>>();
  for (const slot of launchOrder(env.graph, plan)) {
    const label = slotLabel(slot.asset, slot.partition);
    const upstreamInPlan = upstreamSlots(env.graph, env.graph.get(slot.asset), slot.partition)
      .map((upstream) => pending.get(slotLabel(upstream.asset, upstream.partition)))
      .filter((promise): promise is Promise<SlotOutcome> => promise !== undefined);
    pending.set(label, settleSlot(env, resolver, slot, upstreamInPlan, limit).then((outcome) => {
      settled.set(label, outcome);
      return outcome;
    }));
  }
  return Promise.all(plan.map((slot) => pending.get(slotLabel(slot.asset, slot.partition))!));
}

/**
 * The plan in the order slots are handed to the concurrency limit: still topological, but among slots that
 * are ready together, those with the longest chain of assets downstream go first (critical path first), so
 * a long chain is not queued behind many short ones.
 */
function launchOrder(graph: AssetGraph, plan: readonly PlannedSlot[]): PlannedSlot[] {
  // Longest path from a root (slots of equal depth never depend on each other) and to a sink.
  const depth = new Map<string, number>();
  for (const key of graph.keys) depth.set(key, 1 + Math.max(-1, ...graph.parents(key).map((parent) => depth.get(parent)!)));
  const chain = new Map<string, number>();
  for (const key of [...graph.keys].reverse()) chain.set(key, 1 + Math.max(0, ...graph.children(key).map((child) => chain.get(child)!)));
  const rank = new Map(graph.keys.map((key, index) => [key, index]));
  return [...plan].sort(
    (a, b) => depth.get(a.asset)! - depth.get(b.asset)! || chain.get(b.asset)! - chain.get(a.asset)! || rank.get(a.asset)! - rank.get(b.asset)!,
  );
}

/** Waits for the slot's upstreams in this run, then skips it, stops it, or materializes it (bounded). */
async function settleSlot(
  env: RunEnvironment,
  resolver: StalenessResolver,
  slot: PlannedSlot,
  upstreamInPlan: readonly Promise<SlotOutcome>[],
  limit: LimitFunction,
): Promise<SlotOutcome> {
  const upstream = await Promise.all(upstreamInPlan);
  const partition = slot.partition;
  const base = emptyOutcome(slot.asset, partition, Date.now() - env.runStartedAt);
  const broken = upstream.find((outcome) => outcome.type === 'failed' || outcome.type === 'upstream-failed');
  let outcome: SlotOutcome;
  if (broken !== undefined) {
    const verb = broken.type === 'failed' ? 'failed' : 'could not run';
    outcome = { ...base, type: 'upstream-failed', reason: `upstream "${slotLabel(broken.asset, broken.partition)}" ${verb}` };
  } else if (slot.status === 'fresh' && !isForced(env.force, slot.asset) && !upstream.some((outcome) => outcome.type === 'materialized')) {
    // Fresh at planning and nothing upstream changed since: no lock, no re-check needed.
    const head = (await resolver.head(slot.asset, partition))?.record;
    outcome = { ...base, reason: 'fresh', materializationId: head?.id ?? null, dataVersion: head?.dataVersion ?? null, rows: head?.rows ?? 0 };
  } else {
    outcome = await limit(() =>
      // Checked when the slot's turn comes: after an abort (Ctrl-C), queued slots do not start.
      env.signal.aborted ? Promise.resolve(interruptedOutcome(slot.asset, partition, base.waitMs, env.signal, 'before it started')) : materializeInSpan(env, resolver, slot),
    );
  }
  for (const consumed of upstream) if (consumed.materializationId !== null) env.cache.release(consumed.materializationId);
  env.emit({ type: 'slot-finished', outcome });
  return outcome;
}

export function summarizeRun(env: RunEnvironment, selection: string, partition: string | null, startedAt: Date, outcomes: SlotOutcome[]): RunSummary {
  const finishedAt = new Date();
  return {
    format: 1,
    runId: env.runId,
    instance: serviceInstanceId(),
    selection,
    force: recordedForce(env.force),
    partition,
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    durationMs: finishedAt.getTime() - startedAt.getTime(),
    status: runStatus(env, outcomes),
    outcomes,
  };
}

/** Interrupted when the run was stopped before all of it succeeded; else failed if any slot failed. */
function runStatus(env: RunEnvironment, outcomes: readonly SlotOutcome[]): RunSummary['status'] {
  const isBroken = outcomes.some((outcome) => outcome.type === 'failed' || outcome.type === 'upstream-failed');
  if (!isBroken) return 'succeeded';
  return env.signal.aborted ? 'interrupted' : 'failed';
}

function countConsumers(env: RunEnvironment, plan: readonly PlannedSlot[]): void {
  const planned = new Set(plan.map((slot) => slotLabel(slot.asset, slot.partition)));
  for (const slot of plan) {
    for (const upstream of upstreamSlots(env.graph, env.graph.get(slot.asset), slot.partition)) {
      const label = slotLabel(upstream.asset, upstream.partition);
      if (planned.has(label)) env.consumers.set(label, (env.consumers.get(label) ?? 0) + 1);
    }
  }
}

export async function materializeInSpan(env: RunEnvironment, resolver: StalenessResolver, slot: PlannedSlot): Promise<SlotOutcome> {
  const asset = env.graph.get(slot.asset);
  const partition = slot.partition;
  const status = await resolver.slotStatus(slot.asset, partition);
  const attributes = {
    [ATTR_RUN_ID]: env.runId,
    [ATTR_ASSET_KEY]: asset.key,
    [ATTR_ASSET_LAYER]: layerOf(asset.key),
    [ATTR_PARTITION]: partition ?? '',
    [ATTR_CODE_VERSION]: asset.codeVersion,
    [ATTR_STALE_CAUSES]: status.causes.map((cause) => `${cause.category}: ${cause.reason}`),
  };
  return withSpan(`${SPAN_MATERIALIZE} ${slotLabel(asset.key, partition)}`, attributes, async (span) => {
    const outcome = await materializeSlot(env, asset, partition, slot.status);
    span.setAttribute(ATTR_OUTCOME, outcome.type);
    // A failed blocking check returns rather than throws; the span fails either way.
    if (outcome.type === 'failed') markSpanFailed(span, outcome.reason ?? 'failed');
    return outcome;
  });
}

