import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { z } from 'zod';
import { createAssetGraph, defineAsset } from '../../runtime/index.ts';
import { Ledger, readObservation, resolverFor } from '../../runtime/internal.ts';
import { createInngestFixture, requested } from './inngest-fixture.ts';

let fixture: Awaited<ReturnType<typeof createInngestFixture>> | undefined;
afterEach(async () => { await fixture?.cleanup(); fixture = undefined; });

const row = z.object({ id: z.int() });
const summary = (runs: { fnId: string; event: { name: string; data: Record<string, unknown> }; output: unknown }[]) =>
  runs.map((run) => `${run.fnId.replace('medallion-test-materialize-', '')} <- ${run.event.name.replace('medallion/', '')}(${String(run.event.data['asset'] ?? '')}${run.event.data['partition'] === undefined ? '' : `[${String(run.event.data['partition'])}]`}): ${(run.output as { status?: string } | undefined)?.status}`);

function chain() {
  const calls = { films: 0, clean: 0, count: 0 };
  // Inngest replays `materialize` on every request of a run, so the source call is counted in its step;
  // each fetch returns one more film, so a landing changes the data.
  const films = defineAsset({ key: 'raw/films', schema: row, codeVersion: '1', async materialize(ctx) {
    const ids = await ctx.step('fetch', async () => Array.from({ length: ++calls.films + 1 }, (_, index) => index));
    return { rows: ids.map((id) => ({ id })) };
  } });
  const clean = defineAsset({ key: 'intermediate/films', schema: row, codeVersion: '1', deps: { films }, async materialize(_ctx, inputs) {
    calls.clean++;
    return { rows: await inputs.films.rows() };
  } });
  const count = defineAsset({ key: 'gold/count', schema: z.object({ n: z.int() }), codeVersion: '1', deps: { clean }, async materialize(_ctx, inputs) {
    calls.count++;
    return { rows: [{ n: inputs.clean.numRows }] };
  } });
  return { graph: createAssetGraph([films, clean, count]), calls };
}

