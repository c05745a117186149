// The REST API over a lake holding every status, through app.request() (no port, no network).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { TempLake } from '../support/temp-lake.ts';
import { createSmallGraph, MIXED_STATUSES, SMALL_GRAPH_KEYS } from './fixtures/small-graph.ts';
import { jsonOf, type ErrorBody, type Suggestions } from '../support/json.ts';
import type { AssetDetailBody, AssetListBody, InProcessRunBody, Issues } from './fixtures/api-bodies.ts';
import { API_TOKEN, bearer, createMixedLake, createTestApp, jsonHeaders } from './fixtures/test-app.ts';

describe('GET /assets and /assets/:key', () => {
  let lake: TempLake;
  before(async () => { lake = await createMixedLake(); });
  after(async () => { await lake.cleanup(); });

  it('lists every asset with its layer, status and last materialization', async () => {
    const { app } = createTestApp(lake);
    const response = await app.request('/assets');
    assert.equal(response.status, 200);
    const { assets } = await jsonOf<AssetListBody>(response);
    assert.deepEqual(assets.map((a) => a.key).sort(), [...SMALL_GRAPH_KEYS].sort());
    assert.deepEqual(Object.fromEntries(assets.map((a) => [a.key, a.status])), MIXED_STATUSES);
    const matches = assets.find((a) => a.key === 'gold/matches')!;
    assert.equal(matches.layer, 'gold');
    assert.equal(matches.lastMaterialization?.rows, 2);
    assert.equal(assets.find((a) => a.key === 'gold/decades')!.lastMaterialization, null);
  });

  it('details an asset: status, causes, root causes, history, upstream and downstream with their statuses', async () => {
    const { app } = createTestApp(lake);
    const response = await app.request('/assets/gold/matches');
    assert.equal(response.status, 200);
    const asset = await jsonOf<AssetDetailBody>(response);
    assert.equal(asset.key, 'gold/matches');
    assert.equal(asset.status, 'stale');
    assert.deepEqual(asset.causes.map((c) => [c.category, c.dependency]), [['upstream', 'intermediate/films']]);
    assert.deepEqual(asset.rootCauses.map((c) => [c.asset, c.category]), [['intermediate/films', 'code']]);
    assert.equal(asset.history.length, 1);
    assert.equal(asset.history[0]!.status, 'materialized');
    assert.equal(asset.history[0]!.rows, 2);
    assert.deepEqual(asset.upstream, [{ key: 'intermediate/films', status: 'stale' }, { key: 'intermediate/releases', status: 'fresh' }]);
    assert.deepEqual(asset.downstream, [{ key: 'metrics/match_count', status: 'stale' }]);
  });

  it('accepts the key with its slash percent-encoded', async () => {
    const { app } = createTestApp(lake);
    const response = await app.request('/assets/gold%2Fmatches');
    assert.equal(response.status, 200);
    assert.equal((await jsonOf<AssetDetailBody>(response)).key, 'gold/matches');
  });

  it('explains a code change, and lists partitions with their own history', async () => {
    const { app } = createTestApp(lake);
    const films = await jsonOf<AssetDetailBody>(app.request('/assets/intermediate/films'));
    assert.equal(films.causes[0]!.category, 'code');
    assert.match(films.causes[0]!.reason, /code version changed from "1" to "2"/);
    const releases = await jsonOf<AssetDetailBody>(app.request('/assets/raw/releases'));
    assert.deepEqual(releases.partitionStatuses?.map((p) => [p.partition, p.status]), [['1990s', 'fresh'], ['2000s', 'fresh']]);
    assert.equal(releases.history.length, 2);
    const one = await jsonOf<AssetDetailBody>(app.request('/assets/raw/releases?partition=1990s'));
    assert.deepEqual(one.history.map((h) => h.partition), ['1990s']);
  });

  it('answers 404 with the nearest keys for an unknown asset', async () => {
    const { app } = createTestApp(lake);
    for (const path of ['/assets/gold/matchs', '/assets/matches']) {
      const response = await app.request(path);
      assert.equal(response.status, 404);
      const { error } = await jsonOf<ErrorBody<Suggestions>>(response);
      assert.equal(error.code, 'ASSET_NOT_FOUND');
      assert.ok(error.suggestions.includes('gold/matches'), `${path}: ${JSON.stringify(error)}`);
      assert.match(error.message, /Did you mean "gold\/matches"/);
    }
  });

  it('validates query parameters: a malformed or unknown partition and a bad limit are 400s', async () => {
    const { app } = createTestApp(lake);
    const unknown = await jsonOf<ErrorBody<Suggestions>>(app.request('/assets/raw/releases?partition=1990'));
    assert.equal(unknown.error.code, 'PARTITION_UNKNOWN');
    assert.deepEqual(unknown.error.suggestions, ['1990s']);
    const malformed = await app.request('/assets/raw/releases?partition=..%2Fetc');
    assert.equal(malformed.status, 400);
    assert.equal((await jsonOf<ErrorBody>(malformed)).error.code, 'INVALID_REQUEST');
    const unpartitioned = await app.request('/assets/gold/matches?partition=1990s');
    assert.equal(unpartitioned.status, 400);
    assert.match((await jsonOf<ErrorBody>(unpartitioned)).error.message, /not partitioned/);
    const limit = await app.request('/assets/gold/matches?limit=0');
    assert.equal(limit.status, 400);
    assert.deepEqual((await jsonOf<ErrorBody<Issues>>(limit)).error.issues.map((i) => i.path), ['limit']);
  });
});

