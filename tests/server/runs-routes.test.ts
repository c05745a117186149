// GET /runs and GET /runs/:runId through app.request() (no port): the run summaries in the lake as JSON, a
// 404 with the nearest ids, Vary: Accept on every answer, and the same answers when a browser page registered
// before these routes hands JSON requests on with next().
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Hono, type MiddlewareHandler } from 'hono';
import { accepts } from 'hono/accepts';
import { listRuns, type RunHistory, type RunSummary } from '../../runtime/index.ts';
import type { AppEnv } from '../../server/app-env.ts';
import { createErrorHandler } from '../../server/error-handler.ts';
import { runsRoutes } from '../../server/routes/runs.ts';
import { jsonOf, type ErrorBody, type Suggestions } from '../support/json.ts';
import type { TempLake } from '../support/temp-lake.ts';
import type { OpenApiBody } from './fixtures/api-bodies.ts';
import { createSmallGraph } from './fixtures/small-graph.ts';
import { createMixedLake, createTestApp } from './fixtures/test-app.ts';

describe('GET /runs and /runs/:runId', () => {
  let lake: TempLake;
  let newest: RunSummary;
  before(async () => {
    lake = await createMixedLake();
    const { runs } = await listRuns(lake.storage);
    assert.ok(runs.length >= 1, 'the mixed lake was made by at least one run');
    newest = runs[0]!;
  });
  after(async () => { await lake.cleanup(); });

  it('lists the runs newest first as { runs, unreadable }, each run its summary, with Vary: Accept', async () => {
    const { app } = createTestApp(lake);
    const response = await app.request('/runs');
    assert.equal(response.status, 200);
    assert.match(response.headers.get('Content-Type') ?? '', /^application\/json/);
    assert.equal(response.headers.get('Vary'), 'Accept');
    const body = await jsonOf<RunHistory>(response);
    assert.deepEqual(Object.keys(body), ['runs', 'unreadable']);
    assert.deepEqual(body, await listRuns(lake.storage));
    assert.equal(body.runs[0]!.runId, newest.runId);
    assert.ok(body.runs[0]!.outcomes.length > 0);
  });

  it('limits the list with ?limit=N, and refuses a limit that is not a whole number from 1 to 200', async () => {
    const { app } = createTestApp(lake);
    const one = await jsonOf<RunHistory>(app.request('/runs?limit=1'));
    assert.deepEqual(one.runs.map((run) => run.runId), [newest.runId]);
    for (const bad of ['0', '201', 'ten', '1.5']) {
      const response = await app.request(`/runs?limit=${bad}`);
      assert.equal(response.status, 400, bad);
      assert.equal(response.headers.get('Vary'), 'Accept');
      const { error } = await jsonOf<ErrorBody>(response);
      assert.equal(error.code, 'INVALID_REQUEST');
      assert.match(error.message, /^Invalid query parameters: limit: /);
    }
  });

  it('answers one run with its summary', async () => {
    const { app } = createTestApp(lake);
    const response = await app.request(`/runs/${newest.runId}`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('Vary'), 'Accept');
    assert.deepEqual(await jsonOf<RunSummary>(response), newest);
  });

  it('answers an unknown run with a 404 naming the nearest run ids', async () => {
    const { app } = createTestApp(lake);
    const typo = `${newest.runId.slice(0, -1)}${newest.runId.endsWith('0') ? '1' : '0'}`;
    const response = await app.request(`/runs/${typo}`);
    assert.equal(response.status, 404);
    assert.equal(response.headers.get('Vary'), 'Accept');
    const { error } = await jsonOf<ErrorBody<Suggestions>>(response);
    assert.equal(error.code, 'RUN_NOT_FOUND');
    assert.equal(error.suggestions[0], newest.runId);
    assert.match(error.message, new RegExp(`^No run "${typo}". Did you mean "${newest.runId}".*\\? GET /runs lists the recent runs\\.$`));
    const odd = await app.request('/runs/..%2F..%2Fraw');
    assert.equal(odd.status, 404);
  });

  it('lists the readable runs and reports an unreadable summary by its path', async () => {
    const path = 'metrics/_runs/20000101T000000000Z-broken.json';
    await lake.storage.put(path, '{');
    try {
      const { app } = createTestApp(lake);
      const body = await jsonOf<RunHistory>(app.request('/runs'));
      assert.deepEqual(body.unreadable, [path]);
      assert.equal(body.runs[0]!.runId, newest.runId);
    } finally {
      await lake.storage.delete(path);
    }
  });

  it('is described in /openapi.json', async () => {
    const { app } = createTestApp(lake);
    const { paths } = await jsonOf<OpenApiBody>(app.request('/openapi.json'));
    assert.deepEqual(paths['/runs']!.get!.parameters.map((p) => p.name), ['limit']);
    assert.ok(paths['/runs/{runId}']!.get!.responses['404']);
  });
});

describe('/runs after a browser page that hands JSON requests on', () => {
  let lake: TempLake;
  let app: Hono<AppEnv>;
  before(async () => {
    lake = await createMixedLake();
    app = new Hono<AppEnv>();
    app.onError(createErrorHandler({ log: () => undefined, secrets: () => [] }));
    app.use(async (c, next) => {
      c.set('graph', createSmallGraph());
      c.set('lake', lake.storage);
      await next();
    });
    // What the report page does: HTML for browsers, anything else to the next handler (it sets Vary itself).
    const page: MiddlewareHandler<AppEnv> = async (c, next) => {
      c.header('Vary', 'Accept');
      if (accepts(c, { header: 'Accept', supports: ['text/html', 'application/json'], default: 'application/json' }) === 'text/html') {
        return c.html(`<h1>run ${c.req.param('id') ?? 'list'}</h1>`);
      }
      await next();
    };
    app.get('/runs', page);
    app.get('/runs/:id', page);
    app.route('/runs', runsRoutes());
  });
  after(async () => { await lake.cleanup(); });

  it('answers JSON (and Vary: Accept once) for JSON clients, while browsers get the page', async () => {
    const { runs } = await listRuns(lake.storage);
    const runId = runs[0]!.runId;
    const list = await app.request('/runs?limit=1', { headers: { Accept: 'application/json' } });
    assert.equal(list.status, 200);
    assert.equal(list.headers.get('Vary'), 'Accept');
    assert.deepEqual((await jsonOf<RunHistory>(list)).runs.map((run) => run.runId), [runId]);
    const one = await app.request(`/runs/${runId}`);
    assert.equal(one.status, 200);
    assert.equal((await jsonOf<RunSummary>(one)).runId, runId, 'its own :runId parameter, not the page route\'s :id');
    const missing = await app.request('/runs/nope', { headers: { Accept: '*/*' } });
    assert.equal(missing.status, 404);
    assert.equal(missing.headers.get('Vary'), 'Accept');
    assert.equal((await jsonOf<ErrorBody>(missing)).error.code, 'RUN_NOT_FOUND');
    const page = await app.request(`/runs/${runId}`, { headers: { Accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });
    assert.match(await page.text(), new RegExp(`<h1>run ${runId}</h1>`));
  });
});
