import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { z } from 'zod';
import { ConfigError, createAssetGraph, defineAsset } from '../../runtime/index.ts';
import { assetFunctionConfig, functionOptionsFromEnvironment } from '../../server/inngest/function-config.ts';
import { inngestSignature, matchesExpression, syncApp, type RegisteredFunction } from '../support/inngest-harness.ts';
import { createInngestFixture, requested } from './inngest-fixture.ts';

let fixture: Awaited<ReturnType<typeof createInngestFixture>> | undefined;
afterEach(async () => { await fixture?.cleanup(); fixture = undefined; });

const row = z.object({ id: z.int() });
const none = async () => ({ rows: [] });
const films = defineAsset({ key: 'raw/films', schema: row, codeVersion: '1', retry: { maxAttempts: 4 }, materialize: none });
const releases = defineAsset({ key: 'raw/releases', schema: row, codeVersion: '1', partitions: ['1990s', '2000s'], retry: { maxAttempts: 1 }, materialize: none });
const candidates = defineAsset({ key: 'intermediate/candidates', schema: row, codeVersion: '1', deps: { films, releases }, materialize: none });
const matches = defineAsset({ key: 'gold/matches', schema: row, codeVersion: '1', deps: { candidates }, materialize: none });
const graph = createAssetGraph([films, releases, candidates, matches]);

const byId = (functions: RegisteredFunction[], id: string) => {
  const found = functions.find((fn) => fn.id === `medallion-test-${id}`);
  assert.ok(found, `${id} in ${functions.map((fn) => fn.id).join(', ')}`);
  return found;
};

