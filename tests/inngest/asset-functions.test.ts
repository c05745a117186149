import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { z } from 'zod';
import { createAssetGraph, defineAsset, NonRetriableError, RetryAfterError } from '../../runtime/index.ts';
import { Ledger } from '../../runtime/internal.ts';
import { driveRun } from '../support/inngest-harness.ts';
import { createInngestFixture, requested } from './inngest-fixture.ts';

const row = z.object({ id: z.int() });
let fixture: Awaited<ReturnType<typeof createInngestFixture>> | undefined;
afterEach(async () => { await fixture?.cleanup(); fixture = undefined; });

describe('asset functions, driven through serve() as the Inngest server drives them', () => {
  it('materializes a requested asset in a run whose id is the ledger run id, and emits medallion/asset.materialized', async () => {
    const films = defineAsset({ key: 'raw/films', schema: row, codeVersion: '1', async materialize(ctx) {
      const ids = await ctx.step('fetch-page-1', async () => [1, 2, 3]);
      return { rows: ids.map((id) => ({ id })) };
    } });
    fixture = await createInngestFixture(createAssetGraph([films]));
    const run = await fixture.run('materialize-raw-films', requested('raw/films'));
    assert.equal(run.status, 'completed', run.trace.join('\n'));
    assert.deepEqual(run.output, { status: 'materialized', asset: 'raw/films', partition: null, reason: null, dataVersion: (run.output as { dataVersion: string }).dataVersion, rows: 3 });
    const head = await new Ledger(fixture.lake.storage).readHead('raw/films');
    assert.equal(head?.record.runId, run.runId);
    assert.deepEqual(fixture.fake.sent.map((event) => [event.name, event.data]), [
      ['medallion/asset.materialized', { asset: 'raw/films', dataVersion: head!.record.dataVersion, runId: run.runId }],
    ]);
    assert.ok(run.trace.some((line) => line.includes('StepRun fetch-page-1')), 'the asset step is an Inngest step');
  });

  it('an asset whose budget left work pending requests itself again, scheduled a minute later, until nothing is pending', async () => {
    let run = 0;
    const searches = defineAsset({ key: 'raw/searches', schema: row, codeVersion: '1', async materialize(ctx) {
      const before = (await (await ctx.previous())?.rows()) ?? [];
      const taken = await ctx.step('search', async () => [before.length + 1]);
      run++;
      return { rows: [...before, ...taken.map((id) => ({ id }))], backlog: { pending: 2 - before.length - 1, unit: 'films' } };
    } });
    fixture = await createInngestFixture(createAssetGraph([searches]));
    const sentAt = Date.now();
    const first = await fixture.run('materialize-raw-searches', requested('raw/searches'));
    assert.equal(first.status, 'completed', first.trace.join('\n'));
    const [announced, continuation] = fixture.fake.sent;
    assert.equal(announced?.name, 'medallion/asset.materialized');
    assert.equal(continuation?.name, 'medallion/asset.requested');
    assert.deepEqual(continuation?.data, { asset: 'raw/searches' });
    const head = (await new Ledger(fixture.lake.storage).readHead('raw/searches'))!.record;
    assert.equal(continuation?.id, `continue-${head.id}`, 'one continuation per materialization, whatever replays');
    assert.ok(continuation!.ts! >= sentAt + 60_000 && continuation!.ts! <= Date.now() + 60_000, `scheduled a minute later (ts ${continuation?.ts})`);
    fixture.fake.sent.length = 0;
    const second = await fixture.run('materialize-raw-searches', { name: continuation!.name, data: continuation!.data });
    assert.equal(second.status, 'completed', second.trace.join('\n'));
    assert.equal(run, 2);
    assert.deepEqual(fixture.fake.sent.map((event) => event.name), ['medallion/asset.materialized'], 'nothing pending: no continuation');
    assert.equal((await new Ledger(fixture.lake.storage).readHead('raw/searches'))?.record.rows, 2);
  });

  it('retries a step that fails twice, with the delay of the asset policy, and never re-runs completed steps', async () => {
    const ran = { before: 0, flaky: 0, after: 0 };
    const films = defineAsset({
      key: 'raw/films', schema: row, codeVersion: '1', retry: { maxAttempts: 3, initialDelayMs: 4_000, maxDelayMs: 4_000, jitter: 'none' },
      async materialize(ctx) {
        const ids = await ctx.step('before', async () => { ran.before++; return [1, 2]; });
        await ctx.step('flaky', async () => { if (++ran.flaky <= 2) throw new Error(`HTTP 503 (call ${ran.flaky})`); });
        const more = await ctx.step('after', async () => { ran.after++; return [3]; });
        return { rows: [...ids, ...more].map((id) => ({ id })) };
      },
    });
    fixture = await createInngestFixture(createAssetGraph([films]));
    const run = await fixture.run('materialize-raw-films', requested('raw/films'), 3);
    assert.equal(run.status, 'completed', run.trace.join('\n'));
    assert.deepEqual(ran, { before: 1, flaky: 3, after: 1 });
    const errors = run.trace.filter((line) => line.includes('StepError flaky'));
    assert.equal(errors.length, 2, run.trace.join('\n'));
    // 4 s, plus the second the real server's truncation to whole seconds can take off (errors.ts).
    assert.ok(errors.every((line) => line.includes('retry-after 5')), errors.join('\n'));
    assert.equal((await new Ledger(fixture.lake.storage).readHead('raw/films'))?.record.rows, 3);
  });

  it('records the failure in the ledger through onFailure once the retries are exhausted', async () => {
    const films = defineAsset({ key: 'raw/films', schema: row, codeVersion: '1', retry: { maxAttempts: 2, initialDelayMs: 1 }, async materialize(ctx) {
      await ctx.step('fetch', async () => { throw new Error('TMDB is down'); });
      return { rows: [] };
    } });
    fixture = await createInngestFixture(createAssetGraph([films]));
    const runs = await fixture.deliver(requested('raw/films'));
    assert.deepEqual(runs.map((run) => [run.fnId, run.status]), [
      ['medallion-test-materialize-raw-films', 'failed'],
      ['medallion-test-materialize-raw-films-failure', 'completed'],
    ]);
    assert.equal(runs[0]!.trace.filter((line) => line.includes('StepError fetch')).length, 1, 'one retry: maxAttempts 2');
    const [record] = await new Ledger(fixture.lake.storage).history('raw/films');
    assert.equal(record?.status, 'failed');
    assert.equal(record?.runId, runs[0]!.runId);
    assert.equal(record?.attempts, 2);
    assert.match(record?.error?.message ?? '', /TMDB is down/);
    assert.equal(fixture.fake.sent.length, 0, 'no materialized event for a failure');
  });

  it("turns a source's RetryAfterError into Inngest's retry-after, and a NonRetriableError into an immediate final failure", async () => {
    let calls = 0;
    const limited = defineAsset({ key: 'raw/limited', schema: row, codeVersion: '1', async materialize(ctx) {
      await ctx.step('search', async () => { if (++calls === 1) throw new RetryAfterError('HTTP 429 from Discogs', 61_000); });
      return { rows: [{ id: 1 }] };
    } });
    const forbidden = defineAsset({ key: 'raw/forbidden', schema: row, codeVersion: '1', retry: { maxAttempts: 5 }, async materialize(ctx) {
      await ctx.step('auth', async () => { throw new NonRetriableError('HTTP 401: bad token'); });
      return { rows: [] };
    } });
    fixture = await createInngestFixture(createAssetGraph([limited, forbidden]));
    const ok = await fixture.run('materialize-raw-limited', requested('raw/limited'));
    assert.equal(ok.status, 'completed', ok.trace.join('\n'));
    // 61 s, plus the second the real server's truncation to whole seconds can take off (errors.ts).
    assert.ok(ok.trace.some((line) => line.includes('StepError search') && line.includes('retry-after 62')), ok.trace.join('\n'));
    const runs = await fixture.deliver(requested('raw/forbidden'));
    assert.equal(runs[0]!.status, 'failed');
    assert.ok(runs[0]!.trace.some((line) => line.includes('StepFailed auth')), runs[0]!.trace.join('\n'));
    assert.ok(!runs[0]!.trace.some((line) => line.includes('StepError')), 'no retry');
    const [record] = await new Ledger(fixture.lake.storage).history('raw/forbidden');
    assert.equal(record?.status, 'failed');
    assert.equal(record?.attempts, 1);
  });
});