describe('POST /assets/:key/materialize', () => {
  let lake: TempLake;
  before(async () => { lake = await createMixedLake(); });
  after(async () => { await lake.cleanup(); });

  const post = (app: ReturnType<typeof createTestApp>['app'], path: string, init: RequestInit = {}) => app.request(path, { method: 'POST', ...init });

  it('refuses without a token configured, saying which variable to set, unless in dev mode', async () => {
    const { app } = createTestApp(lake, { env: {} });
    const refused = await post(app, '/assets/gold/matches/materialize', { headers: bearer('anything') });
    assert.equal(refused.status, 403);
    const { error } = await jsonOf<ErrorBody>(refused);
    assert.equal(error.code, 'AUTH_NOT_CONFIGURED');
    assert.match(error.message, /set MEDALLION_API_TOKEN/);
    const dev = createTestApp(lake, { env: { MEDALLION_DEV: '1' } });
    assert.equal((await post(dev.app, '/assets/gold/matches/materialize')).status, 202);
    assert.equal(dev.sent.length, 1);
  });

  it('needs the right bearer token: missing and wrong are 401, right goes through', async () => {
    const { app, sent } = createTestApp(lake);
    const missing = await post(app, '/assets/gold/matches/materialize');
    assert.equal(missing.status, 401);
    assert.match(missing.headers.get('WWW-Authenticate') ?? '', /^Bearer/);
    assert.equal((await jsonOf<ErrorBody>(missing)).error.code, 'UNAUTHORIZED');
    const wrong = await post(app, '/assets/gold/matches/materialize', { headers: bearer(`${API_TOKEN}x`) });
    assert.equal(wrong.status, 401);
    assert.doesNotMatch(await wrong.text(), new RegExp(API_TOKEN));
    const basic = await post(app, '/assets/gold/matches/materialize', { headers: { Authorization: `Basic ${API_TOKEN}` } });
    assert.equal(basic.status, 401);
    assert.equal(sent.length, 0);
    const right = await post(app, '/assets/gold/matches/materialize', { headers: bearer() });
    assert.equal(right.status, 202);
  });

  it('sends medallion/asset.requested with the partition and force given', async () => {
    const { app, sent } = createTestApp(lake);
    const response = await post(app, '/assets/intermediate%2Freleases/materialize', { headers: jsonHeaders(), body: JSON.stringify({ partition: '2000s', force: true }) });
    assert.equal(response.status, 202);
    const body = await jsonOf<unknown>(response);
    assert.deepEqual(sent, [{ name: 'medallion/asset.requested', data: { asset: 'intermediate/releases', partition: '2000s', force: true } }]);
    assert.deepEqual(body, { mode: 'inngest', event: sent[0], ids: ['evt-1'] });
  });

  it('says how to configure Inngest when it is not, and 502s when the event cannot be sent', async () => {
    const none = createTestApp(lake, { sendEvent: 'none' });
    const unconfigured = await post(none.app, '/assets/gold/matches/materialize', { headers: bearer() });
    assert.equal(unconfigured.status, 503);
    const { error } = await jsonOf<ErrorBody>(unconfigured);
    assert.equal(error.code, 'ORCHESTRATOR_NOT_CONFIGURED');
    assert.match(error.message, /INNGEST_EVENT_KEY/);
    assert.match(error.message, /\?run=in-process/);
    const failing = createTestApp(lake, { sendEvent: async () => { throw new Error('fetch failed'); } });
    const failed = await post(failing.app, '/assets/gold/matches/materialize', { headers: bearer() });
    assert.equal(failed.status, 502);
    assert.equal((await jsonOf<ErrorBody>(failed)).error.code, 'EVENT_SEND_FAILED');
    assert.ok(failing.logs.some((line) => line.includes('fetch failed')));
  });

  it('validates the body with zod: wrong types, unknown fields, bad JSON, non-JSON and bad partitions', async () => {
    const { app, sent } = createTestApp(lake);
    const cases: Array<[string, Record<string, string>, number, string]> = [
      [JSON.stringify({ force: 'yes' }), jsonHeaders(), 400, 'INVALID_REQUEST'],
      [JSON.stringify({ forse: true }), jsonHeaders(), 400, 'INVALID_REQUEST'],
      [JSON.stringify({ run: 'spark' }), jsonHeaders(), 400, 'INVALID_REQUEST'],
      [JSON.stringify([]), jsonHeaders(), 400, 'INVALID_REQUEST'],
      ['{"force": tru', jsonHeaders(), 400, 'INVALID_JSON'],
      ['force=true', { ...bearer(), 'Content-Type': 'application/x-www-form-urlencoded' }, 415, 'UNSUPPORTED_MEDIA_TYPE'],
      [JSON.stringify({ partition: '../1990s' }), jsonHeaders(), 400, 'INVALID_REQUEST'],
      [JSON.stringify({ partition: '1990' }), jsonHeaders(), 400, 'PARTITION_UNKNOWN'],
    ];
    for (const [body, headers, status, code] of cases) {
      const response = await post(app, '/assets/intermediate/releases/materialize', { headers, body });
      assert.equal(response.status, status, body);
      assert.equal((await jsonOf<ErrorBody>(response)).error.code, code, body);
    }
    const issues = (await jsonOf<ErrorBody<Issues>>(post(app, '/assets/gold/matches/materialize', { headers: jsonHeaders(), body: JSON.stringify({ force: 'yes' }) }))).error.issues;
    assert.deepEqual(issues.map((i) => i.path), ['force']);
    const unpartitioned = await jsonOf<ErrorBody>(post(app, '/assets/gold/decades/materialize', { headers: jsonHeaders(), body: JSON.stringify({ partition: '1990s' }) }));
    assert.match(unpartitioned.error.message, /none of the selected assets \(.*gold\/decades.*\) is partitioned/);
    const badRun = await post(app, '/assets/gold/matches/materialize?run=later', { headers: bearer() });
    assert.equal(badRun.status, 400);
    assert.equal((await post(app, '/assets/gold/matchs/materialize', { headers: bearer() })).status, 404);
    assert.equal(sent.length, 0);
  });

  it('limits the body size', async () => {
    const { app, sent } = createTestApp(lake);
    const big = JSON.stringify({ partition: '1990s', padding: 'x'.repeat(20_000) });
    const response = await post(app, '/assets/gold/matches/materialize', { headers: { ...jsonHeaders(), 'Content-Length': String(big.length) }, body: big });
    assert.equal(response.status, 413);
    assert.equal((await jsonOf<ErrorBody>(response)).error.code, 'PAYLOAD_TOO_LARGE');
    const streamed = await post(app, '/assets/gold/matches/materialize', { headers: jsonHeaders(), body: big });
    assert.equal(streamed.status, 413);
    assert.equal(sent.length, 0);
  });

  it('materializes +KEY in-process when asked, returning the outcomes', async () => {
    const { app, sent } = createTestApp(lake);
    const response = await post(app, '/assets/gold/matches/materialize?run=in-process', { headers: bearer() });
    assert.equal(response.status, 200);
    const run = await jsonOf<InProcessRunBody>(response);
    assert.equal(run.mode, 'in-process');
    assert.equal(run.status, 'succeeded');
    assert.deepEqual(run.materialized, ['intermediate/films']);
    // Same data from the new code: gold/matches keeps its data version, so it is fresh without running.
    assert.deepEqual(run.skipped.sort(), ['gold/matches', 'intermediate/releases', 'raw/films', 'raw/releases[1990s]', 'raw/releases[2000s]']);
    assert.deepEqual(run.failed, []);
    assert.equal(run.outcomes.length, 6);
    assert.equal((await jsonOf<AssetDetailBody>(app.request('/assets/gold/matches'))).status, 'fresh');
    const forced = await jsonOf<InProcessRunBody>(post(app, '/assets/gold/decades/materialize', { headers: jsonHeaders(), body: JSON.stringify({ run: 'in-process', force: true }) }));
    // Forced: gold/decades alone; its upstream is fresh (tests/server/materialize-force.test.ts pins both transports).
    assert.deepEqual(forced.materialized, ['gold/decades']);
    assert.deepEqual(forced.skipped, ['raw/films', 'intermediate/films']);
    assert.equal(sent.length, 0);
  });
});

describe('a failing in-process run', () => {
  it('reports the failure in the outcomes rather than as a server error', async () => {
    const lake = await createMixedLake();
    try {
      const { app } = createTestApp(lake, { graph: createSmallGraph({ filmsCodeVersion: '2', failMatches: true }) });
      const response = await app.request('/assets/gold/matches/materialize', { method: 'POST', headers: jsonHeaders(), body: JSON.stringify({ run: 'in-process', force: true }) });
      assert.equal(response.status, 200);
      const run = await jsonOf<InProcessRunBody>(response);
      assert.equal(run.status, 'failed');
      assert.deepEqual(run.failed, ['gold/matches']);
      assert.match(run.outcomes.find((o) => o.asset === 'gold/matches')!.error!.message, /matching exploded/);
    } finally {
      await lake.cleanup();
    }
  });
});