describe('registration: what the Inngest server learns when it syncs the app', () => {
  it('registers one function per asset, named after it, triggered by its requests and its upstreams\' materializations', async () => {
    fixture = await createInngestFixture(graph);
    const { functions, appName } = await syncApp(fixture.app, fixture.fake);
    assert.equal(appName, 'medallion-test');
    assert.deepEqual(functions.map((fn) => fn.id).sort(), [
      'intermediate-candidates', 'gold-matches', 'raw-films', 'raw-releases',
    ].flatMap((name) => [`medallion-test-materialize-${name}`, `medallion-test-materialize-${name}-failure`]).concat('medallion-test-observe-raw-landing').sort());
    assert.equal(byId(functions, 'materialize-gold-matches').name, 'Materialize gold/matches');
    assert.deepEqual(byId(functions, 'materialize-raw-films').triggers, [{ event: 'medallion/asset.requested', expression: "event.data.asset == 'raw/films'" }]);
    const triggers = byId(functions, 'materialize-intermediate-candidates').triggers;
    assert.deepEqual(triggers, [
      { event: 'medallion/asset.requested', expression: "event.data.asset == 'intermediate/candidates'" },
      { event: 'medallion/asset.materialized', expression: "event.data.asset == 'raw/films' || event.data.asset == 'raw/releases'" },
    ]);
    const materialized = (asset: string) => ({ name: 'medallion/asset.materialized', data: { asset, dataVersion: 'v', runId: 'r' } });
    assert.ok(matchesExpression(triggers[1]!.expression, materialized('raw/releases')));
    assert.ok(!matchesExpression(triggers[1]!.expression, materialized('gold/matches')));
    assert.ok(!matchesExpression(triggers[0]!.expression, requested('gold/matches')));
    assert.deepEqual(byId(functions, 'materialize-intermediate-candidates-failure').triggers, [
      { event: 'inngest/function.failed', expression: "event.data.function_id == 'medallion-test-materialize-intermediate-candidates'" },
    ]);
    assert.deepEqual(byId(functions, 'observe-raw-landing').triggers, [{ event: 'medallion/raw.landed' }]);
  });

  it('limits each asset to one run at a time (per partition), debounces multi-upstream assets, and retries as the asset policy says', async () => {
    fixture = await createInngestFixture(graph);
    const { functions } = await syncApp(fixture.app, fixture.fake);
    const concurrency = (id: string) => byId(functions, id).concurrency;
    assert.deepEqual(concurrency('materialize-raw-films'), { limit: 1 });
    assert.deepEqual(concurrency('materialize-raw-releases'), { limit: 1, key: 'event.data.partition' });
    assert.deepEqual(byId(functions, 'materialize-intermediate-candidates').debounce, { period: '5s', timeout: '2m' });
    assert.equal(byId(functions, 'materialize-gold-matches').debounce, undefined, 'one upstream: nothing to coalesce');
    assert.equal(byId(functions, 'materialize-raw-films').debounce, undefined);
    const retries = (id: string) => byId(functions, id).steps['step']?.retries?.attempts;
    assert.equal(retries('materialize-raw-films'), 3, 'maxAttempts 4 = 3 retries');
    assert.equal(retries('materialize-raw-releases'), 0);
    assert.equal(retries('materialize-gold-matches'), 2, 'the default policy: 3 attempts');
  });

  it('answers introspection (GET) with the function count in dev mode', async () => {
    fixture = await createInngestFixture(graph);
    const response = await fixture.app.request('http://localhost:3000/api/inngest');
    assert.equal(response.status, 200);
    const body = (await response.json()) as { function_count: number; mode: string };
    assert.deepEqual([body.function_count, body.mode], [9, 'dev']);
  });

  it('in cloud mode, rejects an unsigned request (401) and runs a correctly signed one', async () => {
    const signingKey = `signkey-test-${'5e'.repeat(32)}`;
    fixture = await createInngestFixture(graph, { isDev: false, signingKey });
    const url = 'http://localhost:3000/api/inngest?fnId=medallion-test-materialize-raw-films&stepId=step';
    const event = requested('raw/films');
    const body = JSON.stringify({
      event, events: [event], steps: {}, version: 2,
      ctx: { run_id: '01CLOUDRUN', attempt: 0, max_attempts: 4, disable_immediate_execution: false, use_api: false, stack: { stack: [], current: 0 } },
    });
    const post = (headers: Record<string, string>) => fixture!.app.request(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    const unsigned = await post({});
    assert.equal(unsigned.status, 401);
    assert.equal((await fixture.app.request('http://localhost:3000/api/inngest')).status, 401, 'introspection too');
    const timestamp = Math.floor(Date.now() / 1000);
    const signed = await post({ 'x-inngest-signature': inngestSignature(body, signingKey, timestamp) });
    assert.equal(signed.status, 206, await signed.clone().text());
    const ops = (await signed.json()) as { op: string; displayName: string }[];
    assert.deepEqual(ops.map((op) => [op.op, op.displayName]), [['StepRun', 'medallion.check-upstream']]);
    const forged = await post({ 'x-inngest-signature': `t=${timestamp}&s=${'0'.repeat(64)}` });
    assert.equal(forged.status, 401);
  });
});

describe('debounce from the environment (medallion serve)', () => {
  it('takes MEDALLION_INNGEST_DEBOUNCE and _TIMEOUT as durations, and refuses anything else by name', () => {
    assert.deepEqual(functionOptionsFromEnvironment({}), {});
    const options = functionOptionsFromEnvironment({ MEDALLION_INNGEST_DEBOUNCE: ' 3s ', MEDALLION_INNGEST_DEBOUNCE_TIMEOUT: '5m' });
    assert.deepEqual(options, { debouncePeriod: '3s', debounceTimeout: '5m' });
    const config = assetFunctionConfig(graph, graph.get('intermediate/candidates'), options);
    assert.deepEqual('debounce' in config ? config.debounce : undefined, { period: '3s', timeout: '5m' });
    for (const bad of ['3', '0s', '1.5s', '10 s', '2y', 'soon']) {
      assert.throws(() => functionOptionsFromEnvironment({ MEDALLION_INNGEST_DEBOUNCE: bad }), (error: unknown) =>
        error instanceof ConfigError && error.message.includes('MEDALLION_INNGEST_DEBOUNCE') && error.message.includes(`"${bad}"`));
    }
  });
});

describe('the pipeline graph', () => {
  it('registers a function per pipeline asset, with debounce where several upstream slots feed one asset', async () => {
    const { createGraphFromEnvironment } = await import('../../assets/pipeline-graph.ts');
    const pipeline = createGraphFromEnvironment({});
    fixture = await createInngestFixture(pipeline);
    const { functions } = await syncApp(fixture.app, fixture.fake);
    const assetFunctions = functions.filter((fn) => fn.id.startsWith('medallion-test-materialize-') && !fn.id.endsWith('-failure'));
    assert.equal(assetFunctions.length, pipeline.size);
    const matches = byId(functions, 'materialize-gold-matches');
    assert.equal(matches.name, 'Materialize gold/matches');
    assert.deepEqual(matches.triggers[1], { event: 'medallion/asset.materialized', expression: "event.data.asset == 'intermediate/candidates' || event.data.asset == 'raw/discogs_masters'" });
    assert.ok(byId(functions, 'materialize-intermediate-candidates').debounce, 'candidates reads several upstreams');
    assert.deepEqual(byId(functions, 'materialize-raw-discogs-releases').concurrency, { limit: 1, key: 'event.data.partition' });
  });
});
