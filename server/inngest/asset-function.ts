/**
 * One Inngest function per asset: fans a partitioned request out per partition, requests stale or missing
 * upstream slots first, materializes the slot through `materializeOne` (the asset's `ctx.step`s are
 * `step.run`s), announces the commit with `asset.materialized`, and records a final failure in the ledger.
 */
import { NonRetriableError, type Inngest } from 'inngest';
import { type AnyAsset, type AssetGraph, type OutcomeType, type SlotOutcome, type Storage } from '../../runtime/index.ts';
import { isSameSlot, recordFailure, type Slot } from '../../runtime/internal.ts';
import { InterruptedError, isInterrupted, toInngestError } from './errors.ts';
import { assetMaterialized, assetRequested, partitionField } from './events.ts';
import { assetFunctionConfig, DEFAULT_BACKLOG_DELAY, durationMs, type AssetFunctionOptions } from './function-config.ts';
import { currentRequestScope, RequestScopeMiddleware, unlessInterrupted } from './request-scope.ts';
import { settleSlot } from './settle-slot.ts';
import { slotTarget } from './slot-target.ts';
import { createStepRunner, type InngestStepRun } from './step-runner.ts';
import { currentTraceparent, endSpanWithError, startFunctionSpan } from './trace-context.ts';
import { upstreamFrontier } from './upstream-frontier.ts';

export interface AssetFunctionDeps {
  readonly client: Inngest.Any;
  readonly graph: AssetGraph;
  readonly storage: Storage;
}

/** What a run returns (its output in the dev UI): small, never data. */
export type AssetRunResult =
  | { readonly status: 'fanned-out'; readonly asset: string; readonly partitions: readonly string[] }
  | { readonly status: 'waiting-for-upstream'; readonly asset: string; readonly partition: string | null; readonly requested: readonly Slot[] }
  | { readonly status: OutcomeType; readonly asset: string; readonly partition: string | null; readonly reason: string | null; readonly dataVersion: string | null; readonly rows: number };

interface RunArgs {
  readonly event: { readonly name: string; readonly data: Record<string, unknown> };
  readonly step: InngestStepRun & { sendEvent(id: string, events: unknown): Promise<unknown> };
  readonly runId: string;
  readonly attempt: number;
}

// Every outcome type has its consequence: announce a commit, stay quiet on a skip, retry or stop on failure.
const OUTCOME_HANDLERS: Record<OutcomeType, (outcome: SlotOutcome) => 'announce' | 'quiet'> = {
  materialized: () => 'announce',
  skipped: () => 'quiet',
  failed: (outcome) => {
    throw new Error(outcome.reason ?? outcome.error?.message ?? `${outcome.asset} failed`);
  },
  'upstream-failed': (outcome) => {
    throw new NonRetriableError(outcome.reason ?? `an upstream of ${outcome.asset} failed`);
  },
};

export function createAssetFunction(deps: AssetFunctionDeps, asset: AnyAsset, options: AssetFunctionOptions = {}) {
  const config = assetFunctionConfig(deps.graph, asset, options);
  return deps.client.createFunction(
    {
      ...config,
      middleware: [RequestScopeMiddleware],
      onFailure: (args) => recordFinalFailure(deps, asset, args),
    },
    // The SDK types `event` and `step` from the triggers; this module needs only their shape (RunArgs).
    async (args) => {
      const { signal, links } = currentRequestScope();
      const attributes = { 'medallion.asset.key': asset.key, 'inngest.run_id': args.runId, 'inngest.attempt': args.attempt, 'inngest.event': args.event.name };
      return startFunctionSpan(`medallion.function ${config.id}`, attributes, links, async (span) => {
        try {
          const result = await unlessInterrupted(runAsset(deps, asset, args as unknown as RunArgs, signal, options), signal);
          span.setAttribute('medallion.function.status', result.status);
          span.end();
          return result;
        } catch (error) {
          if (!isInterrupted(error)) {
            endSpanWithError(span, error);
            throw error;
          }
          // Inngest answered this request at a new step and re-enters the function in the next one.
          span.setAttribute('medallion.function.interrupted', true);
          span.end();
          return new Promise<never>(() => undefined);
        }
      });
    },
  );
}