describe('a request that stops at a new step', () => {
  it("lets go of the slot's lease when Inngest answers it, so the next request (on any replica) can take it", async () => {
    const films = defineAsset({ key: 'raw/films', schema: row, codeVersion: '1', async materialize(ctx) {
      const ids = await ctx.step('fetch-page-1', async () => [1]);
      await ctx.step('fetch-page-2', async () => [2]);
      return { rows: ids.map((id) => ({ id })) };
    } });
    fixture = await createInngestFixture(createAssetGraph([films]));
    // One step per request (no `server`: no checkpointing, as in a retry attempt). Request 1 runs the upstream
    // check, request 2 the first asset step: Inngest then never settles the step's promise, and without the
    // request scope the materialization would hold the lease forever.
    const run = await driveRun(fixture.app, { fnId: 'medallion-test-materialize-raw-films', event: requested('raw/films'), maxAttempts: 3, maxRequests: 2 });
    assert.equal(run.status, 'pending');
    assert.ok(run.trace.at(-1)?.includes('StepRun fetch-page-1'), run.trace.join('\n'));
    // The runtime's slot lock is named `asset/<slot>` (runtime/executor/materialize-slot.ts).
    const lock = await fixture.lake.storage.lock('asset/raw/films', { waitMs: 2_000 });
    await lock.release();
  });
});
