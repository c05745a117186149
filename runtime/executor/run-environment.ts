/** What every slot of one run shares: the graph, the lake, the run's identity, its policies and its listener. */
import type { AssetKey } from '../asset/asset-key.ts';
import type { AssetGraph } from '../graph/asset-graph.ts';
import type { JsonValue } from '../json.ts';
import type { Ledger } from '../ledger/ledger.ts';
import type { Storage } from '../storage/storage.ts';
import type { RunDataCache } from './asset-inputs.ts';
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

export interface RunEnvironment {
  readonly graph: AssetGraph;
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
  readonly steps?: StepRunner;
}