async function runAsset(deps: AssetFunctionDeps, asset: AnyAsset, args: RunArgs, signal: AbortSignal, options: AssetFunctionOptions): Promise<AssetRunResult> {
  const { event, step } = args;
  const target = slotTarget(deps.graph, asset, event);
  const force = event.name !== assetMaterialized.name && event.data['force'] === true;
  if (target.kind === 'fan-out') {
    const requests = target.partitions.map((partition) => assetRequested.create({ asset: asset.key, partition, ...(force ? { force } : {}), ...currentTraceparent() }));
    await step.sendEvent('medallion.fan-out', requests);
    return { status: 'fanned-out', asset: asset.key, partitions: target.partitions };
  }
  const slot: Slot = { asset: asset.key, partition: target.partition };
  const frontier = (await step.run('medallion.check-upstream', () => upstreamFrontier(deps.graph, deps.storage, slot))) as Slot[];
  if (!(frontier.length === 1 && isSameSlot(frontier[0]!, slot))) {
    const requests = frontier.map((upstream) => assetRequested.create({ asset: upstream.asset, ...partitionField(upstream.partition), ...currentTraceparent() }));
    await step.sendEvent('medallion.request-upstream', requests);
    return { status: 'waiting-for-upstream', asset: asset.key, partition: slot.partition, requested: frontier };
  }
  const steps = createStepRunner(step, { policy: asset.retry, attempt: args.attempt, signal });
  let outcome: SlotOutcome;
  try {
    outcome = await settleSlot({ graph: deps.graph, storage: deps.storage, slot, force, runId: args.runId, steps });
    if (OUTCOME_HANDLERS[outcome.type](outcome) === 'announce') {
      const announcement = assetMaterialized.create({
        asset: asset.key, ...partitionField(slot.partition), dataVersion: outcome.dataVersion!, runId: args.runId, ...currentTraceparent(),
      });
      await step.sendEvent('medallion.announce-materialized', announcement);
      if ((outcome.backlog?.pending ?? 0) > 0) {
        // The budget ran out: the asset asks for itself again, scheduled by the event's future `ts`, so the
        // backlog is worked off run by run without anyone asking. The id makes a replayed send a no-op.
        const delay = durationMs(options.backlogDelay ?? DEFAULT_BACKLOG_DELAY);
        const continuation = assetRequested.create({ asset: asset.key, ...partitionField(slot.partition), ...currentTraceparent() });
        await step.sendEvent('medallion.continue-backlog', { ...continuation, id: `continue-${outcome.materializationId}`, ts: Date.now() + delay });
      }
    }
  } catch (error) {
    if (isInterrupted(error)) throw new InterruptedError();
    throw toInngestError(error, asset.retry, args.attempt);
  }
  const { type, reason, dataVersion, rows } = outcome;
  return { status: type, asset: asset.key, partition: slot.partition, reason, dataVersion, rows };
}

interface FailureArgs {
  readonly event: { readonly data: { readonly event: unknown; readonly run_id: unknown } };
  readonly error: Error;
  readonly step: InngestStepRun;
}

/** onFailure: the run gave up (retries exhausted, or non-retriable), so its slot's failure goes in the ledger. */
async function recordFinalFailure(deps: AssetFunctionDeps, asset: AnyAsset, { event, error, step }: FailureArgs) {
  let target;
  try {
    target = slotTarget(deps.graph, asset, event.data.event as RunArgs['event']);
  } catch {
    return { recorded: false }; // the request itself was invalid: there is no slot to record
  }
  if (target.kind !== 'slot') return { recorded: false };
  // The failure event does not say how many attempts ran: a non-retriable error stopped at the first.
  const attempts = error.name === 'NonRetriableError' ? 1 : asset.retry.maxAttempts;
  const record = (await step.run('medallion.record-failure', async () => {
    const failed = await recordFailure({
      graph: deps.graph, storage: deps.storage, asset: asset.key, partition: target.partition,
      runId: String(event.data.run_id), attempts, error: { name: error.name, message: error.message },
    });
    return { id: failed.id };
  })) as { id: string };
  return { recorded: true, record: record.id };
}
