/**
 * What every slot of one run shares: the graph, the lake, the run's identity, its policies, its clock and its
 * listener; and the one place their defaults are set.
 */
import { setTimeout as sleepFor } from 'node:timers/promises';
import type { AssetKey } from '../asset/asset-key.ts';
import type { AssetGraph } from '../graph/asset-graph.ts';
import type { JsonValue } from '../json.ts';
import { Ledger } from '../ledger/ledger.ts';
import type { Storage } from '../storage/storage.ts';
import { RunDataCache } from './asset-inputs.ts';
import { DEFAULT_INTERRUPT_GRACE_MS } from './interruption.ts';
import type { RunEventListener } from './run-events.ts';

/**
 * Durable steps kept by an orchestrator instead of the lake journal (Inngest's `step.run`). With one, a
 * slot gets exactly one attempt per call and its failure is thrown back: the orchestrator retries.
 */
export interface StepRunner {
  run<T extends JsonValue | void>(id: string, fn: () => Promise<T>): Promise<T>;
}

/**
 * Which slots a run materializes even when fresh: every slot of the selection (`true`), none (`false`), or
 * only those of the assets listed (`POST /assets/KEY/materialize` forces KEY, not the upstream it brings in).
 */
export type ForceOption = boolean | readonly AssetKey[];

export function isForced(force: ForceOption, asset: AssetKey): boolean {
  return typeof force === 'boolean' ? force : force.includes(asset);
}

/** The force option as run records keep it (a mutable copy of the list, for JSON). */
export function recordedForce(force: ForceOption): boolean | AssetKey[] {
  return typeof force === 'boolean' ? force : [...force];
}

/** What one slot's materialization needs of its run: everything but the graph (its inputs are handed to it). */
export interface SlotEnvironment {
  readonly storage: Storage;
  readonly ledger: Ledger;
  readonly cache: RunDataCache;
  /** How many slots of this run read each slot (by slot label), so cached data is dropped after its last reader. */
  readonly consumers: Map<string, number>;
  readonly runId: string;
  readonly runStartedAt: number;
  readonly force: ForceOption;
  readonly lockWaitMs: number;
  readonly signal: AbortSignal;
  /** How long running user code may take after an abort before it is abandoned. */
  readonly interruptGraceMs: number;
  readonly emit: RunEventListener;
  readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  readonly random: () => number;
  /** Stamps materializations (start, finish, ids); a test's clock in `runtime/testing.ts`. */
  readonly now: () => Date;
  readonly steps?: StepRunner;
}

export interface RunEnvironment extends SlotEnvironment {
  readonly graph: AssetGraph;
}

/** What a run's environment is made from; everything but the lake has a default. */
export interface SlotEnvironmentOptions {
  readonly storage: Storage;
  readonly force?: ForceOption;
  readonly lockWaitMs?: number;
  readonly signal?: AbortSignal;
  readonly interruptGraceMs?: number;
  readonly onEvent?: RunEventListener;
  readonly sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  readonly random?: () => number;
  readonly now?: () => Date;
  readonly steps?: StepRunner;
}

/** The environment of one slot's materialization, its options' defaults filled in. */
export function createSlotEnvironment(options: SlotEnvironmentOptions, runId: string, startedAt: Date): SlotEnvironment {
  return {
    storage: options.storage,
    ledger: new Ledger(options.storage),
    cache: new RunDataCache(),
    consumers: new Map(),
    runId,
    runStartedAt: startedAt.getTime(),
    force: options.force ?? false,
    lockWaitMs: options.lockWaitMs ?? 600_000,
    signal: options.signal ?? new AbortController().signal,
    interruptGraceMs: options.interruptGraceMs ?? DEFAULT_INTERRUPT_GRACE_MS,
    emit: options.onEvent ?? (() => undefined),
    sleep: options.sleep ?? ((ms, signal) => sleepFor(ms, undefined, { signal })),
    random: options.random ?? Math.random,
    now: options.now ?? (() => new Date()),
    ...(options.steps === undefined ? {} : { steps: options.steps }),
  };
}

/** The environment every slot of a run shares, from the run's options. */
export function createRunEnvironment(options: SlotEnvironmentOptions & { readonly graph: AssetGraph }, runId: string, startedAt: Date): RunEnvironment {
  return { ...createSlotEnvironment(options, runId, startedAt), graph: options.graph };
}
