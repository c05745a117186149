// /api/inngest never answers a malformed, unknown or unauthorized request with a 500 or a stack trace (issue 13),
// in dev mode, in cloud mode with a signing key (signed and unsigned), and without either.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Inngest, type Logger } from 'inngest';
import { createInngestApp } from '../../inngest.config.ts';
import { createApp } from '../../server/app.ts';
import { createFakeInngestServer, driveRun, inngestSignature } from '../support/inngest-harness.ts';
import { createSmallGraph } from '../server/fixtures/small-graph.ts';
import { createMixedLake, expectCleanError } from '../server/fixtures/test-app.ts';
import type { TempLake } from '../support/temp-lake.ts';

const quiet: Logger = { info() {}, warn() {}, error() {}, debug() {} };
const SIGNING_KEY = `signkey-test-${'a7'.repeat(32)}`;
const FN = 'medallion-materialize-gold-matches';
const runBody = (extra: Record<string, unknown> = {}) => JSON.stringify({
  event: { name: 'medallion/asset.requested', data: { asset: 'gold/matches' } }, events: [], steps: {}, version: 2,
  ctx: { run_id: '01GUARDRUN', attempt: 0, max_attempts: 1, disable_immediate_execution: false, use_api: false, stack: { stack: [], current: 0 } },
  ...extra,
});

