// `force` over HTTP forces the requested asset only, on both transports: its upstream is materialized only where
// missing or stale, as `medallion materialize KEY --force` would leave it (issue 13: it re-extracted every source).
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { z } from 'zod';
import { createAssetGraph, defineAsset, materialize } from '../../runtime/index.ts';
import { Ledger } from '../../runtime/internal.ts';
import { createApp } from '../../server/app.ts';
import type { MedallionEvent } from '../../server/events.ts';
import { createInngestFixture } from '../inngest/inngest-fixture.ts';

const film = z.object({ id: z.int(), title: z.string() });
const KEYS = ['raw/films', 'intermediate/films', 'gold/count'] as const;

/** raw/films → intermediate/films → gold/count; `cleanVersion: '2'` changes intermediate/films' code and data. */
function chain(cleanVersion = '1') {
  const calls: Record<(typeof KEYS)[number], number> = { 'raw/films': 0, 'intermediate/films': 0, 'gold/count': 0 };
  const films = defineAsset({ key: 'raw/films', schema: film, codeVersion: '1', async materialize(ctx) {
    const rows = await ctx.step('fetch', async () => { calls['raw/films']++; return [{ id: 1, title: 'Heat' }, { id: 2, title: 'Alien' }]; });
    return { rows };
  } });
  const clean = defineAsset({ key: 'intermediate/films', schema: film, codeVersion: cleanVersion, deps: { films }, async materialize(_ctx, inputs) {
    calls['intermediate/films']++;
    const rows = await inputs.films.rows();
    return { rows: rows.map((row) => ({ ...row, title: cleanVersion === '1' ? row.title : row.title.toLowerCase() })) };
  } });
  const count = defineAsset({ key: 'gold/count', schema: z.object({ n: z.int() }), codeVersion: '1', deps: { clean }, async materialize(_ctx, inputs) {
    calls['gold/count']++;
    return { rows: [{ n: inputs.clean.numRows }] };
  } });
  return { graph: createAssetGraph([films, clean, count]), calls };
}

let fixture: Awaited<ReturnType<typeof createInngestFixture>> | undefined;
afterEach(async () => { await fixture?.cleanup(); fixture = undefined; });

/** A lake where the chain was materialized with `cleanVersion` 1, served with the chain at `cleanVersion`. */
async function setUp(cleanVersion: string) {
  const { graph, calls } = chain(cleanVersion);
  fixture = await createInngestFixture(graph);
  const { summary } = await materialize({ graph: chain('1').graph, storage: fixture.lake.storage, selection: '*' });
  assert.equal(summary.status, 'succeeded');
  const sent: MedallionEvent[] = [];
  const app = createApp({
    graph, storage: fixture.lake.storage, env: { MEDALLION_DEV: '1' }, log: () => undefined,
    sendEvent: async (events) => { sent.push(...events); return { ids: ['evt-1'] }; },
  });
  const heads = async () => {
    const ledger = new Ledger(fixture!.lake.storage);
    return Promise.all(KEYS.map(async (key) => (await ledger.readHead(key))?.record.id));
  };
  const force = (query = '') =>
    app.request(`/assets/gold/count/materialize${query}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ force: true }) });
  return { calls, sent, heads, force, fixture: fixture! };
}

describe('POST /assets/:key/materialize with force', () => {
  it('in-process: forces the asset alone when its upstream is fresh', async () => {
    const { calls, heads, force } = await setUp('1');
    const before = await heads();
    const run = (await (await force('?run=in-process')).json()) as { status: string; materialized: string[]; skipped: string[] };
    assert.equal(run.status, 'succeeded');
    assert.deepEqual(run.materialized, ['gold/count']);
    assert.deepEqual(run.skipped, ['raw/films', 'intermediate/films']);
    assert.deepEqual(calls, { 'raw/films': 0, 'intermediate/films': 0, 'gold/count': 1 });
    const after = await heads();
    assert.deepEqual(after.slice(0, 2), before.slice(0, 2), 'the upstream heads are untouched');
    assert.notEqual(after[2], before[2]);
  });

  it('in-process: materializes a stale upstream, never a fresh one', async () => {
    const { calls, force } = await setUp('2');
    const run = (await (await force('?run=in-process')).json()) as { status: string; materialized: string[]; skipped: string[] };
    assert.deepEqual(run.materialized, ['intermediate/films', 'gold/count']);
    assert.deepEqual(run.skipped, ['raw/films']);
    assert.deepEqual(calls, { 'raw/films': 0, 'intermediate/films': 1, 'gold/count': 1 });
  });

  it('through Inngest: the requested asset runs forced, with no request for its fresh upstream', async () => {
    const { calls, sent, heads, force, fixture } = await setUp('1');
    const before = await heads();
    assert.equal((await force()).status, 202);
    assert.deepEqual(sent.map((event) => event.data), [{ asset: 'gold/count', force: true }]);
    const runs = await fixture.deliver({ name: sent[0]!.name, data: { ...sent[0]!.data } });
    assert.deepEqual(runs.map((run) => [run.fnId, (run.output as { status: string }).status]), [['medallion-test-materialize-gold-count', 'materialized']]);
    assert.deepEqual(calls, { 'raw/films': 0, 'intermediate/films': 0, 'gold/count': 1 });
    assert.deepEqual((await heads()).slice(0, 2), before.slice(0, 2));
  });

  it('through Inngest: a stale upstream is requested without force, and a fresh one is not requested', async () => {
    const { calls, sent, force, fixture } = await setUp('2');
    assert.equal((await force()).status, 202);
    const runs = await fixture.deliver({ name: sent[0]!.name, data: { ...sent[0]!.data } });
    const described = runs.map((run) => {
      const { asset, force: forced } = run.event.data;
      return `${run.fnId.replace('medallion-test-materialize-', '')} <- ${run.event.name}(${String(asset)}${forced === true ? ', force' : ''}): ${(run.output as { status: string }).status}`;
    });
    assert.deepEqual(described, [
      'gold-count <- medallion/asset.requested(gold/count, force): waiting-for-upstream',
      'intermediate-films <- medallion/asset.requested(intermediate/films): materialized',
      'gold-count <- medallion/asset.materialized(intermediate/films): materialized',
    ]);
    assert.deepEqual(calls, { 'raw/films': 0, 'intermediate/films': 1, 'gold/count': 1 });
  });
});
