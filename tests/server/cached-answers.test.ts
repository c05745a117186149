// The lake-derived answers (/assets, /assets/:key, /lineage, /report, /runs) are cached by the lake's object
// versions: each sends an ETag and `Cache-Control: no-cache`, answers 304 to a matching If-None-Match, and
// after a commit by another writer (its own Storage over the same folder, as another process would be: the
// app hears nothing of it) the very next request gets the new answer. Also: a cached answer is reused.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { createLocalStorage, materialize, type Lineage, type RunHistory, type Storage } from '../../runtime/index.ts';
import { observeAsset } from '../../runtime/internal.ts';
import { ANSWER_CACHE_CONTROL } from '../../server/answer-cache.ts';
import { noWait } from '../support/emulated-pipeline.ts';
import type { TempLake } from '../support/temp-lake.ts';
import { createSmallGraph } from './fixtures/small-graph.ts';
import { jsonOf } from '../support/json.ts';
import type { AssetDetailBody, AssetListBody, ReportBody } from './fixtures/api-bodies.ts';
import { createMixedLake, createTestApp, overriding, type TestApp } from './fixtures/test-app.ts';

/** A run by another writer: the graph the app serves (films at code version 2), its own Storage. */
async function commitElsewhere(storage: Storage, selection: string, options: { force?: boolean; failMatches?: boolean } = {}) {
  const graph = createSmallGraph({ filmsCodeVersion: '2', failMatches: options.failMatches === true });
  return (await materialize({ graph, storage, selection, force: options.force === true, sleep: noWait })).summary;
}

async function revalidated(app: TestApp['app'], path: string, etag: string, headers: Record<string, string> = {}) {
  return app.request(path, { headers: { ...headers, 'If-None-Match': etag } });
}

/** GET: 200 with an ETag and no-cache; the same again with its ETag: 304, no body, the same headers. */
async function cachedAnswer(app: TestApp['app'], path: string, headers: Record<string, string> = {}) {
  const first = await app.request(path, { headers });
  assert.equal(first.status, 200, `${path}: ${await first.clone().text()}`);
  const etag = first.headers.get('ETag');
  assert.ok(etag !== null && /^"[A-Za-z0-9_-]+"$/.test(etag), `${path} sends an ETag: ${etag}`);
  assert.equal(first.headers.get('Cache-Control'), ANSWER_CACHE_CONTROL);
  const again = await revalidated(app, path, etag, headers);
  assert.equal(again.status, 304, `${path} answers 304 to its own ETag`);
  assert.equal(await again.text(), '');
  assert.equal(again.headers.get('ETag'), etag);
  assert.equal(again.headers.get('Cache-Control'), ANSWER_CACHE_CONTROL);
  return { etag, body: await first.text() };
}