describe('/api/inngest at the door', () => {
  let lake: TempLake;
  const logs: string[] = [];
  before(async () => { lake = await createMixedLake(); });
  after(async () => { await lake.cleanup(); });

  function appWith(clientOptions: { isDev?: boolean; signingKey?: string; fetch?: typeof fetch }) {
    const fake = createFakeInngestServer();
    const client = new Inngest({ id: 'medallion', fetch: fake.fetch, logger: quiet, internalLogger: quiet, ...clientOptions });
    const graph = createSmallGraph({ filmsCodeVersion: '2' });
    const { handler } = createInngestApp({ graph, storage: lake.storage, client });
    return createApp({ graph, storage: lake.storage, env: {}, inngestHandler: handler, log: (line) => logs.push(line) });
  }
  const post = (app: ReturnType<typeof appWith>, query: string, body: string, headers: Record<string, string> = {}) =>
    app.request(`http://localhost/api/inngest${query}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });

  it('dev mode: a body that is not JSON, no or an unknown fnId, and a body without an event are 4xx JSON errors', async () => {
    const app = appWith({ isDev: true });
    const cases: Array<[string, string, number, string]> = [
      [`?fnId=${FN}&stepId=step`, '{"event": ', 400, 'INVALID_JSON'],
      ['', runBody(), 400, 'INNGEST_BAD_REQUEST'],
      ['?fnId=&stepId=step', runBody(), 400, 'INNGEST_BAD_REQUEST'],
      ['?fnId=nope&stepId=step', runBody(), 404, 'INNGEST_FUNCTION_UNKNOWN'],
      ['?fnId=medallion-observe-raw-landing-failure&stepId=step', runBody(), 404, 'INNGEST_FUNCTION_UNKNOWN'],
      [`?fnId=${FN}&stepId=step`, '', 400, 'INNGEST_BAD_REQUEST'],
      [`?fnId=${FN}&stepId=step`, '{}', 400, 'INNGEST_BAD_REQUEST'],
      [`?fnId=${FN}&stepId=step`, '[]', 400, 'INNGEST_BAD_REQUEST'],
      [`?fnId=${FN}&stepId=step`, 'null', 400, 'INNGEST_BAD_REQUEST'],
      [`?fnId=${FN}&stepId=step`, '{"event": "x"}', 400, 'INNGEST_BAD_REQUEST'],
      [`?fnId=${FN}&stepId=step`, runBody({ steps: 5 }), 400, 'INNGEST_BAD_REQUEST'],
      [`?fnId=${FN}&stepId=step`, runBody({ ctx: { run_id: 7 } }), 400, 'INNGEST_BAD_REQUEST'],
      [`?fnId=${FN}&stepId=step`, runBody({ version: 0 }), 400, 'INNGEST_BAD_REQUEST'],
    ];
    for (const [query, body, status, code] of cases) {
      const error = await expectCleanError(await post(app, query, body), status, `${query} ${body.slice(0, 40)}`);
      assert.equal(error.code, code, `${query} ${body.slice(0, 40)}`);
    }
    const probe = await expectCleanError(await post(app, '?probe=nope', '{}'), 400, 'unknown probe');
    assert.match(probe.message, /Unknown probe "nope"/);
    assert.equal((await post(app, '?probe=trust', '{}')).status, 200);
    for (const body of ['', 'null']) assert.equal((await expectCleanError(await post(app, '?probe=trust', body), 400, `probe with body ${body}`)).code, 'INNGEST_BAD_REQUEST');
    const badSync = await expectCleanError(await app.request('http://localhost/api/inngest', { method: 'PUT', body: '{"x' }), 400, 'PUT');
    assert.equal(badSync.code, 'INVALID_JSON');
  });

  it('dev mode: a well-formed request still runs, and a function failure is still the executor protocol', async () => {
    const app = appWith({ isDev: true });
    const ran = await post(app, `?fnId=${FN}&stepId=step`, runBody());
    assert.equal(ran.status, 206, await ran.clone().text());
    const run = await driveRun(app, { fnId: 'medallion-materialize-gold-decades', event: { name: 'medallion/asset.requested', data: { asset: 'gold/decades', partition: '1990s' } }, maxAttempts: 1 });
    assert.equal(run.status, 'failed', 'a request naming a partition of an unpartitioned asset is refused by the function (non-retriable)');
    assert.match(run.error?.message ?? '', /not partitioned/);
  });

  it('with neither INNGEST_DEV nor INNGEST_SIGNING_KEY, answers every request 503 naming both, never 500', async () => {
    const app = appWith({ isDev: false });
    const requests: Array<[string, RequestInit]> = [
      ['', {}], ['', { method: 'PUT' }], [`?fnId=${FN}&stepId=step`, { method: 'POST', body: runBody() }], ['?fnId=x', { method: 'POST', body: '{' }], ['?probe=trust', {}],
    ];
    for (const [query, init] of requests) {
      const error = await expectCleanError(await app.request(`http://localhost/api/inngest${query}`, init), 503, `${init.method ?? 'GET'} ${query}`);
      assert.equal(error.code, 'INNGEST_NOT_CONFIGURED');
      assert.match(error.message, /INNGEST_DEV/);
      assert.match(error.message, /INNGEST_SIGNING_KEY/);
    }
  });

  it('cloud mode: unsigned or forged requests are 401 whatever they hold; signed ones the SDK cannot run are 4xx', async () => {
    const app = appWith({ isDev: false, signingKey: SIGNING_KEY });
    for (const [query, body] of [[`?fnId=${FN}&stepId=step`, runBody()], ['?fnId=nope', runBody()], ['', '{}'], [`?fnId=${FN}`, '']]) {
      const error = await expectCleanError(await post(app, query!, body!), 401, `unsigned ${query}`);
      assert.match(error.message, /INNGEST_SIGNING_KEY/);
    }
    await expectCleanError(await post(app, `?fnId=${FN}&stepId=step`, runBody(), { 'X-Inngest-Signature': 't=1&s=00' }), 401, 'forged');
    await expectCleanError(await app.request('http://localhost/api/inngest'), 401, 'GET');
    const signed = (query: string, body: string) => post(app, query, body, { 'X-Inngest-Signature': inngestSignature(body, SIGNING_KEY) });
    const cases: Array<[string, string, number, string]> = [
      ['?stepId=step', runBody(), 400, 'INNGEST_BAD_REQUEST'],
      ['?fnId=nope&stepId=step', runBody(), 404, 'INNGEST_FUNCTION_UNKNOWN'],
      [`?fnId=${FN}&stepId=step`, runBody({ steps: 5 }), 400, 'INNGEST_BAD_REQUEST'],
      [`?fnId=${FN}&stepId=step`, JSON.stringify({ steps: {} }), 400, 'INNGEST_BAD_REQUEST'],
      ['?probe=nope', '{}', 400, 'INNGEST_BAD_REQUEST'],
    ];
    for (const [query, body, status, code] of cases) {
      const error = await expectCleanError(await signed(query, body), status, `signed ${query} ${body.slice(0, 30)}`);
      assert.equal(error.code, code, `signed ${query}`);
    }
    assert.equal((await signed(`?fnId=${FN}&stepId=step`, runBody())).status, 206);
    await expectCleanError(await post(app, `?fnId=${FN}`, '{"x'), 400, 'not JSON, before the SDK parses it');
  });

  it('a sync that cannot reach Inngest is a 502 that says what to check', async () => {
    const app = appWith({ isDev: true, fetch: (async () => { throw new TypeError('fetch failed'); }) as typeof fetch });
    const error = await expectCleanError(await app.request('http://localhost/api/inngest', { method: 'PUT' }), 502, 'PUT');
    assert.equal(error.code, 'INNGEST_SYNC_FAILED');
    assert.match(error.message, /fetch failed.*INNGEST_BASE_URL or INNGEST_DEV/);
  });
});
