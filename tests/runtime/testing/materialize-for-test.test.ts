/** `materializeForTest` is the executor's per-slot path: retries, checks and commit behave as in `materialize()`. */
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { z } from 'zod';
import { createAssetGraph, defineAsset, materialize, NonRetriableError, RetryAfterError } from '../../../runtime/index.ts';
import { Ledger } from '../../../runtime/internal.ts';
import { createTestContext, materializeForTest, previousFrom } from '../../../runtime/testing.ts';
import { createTempLake, type TempLake } from '../../support/temp-lake.ts';

const schema = z.object({ id: z.int() });

/** An asset that throws `failure(attempt)` until that returns undefined, recording the attempts it saw. */
function flaky(failure: (attempt: number) => Error | undefined) {
  const attempts: number[] = [];
  const asset = defineAsset({
    key: 'raw/flaky', schema, codeVersion: '1', retry: { maxAttempts: 3, initialDelayMs: 1_000, maxDelayMs: 1_000 },
    async materialize(ctx) {
      attempts.push(ctx.attempt);
      const error = failure(ctx.attempt);
      if (error !== undefined) throw error;
      return { rows: [{ id: ctx.attempt }] };
    },
  });
  return { asset, attempts };
}

describe('materializeForTest runs the executor\'s per-slot path', () => {
  let lake: TempLake;
  beforeEach(async () => { lake = await createTempLake(); });
  afterEach(async () => { await lake.cleanup(); });

  const noWait = async () => undefined;

  it('retries a retriable error by the asset\'s policy, as a run does, and commits the attempt that succeeds', async () => {
    const inRun = flaky((attempt) => (attempt < 3 ? new RetryAfterError('busy', 5_000) : undefined));
    const run = await materialize({ graph: createAssetGraph([inRun.asset]), storage: lake.storage, sleep: noWait });
    const head = (await new Ledger(lake.storage).readHead(inRun.asset.key))!.record;

    const inTest = flaky((attempt) => (attempt < 3 ? new RetryAfterError('busy', 5_000) : undefined));
    const tested = await materializeForTest(inTest.asset, {});

    assert.equal(run.summary.outcomes[0]!.type, 'materialized');
    assert.deepEqual(inRun.attempts, [1, 2, 3]);
    assert.deepEqual(inTest.attempts, inRun.attempts);
    assert.equal(head.attempts, 3);
    assert.deepEqual(tested.rows, [{ id: 3 }]);
  });

  it('fails after the last attempt with the asset\'s error, as a run records it', async () => {
    const inRun = flaky(() => new Error('upstream API is down'));
    const run = await materialize({ graph: createAssetGraph([inRun.asset]), storage: lake.storage, sleep: noWait });
    const inTest = flaky(() => new Error('upstream API is down'));
    await assert.rejects(materializeForTest(inTest.asset, {}), { name: 'Error', message: 'upstream API is down' });
    assert.deepEqual(inTest.attempts, inRun.attempts);
    assert.deepEqual(inRun.attempts, [1, 2, 3]);
    assert.match(run.summary.outcomes[0]!.reason!, /upstream API is down$/);
  });

  it('does not retry a NonRetriableError, in a run or in a test', async () => {
    const inRun = flaky(() => new NonRetriableError('bad credentials'));
    await materialize({ graph: createAssetGraph([inRun.asset]), storage: lake.storage, sleep: noWait });
    const inTest = flaky(() => new NonRetriableError('bad credentials'));
    await assert.rejects(materializeForTest(inTest.asset, {}), NonRetriableError);
    assert.deepEqual(inRun.attempts, [1]);
    assert.deepEqual(inTest.attempts, [1]);
  });

  it('ctx.previous() is the version committed before, read back from the lake by the executor', async () => {
    const asset = defineAsset({
      key: 'raw/counter', schema, codeVersion: '1',
      async materialize(ctx) {
        const previous = await ctx.previous();
        const rows = previous === undefined ? [] : await previous.rows();
        return { rows: [...rows, { id: rows.length }], metadata: { seen: previous?.codeVersion ?? null } };
      },
    });
    const first = await materializeForTest(asset, {});
    const second = await materializeForTest(asset, {}, createTestContext({ previous: previousFrom(asset, first) }));
    const third = await materializeForTest(asset, {}, createTestContext({ previous: previousFrom(asset, second, { codeVersion: '0' }) }));
    assert.deepEqual(second.rows, [{ id: 0 }, { id: 1 }]);
    assert.deepEqual([first.metadata.seen, second.metadata.seen, third.metadata.seen], [null, '1', '0']);
  });

  it('refuses a context made for another asset, saying which to make', async () => {
    const { asset } = flaky(() => undefined);
    await assert.rejects(materializeForTest(asset, {}, createTestContext({ asset: 'raw/other' })), /for "raw\/other", not "raw\/flaky"; create it with createTestContext\(\{ asset: 'raw\/flaky' \}\)/);
  });
});
