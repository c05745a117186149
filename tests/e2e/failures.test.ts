// Failures against the real Inngest dev server: a refused credential fails its run at once and onFailure puts
// it in the ledger (medallion runs, GET /assets/:key); an unknown asset is refused by our API before any event
// is sent; an event that fails its schema, sent straight to the server, fails its run without a retry.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { listRuns } from '../../runtime/index.ts';
import { Ledger } from '../../runtime/internal.ts';
import { createGraphFromEnvironment } from '../../assets/pipeline-graph.ts';
import { runCapturedCli } from '../support/capture-cli.ts';
import { E2EStack } from './support/e2e-stack.ts';

const TMDB = 'raw/tmdb_movies';
const FUNCTION = 'medallion-materialize-raw-tmdb-movies';
const REFUSED_KEY = 'e2e-refused-tmdb-key-5f1c';

describe('failures on the real Inngest dev server', { timeout: 300_000 }, () => {
  let stack: E2EStack;
  before(async () => {
    stack = await E2EStack.start({ serveEnv: { TMDB_API_KEY: REFUSED_KEY } });
  });
  after(async () => {
    await stack?.close();
  });

  const eventCount = async () => {
    const { eventsV2 } = await stack.inngest.gql<{ eventsV2: { totalCount: number } }>(
      '{ eventsV2(first: 1, filter: { from: "2000-01-01T00:00:00Z", includeInternalEvents: true }) { totalCount } }',
    );
    return eventsV2.totalCount;
  };

  it('fails a run at once on a refused credential, and onFailure records it where medallion runs and GET /assets/:key show it', { timeout: 120_000 }, async () => {
    const started = Date.now();
    const response = await stack.api(`/assets/${TMDB}/materialize`, { json: {} });
    assert.equal(response.status, 202);
    const [eventId] = ((await response.json()) as { ids: string[] }).ids;
    await stack.waitUntil('the run has failed', async () => (await stack.runsOf(eventId!)).some((run) => run.status === 'FAILED'), 60_000);
    const failedAfterMs = Date.now() - started;
    const runs = await stack.settle(60_000);
    const [run] = runs.filter((candidate) => candidate.triggerIDs.includes(eventId!));
    assert.equal(run?.function, FUNCTION);
    assert.equal(run.status, 'FAILED');
    assert.equal(stack.emulator.stats.count({ api: 'tmdb' }), 1, 'one request: a refusal is not retried, by the client or by Inngest');
    // Two calls and no retry: one ran the step, which failed for good, and the next ended the run with its error.
    assert.deepEqual(callStatuses(stack, FUNCTION), [206, 400]);
    assert.equal((await stack.stepAttempts(run.id)).get('popular-page-1'), 0);
    const output = await stack.runOutput(run.id);
    assert.equal(output.error?.name, 'NonRetriableError');
    assert.match(output.error?.message ?? '', /401|refused|credential/i);
    assert.ok(runs.some((candidate) => candidate.function === `${FUNCTION}-failure` && candidate.status === 'COMPLETED'), 'the failure handler ran');

    const [record] = await new Ledger(stack.storage).history(TMDB);
    assert.equal(record?.status, 'failed');
    assert.equal(record?.runId, run.id);
    assert.equal(record?.attempts, 1);
    const history = await listRuns(stack.storage);
    assert.deepEqual(history.runs.map((summary) => [summary.runId, summary.outcomes.map((outcome) => outcome.type)]), [[run.id, ['failed']]]);
    const cli = await runCapturedCli(['runs', '--lake', stack.lake], () => createGraphFromEnvironment(stack.env), { env: {} });
    assert.equal(cli.code, 0, cli.stderr);
    assert.match(cli.stdout, new RegExp(`${run.id}.*failed`));
    const detail = (await (await stack.api(`/assets/${TMDB}`)).json()) as { history: { runId: string; status: string; error: { message: string } | null }[] };
    assert.equal(detail.history[0]?.runId, run.id);
    assert.equal(detail.history[0]?.status, 'failed');
    for (const text of [JSON.stringify(output), JSON.stringify(detail), cli.stdout, stack.serve.child.lines.join('\n')]) assert.ok(!text.includes(REFUSED_KEY), 'the key never shows');
    console.log(`# refused credential: run failed ${failedAfterMs} ms after the request`);
  });

  it('refuses an unknown asset at our API with a 404 and sends no event', { timeout: 30_000 }, async () => {
    const before = await eventCount();
    const response = await stack.api('/assets/gold/matchez/materialize', { json: {} });
    assert.equal(response.status, 404);
    const body = (await response.json()) as { error: { code: string; suggestions?: string[] } };
    assert.deepEqual(body.error.suggestions?.[0], 'gold/matches');
    assert.equal(await eventCount(), before);
  });

  it('fails a run whose event breaks its schema at once, without a retry, when it is sent straight to the server', { timeout: 60_000 }, async () => {
    const tmdbRequests = stack.emulator.stats.count();
    const callsBefore = callStatuses(stack, FUNCTION).length;
    const [eventId] = await stack.inngest.send([{ name: 'medallion/asset.requested', data: { asset: TMDB, force: 'yes' } }]);
    await stack.waitUntil('the run has failed', async () => (await stack.runsOf(eventId!)).some((run) => run.status === 'FAILED'), 30_000);
    const runs = await stack.settle(30_000);
    assert.deepEqual(runs.filter((run) => run.triggerIDs.includes(eventId!)).map((run) => [run.function, run.status]), [[FUNCTION, 'FAILED']]);
    assert.deepEqual(callStatuses(stack, FUNCTION).slice(callsBefore), [400], 'called once, refused as non-retriable');
    const [run] = await stack.runsOf(eventId!);
    assert.match((await stack.runOutput(run!.id)).error?.message ?? '', /force/);
    assert.equal(stack.emulator.stats.count(), tmdbRequests, 'nothing was extracted');
  });
});

/** The statuses /api/inngest answered for calls of one function, in order. */
function callStatuses(stack: E2EStack, fnId: string): number[] {
  return stack.serve.inngestCalls().filter((call) => call.fn === fnId).map((call) => call.status);
}