describe('event chains (the lineage in the dev UI)', () => {
  it('a request for an asset whose upstreams are missing requests them first, and the asset follows their materialized events', async () => {
    const { graph, calls } = chain();
    fixture = await createInngestFixture(graph);
    const runs = await fixture.deliver(requested('gold/count'));
    assert.deepEqual(summary(runs), [
      'gold-count <- asset.requested(gold/count): waiting-for-upstream',
      'raw-films <- asset.requested(raw/films): materialized',
      'intermediate-films <- asset.materialized(raw/films): materialized',
      'gold-count <- asset.materialized(intermediate/films): materialized',
    ]);
    assert.deepEqual((runs[0]!.output as { requested: unknown }).requested, [{ asset: 'raw/films', partition: null }]);
    assert.deepEqual(calls, { films: 1, clean: 1, count: 1 });
    const ledger = new Ledger(fixture.lake.storage);
    const [raw, clean, gold] = await Promise.all(['raw/films', 'intermediate/films', 'gold/count'].map((key) => ledger.readHead(key)));
    assert.ok(raw!.record.finishedAt <= clean!.record.startedAt && clean!.record.finishedAt <= gold!.record.startedAt);
    assert.equal(gold!.record.inputs[0]?.dataVersion, clean!.record.dataVersion);
  });

  it('a request for a fresh asset skips it and emits nothing', async () => {
    const { graph, calls } = chain();
    fixture = await createInngestFixture(graph);
    await fixture.deliver(requested('gold/count'));
    fixture.fake.drain();
    const runs = await fixture.deliver(requested('gold/count'));
    assert.deepEqual(summary(runs), ['gold-count <- asset.requested(gold/count): skipped']);
    assert.deepEqual(calls, { films: 1, clean: 1, count: 1 });
    const forced = await fixture.deliver(requested('gold/count', { force: true }));
    assert.deepEqual(summary(forced), ['gold-count <- asset.requested(gold/count): materialized']);
  });

  it('an upstream stale only for its own backlog does not hold its downstream back', async () => {
    const searches = defineAsset({ key: 'raw/searches', schema: row, codeVersion: '1', async materialize() {
      return { rows: [{ id: 1 }], backlog: { pending: 5, unit: 'films' } };
    } });
    const found = defineAsset({ key: 'gold/found', schema: row, codeVersion: '1', deps: { searches }, async materialize(_ctx, inputs) {
      return { rows: await inputs.searches.rows() };
    } });
    fixture = await createInngestFixture(createAssetGraph([searches, found]));
    await fixture.run('materialize-raw-searches', requested('raw/searches'));
    fixture.fake.drain();
    const run = await fixture.run('materialize-gold-found', requested('gold/found'));
    assert.equal((run.output as { status: string }).status, 'materialized', 'not waiting for raw/searches to finish its backlog');
    assert.deepEqual(fixture.fake.sent.map((event) => [event.name, event.data['asset']]), [['medallion/asset.materialized', 'gold/found']]);
  });

  it('raw.landed records an observation for the owning asset and requests the stale sinks, which bring it and its downstream up to date', async () => {
    const { graph, calls } = chain();
    fixture = await createInngestFixture(graph);
    await fixture.deliver(requested('gold/count'));
    fixture.fake.drain();
    await new Promise((resolve) => setTimeout(resolve, 5));
    const landed = { name: 'medallion/raw.landed', data: { container: 'raw', path: 'films/landing/2026-11-26.json', etag: '"0x8DC1"', size: 1024 } };
    const runs = await fixture.deliver(landed);
    assert.deepEqual(summary(runs), [
      'medallion-test-observe-raw-landing <- raw.landed(): observed',
      'gold-count <- asset.requested(gold/count): waiting-for-upstream',
      'raw-films <- asset.requested(raw/films): materialized',
      'intermediate-films <- asset.materialized(raw/films): materialized',
      'gold-count <- asset.materialized(intermediate/films): materialized',
    ]);
    assert.deepEqual((runs[0]!.output as { requested: unknown }).requested, [{ asset: 'gold/count', partition: null }]);
    const observation = await readObservation(fixture.lake.storage, 'raw/films');
    assert.equal(observation?.source, 'raw/films/landing/2026-11-26.json');
    assert.deepEqual(calls, { films: 2, clean: 2, count: 2 });
    const resolver = resolverFor(graph, fixture.lake.storage);
    assert.equal((await resolver.assetStatus('gold/count')).status, 'fresh');
  });

  it('a landing whose re-materialization yields the same data stops there: propagation is by data version', async () => {
    let fetches = 0;
    const films = defineAsset({ key: 'raw/films', schema: row, codeVersion: '1', async materialize(ctx) {
      return { rows: (await ctx.step('fetch', async () => { fetches++; return [1, 2]; })).map((id) => ({ id })) };
    } });
    const count = defineAsset({ key: 'gold/count', schema: z.object({ n: z.int() }), codeVersion: '1', deps: { films }, async materialize(_ctx, inputs) {
      return { rows: [{ n: inputs.films.numRows }] };
    } });
    fixture = await createInngestFixture(createAssetGraph([films, count]));
    await fixture.deliver(requested('gold/count'));
    await new Promise((resolve) => setTimeout(resolve, 5));
    const runs = await fixture.deliver({ name: 'medallion/raw.landed', data: { container: 'raw', path: 'films/landing/same.json', etag: '"0x2"' } });
    assert.deepEqual(summary(runs), [
      'medallion-test-observe-raw-landing <- raw.landed(): observed',
      'gold-count <- asset.requested(gold/count): waiting-for-upstream',
      'raw-films <- asset.requested(raw/films): materialized',
      'gold-count <- asset.materialized(raw/films): skipped',
    ]);
    assert.equal(fetches, 2);
  });

  it("raw.landed ignores the framework's own writes in the raw container, so a materialization never observes itself", async () => {
    const { graph } = chain();
    fixture = await createInngestFixture(graph);
    await fixture.deliver(requested('gold/count'));
    const head = await new Ledger(fixture.lake.storage).readHead('raw/films');
    fixture.fake.drain();
    for (const path of ['films/_head.json', `films/${head!.record.id}/data.parquet`, 'films/landing/_tmp.json', 'elsewhere/landing/x.json']) {
      const runs = await fixture.deliver({ name: 'medallion/raw.landed', data: { container: 'raw', path } });
      assert.deepEqual(summary(runs), ['medallion-test-observe-raw-landing <- raw.landed(): ignored'], path);
    }
    assert.equal(await readObservation(fixture.lake.storage, 'raw/films'), undefined);
    assert.deepEqual(fixture.fake.sent, []);
  });

  it('a partitioned asset fans out one run per partition, partition to partition downstream', async () => {
    const decades = ['1990s', '2000s', '2010s'] as const;
    const ran: string[] = [];
    const releases = defineAsset({ key: 'raw/releases', schema: row, codeVersion: '1', partitions: decades, async materialize(ctx) {
      ran.push(ctx.partition!);
      return { rows: [{ id: decades.indexOf(ctx.partition as (typeof decades)[number]) }] };
    } });
    const clean = defineAsset({ key: 'intermediate/releases', schema: row, codeVersion: '1', partitions: decades, deps: { releases }, async materialize(_ctx, inputs) {
      return { rows: await inputs.releases.rows() };
    } });
    const total = defineAsset({ key: 'gold/total', schema: z.object({ n: z.int() }), codeVersion: '1', deps: { clean }, async materialize(_ctx, inputs) {
      return { rows: [{ n: inputs.clean.numRows }] };
    } });
    fixture = await createInngestFixture(createAssetGraph([releases, clean, total]));
    const runs = await fixture.deliver(requested('raw/releases'));
    assert.deepEqual(summary(runs), [
      'raw-releases <- asset.requested(raw/releases): fanned-out',
      'raw-releases <- asset.requested(raw/releases[1990s]): materialized',
      'raw-releases <- asset.requested(raw/releases[2000s]): materialized',
      'raw-releases <- asset.requested(raw/releases[2010s]): materialized',
      'intermediate-releases <- asset.materialized(raw/releases[1990s]): materialized',
      'intermediate-releases <- asset.materialized(raw/releases[2000s]): materialized',
      'intermediate-releases <- asset.materialized(raw/releases[2010s]): materialized',
      // Inngest debounces these three (registration.test.ts); here each runs, and the later two find it fresh.
      'gold-total <- asset.materialized(intermediate/releases[1990s]): materialized',
      'gold-total <- asset.materialized(intermediate/releases[2000s]): skipped',
      'gold-total <- asset.materialized(intermediate/releases[2010s]): skipped',
    ]);
    assert.deepEqual(ran, [...decades]);
    const ledger = new Ledger(fixture.lake.storage);
    const heads = await Promise.all(decades.map((decade) => ledger.readHead('intermediate/releases', decade)));
    assert.equal(new Set(heads.map((head) => head!.record.runId)).size, 3, 'one run per partition');
    assert.equal((await ledger.readHead('gold/total'))!.record.rows, 1);
  });
});
