/**
 * What running on Inngest costs: `gold/matches` requested on an empty lake through the real Inngest dev server
 * (a chain of runs, one per asset slot) against `?run=in-process` on an equal stack, same emulator data and
 * plan; and how many calls Inngest makes to /api/inngest per run. Uses the end-to-end stack (the server built
 * by tests/e2e/inngest-server.sh, or MEDALLION_INNGEST_COMMAND).
 */
import { pathToFileURL } from 'node:url';
import { E2EStack } from '../tests/e2e/support/e2e-stack.ts';

export interface OrchestrationFigures {
  readonly debounceSeconds: number;
  readonly inngestMs: number;
  readonly inProcessMs: number;
  /** Asset runs (fan-outs and waits included) and the slots they materialized. */
  readonly runs: number;
  readonly materialized: number;
  readonly calls: number;
  /** Per function (slug without the app id): runs and calls. */
  readonly perFunction: Record<string, { runs: number; calls: number }>;
}

const GOLD = 'gold/matches';

export async function measureOrchestration(debounceSeconds = 1): Promise<OrchestrationFigures> {
  const serveEnv = { MEDALLION_INNGEST_DEBOUNCE: `${debounceSeconds}s` };
  const onInngest = await E2EStack.start({ serveEnv });
  let inngestMs: number;
  let runs: number;
  let materialized: number;
  let calls: number;
  const perFunction: Record<string, { runs: number; calls: number }> = {};
  try {
    const started = performance.now();
    const response = await onInngest.api(`/assets/${GOLD}/materialize`, { json: {} });
    if (response.status !== 202) throw new Error(`POST materialize answered ${response.status}: ${await response.text()}`);
    const slots = [...onInngest.graph.ancestors(GOLD), GOLD];
    await onInngest.waitUntil(`${GOLD} is fresh`, () => onInngest.allFresh(slots), 300_000, 50);
    inngestMs = performance.now() - started;
    const settled = (await onInngest.settle(120_000)).filter((run) => !run.function.endsWith('-failure'));
    runs = settled.length;
    const outputs = await Promise.all(settled.map(async (run) => (await onInngest.runOutput(run.id)).data as { status?: string } | null));
    materialized = outputs.filter((output) => output?.status === 'materialized').length;
    calls = onInngest.serve.inngestCalls().length;
    const entry = (fn: string) => (perFunction[fn.replace(/^medallion-/, '')] ??= { runs: 0, calls: 0 });
    for (const run of settled) entry(run.function).runs++;
    for (const call of onInngest.serve.inngestCalls()) entry(call.fn).calls++;
  } finally {
    await onInngest.close();
  }
  const inProcess = await E2EStack.start({ serveEnv });
  try {
    const started = performance.now();
    const response = await inProcess.api(`/assets/${GOLD}/materialize?run=in-process`, { json: {} });
    if (response.status !== 200) throw new Error(`POST materialize?run=in-process answered ${response.status}: ${await response.text()}`);
    await response.json();
    return { debounceSeconds, inngestMs, inProcessMs: performance.now() - started, runs, materialized, calls, perFunction };
  } finally {
    await inProcess.close();
  }
}

// Run alone: `node --import tsx bench/inngest-orchestration.ts [debounce seconds=1]`
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const figures = await measureOrchestration(Number(process.argv[2] ?? 1));
  console.log(JSON.stringify(figures));
}
