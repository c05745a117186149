// A pipeline lake with some history for the runs page: a full run on the emulator, a forced rerun of what
// matching touches, and a run that fails (TMDB answers 503 for one page, every time), plus any extra forced
// full runs asked for. Each run takes about a second at the test scale.
import { materialize, type RunSummary, type Storage } from '../../runtime/index.ts';
import { createGraphFromEnvironment } from '../../assets/pipeline-graph.ts';
import { createTestEmulator, FAST_CLIENT, noWait, runInProcess, TEST_PLAN_ENV } from './emulated-pipeline.ts';

export interface RunsLakeOptions {
  /** Forced full runs after the first (default 0), so every asset has more than one point. */
  readonly extraFullRuns?: number;
}

/** The graph the server uses for a lake made by `createRunsLake` (the sample source at the test plan). */
export function runsLakeGraph() {
  return createGraphFromEnvironment({ ...TEST_PLAN_ENV, MEDALLION_SOURCE: 'sample' }, { emulator: createTestEmulator(), client: FAST_CLIENT });
}

/** Runs the pipeline a few times into `storage`; returns the run summaries, oldest first. */
export async function createRunsLake(storage: Storage, options: RunsLakeOptions = {}): Promise<RunSummary[]> {
  const emulator = createTestEmulator();
  const runs: RunSummary[] = [(await runInProcess(storage, emulator)).summary];
  const graph = runsLakeGraph();
  for (let i = 0; i < (options.extraFullRuns ?? 0); i++) runs.push((await materialize({ graph, storage, force: true, sleep: noWait })).summary);
  runs.push((await materialize({ graph, storage, selection: 'intermediate/candidates+', force: true, sleep: noWait })).summary);
  const broken = createTestEmulator({ faults: { rules: [{ kind: '503', api: 'tmdb', path: '/movie/popular', page: 3 }] } });
  const failing = createGraphFromEnvironment({ ...TEST_PLAN_ENV, MEDALLION_SOURCE: 'sample' }, { emulator: broken, client: FAST_CLIENT });
  runs.push((await materialize({ graph: failing, storage, selection: 'raw/tmdb_movies+', force: true, sleep: noWait })).summary);
  return runs;
}
