/** What every slot of one run shares: the graph, the lake, the run's identity, its policies and its listener. */
import type { AssetGraph } from '../graph/asset-graph.ts';
import type { Ledger } from '../ledger/ledger.ts';
import type { Storage } from '../storage/storage.ts';
import type { RunDataCache } from './asset-inputs.ts';
import type { RunEventListener } from './run-events.ts';

export interface RunEnvironment {
  readonly graph: AssetGraph;
  readonly storage: Storage;
  readonly ledger: Ledger;
  readonly cache: RunDataCache;
  /** How many slots of this run read each slot (by slot label), so cached data is dropped after its last reader. */
  readonly consumers: Map<string, number>;
  readonly runId: string;
  readonly runStartedAt: number;
  readonly force: boolean;
  readonly lockWaitMs: number;
  readonly signal: AbortSignal;
  readonly emit: RunEventListener;
  readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  readonly random: () => number;
}
