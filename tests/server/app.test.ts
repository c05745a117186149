// The app as a whole: health and readiness, the OpenAPI document, unknown routes, /api/inngest mounting,
// and the one error handler (JSON errors; unexpected errors logged with secrets redacted).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Storage } from '../../runtime/index.ts';
import type { TempLake } from '../support/temp-lake.ts';
import { jsonOf, type ErrorBody } from '../support/json.ts';
import type { OpenApiBody } from './fixtures/api-bodies.ts';
import { API_TOKEN, createMixedLake, createTestApp, overriding, WEBHOOK_SECRET } from './fixtures/test-app.ts';

describe('the app', () => {
  let lake: TempLake;
  before(async () => { lake = await createMixedLake(); });
  after(async () => { await lake.cleanup(); });

  it('answers /healthz, and /readyz when the lake is reachable', async () => {
    const { app } = createTestApp(lake);
    assert.deepEqual(await jsonOf<unknown>(app.request('/healthz')), { status: 'ok' });
    const ready = await app.request('/readyz');
    assert.equal(ready.status, 200);
    assert.equal((await jsonOf<{ status: string }>(ready)).status, 'ready');
  });

  it('is not ready when the lake fails or does not answer in time', async () => {
    const failing: Storage = overriding(lake.storage, { location: 'broken', list: async () => { throw new Error('connection refused'); } });
    const down = createTestApp(lake, { storage: failing });
    const response = await down.app.request('/readyz');
    assert.equal(response.status, 503);
    const { error } = await jsonOf<ErrorBody>(response);
    assert.equal(error.code, 'LAKE_UNREACHABLE');
    assert.match(error.message, /connection refused/);
    const hanging: Storage = overriding(lake.storage, { location: 'slow', list: () => new Promise(() => undefined) });
    const slow = createTestApp(lake, { storage: hanging, readinessTimeoutMs: 20 });
    const late = await slow.app.request('/readyz');
    assert.equal(late.status, 503);
    assert.match((await jsonOf<ErrorBody>(late)).error.message, /no answer within 20 ms/);
  });

  it('describes itself in /openapi.json, with request schemas from the zod schemas', async () => {
    const { app } = createTestApp(lake);
    const document = await jsonOf<OpenApiBody>(app.request('/openapi.json'));
    assert.equal(document.openapi, '3.1.0');
    for (const path of ['/assets', '/assets/{key}', '/assets/{key}/materialize', '/lineage', '/webhooks/eventgrid', '/healthz', '/readyz', '/api/inngest']) {
      assert.ok(path in document.paths, path);
    }
    const materialize = document.paths['/assets/{key}/materialize']!.post!;
    assert.deepEqual(materialize.security, [{ bearer: [] }]);
    const schema = materialize.requestBody.content['application/json']!.schema;
    assert.deepEqual(Object.keys(schema.properties).sort(), ['force', 'partition', 'run']);
    assert.equal(schema.additionalProperties, false);
    assert.deepEqual(materialize.parameters.map((p) => p.name), ['key', 'run']);
    assert.deepEqual(document.paths['/lineage']!.get!.parameters[0]!.schema.enum, ['json', 'mermaid']);
  });

  it('answers unknown routes with a JSON 404', async () => {
    const { app } = createTestApp(lake);
    const response = await app.request('/nope');
    assert.equal(response.status, 404);
    assert.equal((await jsonOf<ErrorBody>(response)).error.code, 'NOT_FOUND');
  });

  it('mounts the Inngest handler on GET, POST and PUT /api/inngest without the API token, and says when there is none', async () => {
    const seen: string[] = [];
    const { app } = createTestApp(lake, { inngestHandler: (c) => { seen.push(c.req.method); return c.json({ mode: 'fake' }); } });
    for (const method of ['GET', 'POST', 'PUT']) assert.equal((await app.request('/api/inngest', { method, body: method === 'GET' ? null : '{}' })).status, 200);
    assert.deepEqual(seen, ['GET', 'POST', 'PUT']);
    const bare = createTestApp(lake);
    const response = await bare.app.request('/api/inngest');
    assert.equal(response.status, 503);
    assert.equal((await jsonOf<ErrorBody>(response)).error.code, 'INNGEST_NOT_CONFIGURED');
  });

  it('logs each request without its query string, naming the Inngest function a call from Inngest runs', async () => {
    const { app, logs } = createTestApp(lake, { logRequests: true, inngestHandler: (c) => c.json([], 206) });
    await app.request('/api/inngest?fnId=medallion-materialize-gold-matches&stepId=step', { method: 'POST', body: '{}' });
    await app.request('/api/inngest?fnId=not%20a%20slug%3Bcode%3D1&stepId=step', { method: 'POST', body: '{}' });
    await app.request(`/webhooks/eventgrid?code=${WEBHOOK_SECRET}`, { method: 'POST', body: '[]' });
    assert.match(logs[0]!, /^POST \/api\/inngest fn=medallion-materialize-gold-matches 206 \d+ ms$/);
    assert.match(logs[1]!, /^POST \/api\/inngest 206 \d+ ms$/, 'a function id that is not a slug is left out');
    assert.match(logs[2]!, /^POST \/webhooks\/eventgrid \d{3} \d+ ms$/);
    assert.ok(logs.every((line) => !line.includes(WEBHOOK_SECRET) && !line.includes('stepId')), logs.join('\n'));
  });

  it('turns an unexpected error into a 500 without details, and logs it with secrets redacted', async () => {
    const leaky: Storage = overriding(lake.storage, { get: async (path) => { throw new Error(`cannot read ${path} with ${API_TOKEN} and ${WEBHOOK_SECRET}`); } });
    const { app, logs } = createTestApp(lake, { storage: leaky });
    const response = await app.request('/assets/gold/matches');
    assert.equal(response.status, 500);
    const text = await response.text();
    assert.deepEqual((JSON.parse(text) as ErrorBody).error.code, 'INTERNAL');
    assert.doesNotMatch(text, /cannot read/);
    assert.equal(logs.length, 1);
    assert.match(logs[0]!, /GET \/assets\/gold\/matches: unexpected error: Error: cannot read .* with \[redacted\] and \[redacted\]/);
    assert.ok(!logs[0]!.includes(API_TOKEN) && !logs[0]!.includes(WEBHOOK_SECRET));
  });

  it('redacts the values of the secrets a project declares (its config\'s secrets), and only those it declares', async () => {
    const token = 'project-token-5c4b3a';
    const other = 'not-declared-7e6d';
    const leaky: Storage = overriding(lake.storage, { get: async () => { throw new Error(`refused ${token}, ${other}`); } });
    const env = { MEDALLION_API_TOKEN: API_TOKEN, MEDALLION_WEBHOOK_SECRET: WEBHOOK_SECRET, SOURCE_TOKEN: token, OTHER: other };
    const { app, logs } = createTestApp(lake, { storage: leaky, env, secrets: ['SOURCE_TOKEN', 'UNSET_TOKEN'] });
    assert.equal((await app.request('/assets/gold/matches')).status, 500);
    assert.equal(logs.length, 1);
    assert.match(logs[0]!, /refused \[redacted\], not-declared-7e6d/);
  });
});
