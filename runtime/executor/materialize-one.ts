/**
 * One asset slot for an orchestrator that keeps durable steps and retries itself (Inngest): one attempt per
 * call, steps through the orchestrator's runner, a failure thrown back (nothing recorded: `recordFailure`
 * does that once the orchestrator gives up), and a run summary when the slot is settled.
 */
import type { AssetKey } from '../asset/asset-key.ts';
import { SelectionError } from '../errors.ts';
import type { AssetGraph } from '../graph/asset-graph.ts';
import { didYouMean, nearestMatches } from '../graph/nearest-keys.ts';
import { createTimeOrderedId } from '../ledger/lake-layout.ts';
import type { MaterializationRecord } from '../ledger/materialization-record.ts';
import type { SlotOutcome } from '../ledger/run-summary.ts';
import type { Storage } from '../storage/storage.ts';
import { StalenessResolver } from '../versions/staleness.ts';
import { failureRecord } from './failure-record.ts';
import { emptyOutcome } from './outcomes.ts';
import { checkAssetPartition } from '../graph/slots.ts';
import type { RunEventListener } from './run-events.ts';
import { createRunEnvironment, type StepRunner } from './run-environment.ts';
import { materializeInSpan, summarizeRun } from './run.ts';

export interface MaterializeOneOptions {
  readonly graph: AssetGraph;
  readonly storage: Storage;
  readonly asset: AssetKey;
  /** The slot's partition: required for a partitioned asset, left out (or null) otherwise. */
  readonly partition?: string | null;
  readonly force?: boolean;
  /** The orchestrator's run id, so the ledger and its UI tell the same story. */
  readonly runId: string;
  readonly steps: StepRunner;
  readonly lockWaitMs?: number;
  readonly onEvent?: RunEventListener;
}

/**
 * Materializes one slot if it is missing or stale (or `force`), else skips it; throws what the asset threw.
 *
 * @example
 * const outcome = await materializeOne({ graph, storage, asset: 'gold/matches', runId, steps: { run: (id, fn) => step.run(id, fn) } });
 */
export async function materializeOne(options: MaterializeOneOptions): Promise<SlotOutcome> {
  const asset = assetIn(options.graph, options.asset);
  const partition = options.partition ?? null;
  checkAssetPartition(options.graph.get(asset), partition);
  const startedAt = new Date();
  const env = createRunEnvironment({ ...options, lockWaitMs: options.lockWaitMs ?? 60_000 }, options.runId, startedAt);
  const resolver = new StalenessResolver(options.graph, env.ledger);
  const status = (await resolver.slotStatus(asset, partition)).status;
  const outcome = await materializeInSpan(env, resolver, { asset, partition, status });
  await env.ledger.writeRunSummary(summarizeRun(env, asset, partition, startedAt, [outcome]));
  return outcome;
}

/** Records the final failure of a slot an orchestrator gave up on (its onFailure handler): a ledger record and the run's summary. */
export async function recordFailure(options: {
  readonly graph: AssetGraph;
  readonly storage: Storage;
  readonly asset: AssetKey;
  readonly partition?: string | null;
  readonly runId: string;
  readonly attempts: number;
  readonly error: { readonly name: string; readonly message: string };
}): Promise<MaterializationRecord> {
  const asset = options.graph.get(assetIn(options.graph, options.asset));
  const partition = options.partition ?? null;
  const now = new Date();
  const record = failureRecord({
    id: createTimeOrderedId(now), runId: options.runId, asset, partition, startedAt: now, finishedAt: now,
    attempts: options.attempts, inputs: [], steps: { ran: 0, replayed: 0 }, error: { name: options.error.name, code: null, message: options.error.message },
  });
  const env = createRunEnvironment(options, options.runId, now);
  await env.ledger.append(record);
  // A run summary too, so `listRuns` (`medallion runs`, GET /runs) shows the failed run without scanning the ledger.
  const earlier = await env.ledger.readRunSummary(options.runId);
  const outcome: SlotOutcome = {
    ...emptyOutcome(asset.key, partition, 0), type: 'failed', reason: options.error.message, attempts: options.attempts, error: record.error,
  };
  const others = earlier?.outcomes.filter((o) => !(o.asset === outcome.asset && o.partition === outcome.partition)) ?? [];
  await env.ledger.writeRunSummary(summarizeRun(env, asset.key, partition, new Date(earlier?.startedAt ?? now), [...others, outcome]));
  return record;
}

function assetIn(graph: AssetGraph, key: string): AssetKey {
  if (graph.has(key)) return key;
  const nearest = nearestMatches(key, graph.keys);
  throw new SelectionError('SELECTION_UNKNOWN_KEY', `Unknown asset "${key}".${didYouMean(nearest)}`, nearest);
}
