// What a test reads of an Inngest server's runs through its GraphQL API (`inngest dev` or `inngest start`):
// every run, one run's output and step attempts, and waiting until the server is quiet.
import type { InngestDevServer } from './inngest-dev-server.ts';

type Gql = InngestDevServer['gql'];

export interface InngestRun {
  readonly id: string;
  readonly status: 'COMPLETED' | 'FAILED' | 'CANCELLED' | 'RUNNING' | 'QUEUED' | 'SKIPPED';
  readonly function: string;
  readonly eventName: string | null;
  readonly triggerIDs: readonly string[];
  readonly queuedAt: string;
  readonly startedAt: string | null;
  readonly endedAt: string | null;
  readonly output: string | null;
}

/** Every run the server knows, oldest first. */
export async function listInngestRuns(gql: Gql): Promise<InngestRun[]> {
  const runs: InngestRun[] = [];
  let after: string | null = null;
  for (;;) {
    const page: { runs: { edges: { cursor: string; node: Omit<InngestRun, 'function'> & { function: { slug: string } } }[]; pageInfo: { hasNextPage: boolean } } } = await gql(
      `query Runs($after: String) { runs(first: 100, after: $after, orderBy: [{ field: QUEUED_AT, direction: ASC }], filter: { from: "2000-01-01T00:00:00Z" }) {
        edges { cursor node { id status eventName triggerIDs queuedAt startedAt endedAt output function { slug } } } pageInfo { hasNextPage } } }`,
      { after },
    );
    runs.push(...page.runs.edges.map(({ node }) => ({ ...node, function: node.function.slug })));
    if (!page.runs.pageInfo.hasNextPage || page.runs.edges.length === 0) return runs;
    after = page.runs.edges.at(-1)!.cursor;
  }
}

/** A run's result as its root span recorded it: the function's return value, or its error. */
export async function inngestRunOutput(gql: Gql, runId: string): Promise<{ data: unknown; error: { name: string | null; message: string } | null }> {
  const { runTrace } = await gql<{ runTrace: { outputID: string | null } }>('query Trace($runId: String!) { runTrace(runID: $runId) { outputID } }', { runId });
  if (runTrace.outputID === null) return { data: null, error: null };
  const { runTraceSpanOutputByID: output } = await gql<{ runTraceSpanOutputByID: { data: string | null; error: { name: string | null; message: string } | null } }>(
    'query Output($id: String!) { runTraceSpanOutputByID(outputID: $id) { data error { name message } } }',
    { id: runTrace.outputID },
  );
  return { data: output.data === null ? null : JSON.parse(output.data), error: output.error };
}

/** Each step of a run (by name) with the attempt it ended at, as the server's trace shows it (0: first). */
export async function inngestStepAttempts(gql: Gql, runId: string): Promise<Map<string, number>> {
  const { runTrace } = await gql<{ runTrace: { childrenSpans: { name: string; attempts: number | null; status: string }[] } }>(
    'query Trace($runId: String!) { runTrace(runID: $runId) { childrenSpans { name attempts status } } }',
    { runId },
  );
  return new Map(runTrace.childrenSpans.map((span) => [span.name, span.attempts ?? 0]));
}

/**
 * Waits until nothing is queued or running and no new run has appeared for `quietMs` (longer than the
 * debounce period, so a debounced run still to come is waited for).
 */
export async function settleInngestRuns(gql: Gql, timeoutMs: number, quietMs: number): Promise<InngestRun[]> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  let since = Date.now();
  for (;;) {
    const runs = await listInngestRuns(gql);
    const busy = runs.some((run) => run.status === 'RUNNING' || run.status === 'QUEUED');
    const fingerprint = runs.map((run) => `${run.id}:${run.status}`).join(',');
    if (busy || fingerprint !== last) {
      last = fingerprint;
      since = Date.now();
    } else if (Date.now() - since >= quietMs) {
      return runs;
    }
    if (Date.now() > deadline) throw new Error(`Inngest did not settle within ${timeoutMs} ms: ${runs.filter((run) => run.status === 'RUNNING' || run.status === 'QUEUED').map((run) => `${run.function} ${run.status}`).join(', ') || 'runs kept appearing'}`);
    await delay(500);
  }
}

/** Polls `check` until it is true; on timeout the error names `what`, the last error and `context()`. */
export async function waitUntil(what: string, check: () => Promise<boolean>, options: { timeoutMs: number; intervalMs?: number; context?: () => string }): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      if (await check()) return;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`Timed out after ${options.timeoutMs} ms waiting until ${what}${lastError === undefined ? '' : ` (last error: ${String(lastError)})`}.${options.context === undefined ? '' : `\n${options.context()}`}`);
    }
    await delay(options.intervalMs ?? 250);
  }
}

export const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