describe('lake-derived answers, cached by the lake\'s versions', () => {
  let lake: TempLake;
  let app: TestApp['app'];
  let other: Storage;
  beforeEach(async () => {
    lake = await createMixedLake();
    app = createTestApp(lake).app;
    other = createLocalStorage(lake.root);
  });
  afterEach(async () => { await lake.cleanup(); });

  it('GET /assets: a commit by another writer is in the next answer, with a new ETag', async () => {
    const before = await cachedAnswer(app, '/assets');
    assert.equal((JSON.parse(before.body) as AssetListBody).assets.find((a) => a.key === 'gold/decades')!.status, 'missing');
    assert.equal((await commitElsewhere(other, 'gold/decades')).status, 'succeeded');
    const after = await revalidated(app, '/assets', before.etag);
    assert.equal(after.status, 200);
    assert.notEqual(after.headers.get('ETag'), before.etag);
    assert.notEqual((await jsonOf<AssetListBody>(after)).assets.find((a) => a.key === 'gold/decades')!.status, 'missing');
  });

  it('GET /assets: an observation recorded by another writer makes the asset stale in the next answer', async () => {
    const before = await cachedAnswer(app, '/assets');
    assert.equal((JSON.parse(before.body) as AssetListBody).assets.find((a) => a.key === 'raw/films')!.status, 'fresh');
    await observeAsset(other, { asset: 'raw/films', source: 'raw/landing/films.json', version: '"0x1"' });
    const after = await jsonOf<AssetListBody>(revalidated(app, '/assets', before.etag));
    assert.equal(after.assets.find((a) => a.key === 'raw/films')!.status, 'stale');
  });

  it('GET /assets/:key: a failed attempt, which leaves the head alone, is in the next answer\'s history', async () => {
    const before = await cachedAnswer(app, '/assets/gold/matches');
    assert.deepEqual((JSON.parse(before.body) as AssetDetailBody).history.map((h) => h.status), ['materialized']);
    assert.equal((await commitElsewhere(other, 'gold/matches', { force: true, failMatches: true })).status, 'failed');
    const after = await revalidated(app, '/assets/gold/matches', before.etag);
    assert.equal(after.status, 200);
    assert.equal((await jsonOf<AssetDetailBody>(after)).history[0]!.status, 'failed');
  });

  it('GET /lineage: JSON and Mermaid have their own ETags, and both show a commit by another writer', async () => {
    const mermaid = { Accept: 'text/vnd.mermaid' };
    const asJson = await cachedAnswer(app, '/lineage');
    const asMermaid = await cachedAnswer(app, '/lineage', mermaid);
    assert.notEqual(asJson.etag, asMermaid.etag);
    assert.equal((await revalidated(app, '/lineage', asJson.etag, mermaid)).status, 200, 'the JSON ETag does not validate the Mermaid answer');
    assert.equal((JSON.parse(asJson.body) as Lineage).assets.find((a) => a.key === 'intermediate/films')!.status, 'stale');
    assert.equal((await commitElsewhere(other, 'intermediate/films')).status, 'succeeded');
    const afterJson = await revalidated(app, '/lineage', asJson.etag);
    assert.equal(afterJson.status, 200);
    assert.equal((await jsonOf<Lineage>(afterJson)).assets.find((a) => a.key === 'intermediate/films')!.status, 'fresh');
    const afterMermaid = await revalidated(app, '/lineage', asMermaid.etag, mermaid);
    assert.equal(afterMermaid.status, 200);
    assert.notEqual(await afterMermaid.text(), asMermaid.body);
  });

  it('GET /report: a new gold/matches by another writer is in the next answer', async () => {
    const before = await cachedAnswer(app, '/report');
    const stage = (body: ReportBody) => body.stages.find((s) => s.asset === 'gold/matches')!.materializationId;
    assert.equal((await commitElsewhere(other, 'gold/matches', { force: true })).status, 'succeeded');
    const after = await revalidated(app, '/report', before.etag);
    assert.equal(after.status, 200);
    assert.notEqual(stage(await jsonOf<ReportBody>(after)), stage(JSON.parse(before.body) as ReportBody));
  });

  it('GET /runs: a run by another writer is in the next answer', async () => {
    const before = await cachedAnswer(app, '/runs');
    const run = await commitElsewhere(other, 'gold/decades');
    const after = await revalidated(app, '/runs', before.etag);
    assert.equal(after.status, 200);
    assert.equal((await jsonOf<RunHistory>(after)).runs[0]!.runId, run.runId);
    assert.equal(after.headers.get('Vary'), 'Accept');
  });

  it('reads the lake once for repeated requests while it is unchanged, and only the versions of its objects', async () => {
    let reads = 0;
    const counting = overriding(lake.storage, { get: (path) => { reads++; return lake.storage.get(path); } });
    const { app: counted } = createTestApp(lake, { storage: counting });
    const first = await counted.request('/assets');
    assert.equal(first.status, 200);
    const afterFirst = reads;
    assert.ok(afterFirst > 0);
    for (let i = 0; i < 3; i++) assert.equal((await counted.request('/assets')).status, 200);
    assert.equal(reads, afterFirst, 'no object was read again');
    const etag = first.headers.get('ETag')!;
    assert.equal((await revalidated(counted, '/assets', etag)).status, 304);
    assert.equal(reads, afterFirst);
  });

  it('answers errors as before, uncached: an unknown asset is 404 without an ETag', async () => {
    const response = await app.request('/assets/gold/nope');
    assert.equal(response.status, 404);
    assert.equal(response.headers.get('ETag'), null);
  });
});
