import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { z } from 'zod';
import { createAssetGraph, defineAsset, materialize, type Backlog, type PreviousVersion } from '../../../runtime/index.ts';
import { resolverFor } from '../../../runtime/internal.ts';
import { createTestContext, materializeForTest, previousFrom } from '../../../runtime/testing.ts';
import { createTempLake, type TempLake } from '../../support/temp-lake.ts';

const items = z.object({ item: z.int(), seen_in_run: z.int() });

/**
 * An incremental asset over a source of `total` items: each materialization takes at most `budget` items it
 * has not seen, keeps what `ctx.previous()` holds, and leaves the rest as a backlog.
 */
function incremental(options: { total: number; budget: number; dueAt?: string }) {
  const seen: Array<PreviousVersion<z.output<typeof items>> | undefined> = [];
  let run = 0;
  const asset = defineAsset({
    key: 'raw/items',
    schema: items,
    codeVersion: '1',
    async materialize(ctx) {
      run++;
      const previous = await ctx.previous();
      seen.push(previous);
      const kept = (await previous?.rows()) ?? [];
      const done = new Set(kept.map((row) => row.item));
      const todo = Array.from({ length: options.total }, (_, index) => index).filter((item) => !done.has(item));
      const taken = todo.slice(0, options.budget).map((item) => ({ item, seen_in_run: run }));
      const backlog: Backlog = { pending: todo.length - taken.length, unit: 'items', ...(options.dueAt === undefined ? {} : { dueAt: options.dueAt }) };
      return { rows: [...kept, ...taken], metadata: { taken: taken.length }, backlog };
    },
  });
  return { asset, seen, graph: createAssetGraph([asset]) };
}

describe('incremental assets: ctx.previous() and backlogs', () => {
  let lake: TempLake;
  beforeEach(async () => { lake = await createTempLake(); });
  afterEach(async () => { await lake.cleanup(); });

  const status = (graph: ReturnType<typeof incremental>['graph'], now?: () => number) =>
    resolverFor(graph, lake.storage, now).assetStatus('raw/items');

  it('reads its own last committed version, and a backlog keeps the slot stale until the work is done', async () => {
    const { graph, seen } = incremental({ total: 5, budget: 2 });
    const first = await materialize({ graph, storage: lake.storage });
    assert.equal(first.summary.outcomes[0]!.rows, 2);
    assert.equal(seen[0], undefined, 'the first materialization has nothing before it');
    const afterFirst = await status(graph);
    assert.equal(afterFirst.status, 'stale');
    assert.deepEqual(afterFirst.causes.map((cause) => [cause.category, cause.reason]), [['backlog', '3 items left for a later run (the last one stopped at its budget)']]);
    assert.deepEqual(afterFirst.head?.backlog, { pending: 3, unit: 'items' });

    await materialize({ graph, storage: lake.storage });
    const previous = seen[1]!;
    assert.deepEqual(await previous.rows(), [{ item: 0, seen_in_run: 1 }, { item: 1, seen_in_run: 1 }]);
    assert.equal(previous.codeVersion, '1');
    assert.deepEqual(previous.metadata, { taken: 2 });
    assert.deepEqual(previous.backlog, { pending: 3, unit: 'items' });
    assert.equal(previous.materializedAt, afterFirst.head!.finishedAt);

    const third = await materialize({ graph, storage: lake.storage });
    assert.equal(third.summary.outcomes[0]!.rows, 5);
    const done = await status(graph);
    assert.equal(done.status, 'fresh');
    assert.equal(done.head?.backlog, undefined, 'a backlog with nothing pending and nothing due is not recorded');
    const fourth = await materialize({ graph, storage: lake.storage });
    assert.equal(fourth.summary.outcomes[0]!.type, 'skipped');
  });

  it('work that falls due makes the slot stale once its time has passed', async () => {
    const { graph } = incremental({ total: 2, budget: 10, dueAt: '2030-01-01T00:00:00.000Z' });
    await materialize({ graph, storage: lake.storage });
    assert.equal((await status(graph)).status, 'fresh');
    assert.equal((await materialize({ graph, storage: lake.storage })).summary.outcomes[0]!.type, 'skipped');
    const later = await status(graph, () => Date.parse('2030-01-02T00:00:00.000Z'));
    assert.equal(later.status, 'stale');
    assert.deepEqual(later.causes.map((cause) => [cause.category, cause.reason]), [['backlog', 'items fell due again at 2030-01-01T00:00:00.000Z']]);
  });

  it('a malformed backlog fails the materialization with what to return instead', async () => {
    const asset = defineAsset({
      key: 'raw/bad', schema: items, codeVersion: '1', retry: { maxAttempts: 1 },
      async materialize() { return { rows: [], backlog: { pending: -1, unit: 'items' } }; },
    });
    const { summary } = await materialize({ graph: createAssetGraph([asset]), storage: lake.storage });
    assert.equal(summary.outcomes[0]!.type, 'failed');
    assert.match(summary.outcomes[0]!.reason ?? '', /malformed backlog .*pending: a whole number ≥ 0/);
  });

  it('runtime/testing: previousFrom hands one test materialization to the next as ctx.previous()', async () => {
    const { asset } = incremental({ total: 3, budget: 2 });
    const first = await materializeForTest(asset, {}, createTestContext());
    assert.deepEqual(first.backlog, { pending: 1, unit: 'items' });
    const second = await materializeForTest(asset, {}, createTestContext({ previous: previousFrom(asset, first) }));
    assert.deepEqual(second.rows.map((row) => row.item), [0, 1, 2]);
    assert.equal(second.backlog, undefined, 'nothing pending and nothing due: no backlog, as a commit records it');
  });

  it('runtime/testing rejects a malformed backlog as the executor does', async () => {
    const asset = defineAsset({ key: 'raw/bad', schema: items, codeVersion: '1', async materialize() {
      return { rows: [], backlog: { pending: 1.5, unit: 'items' } };
    } });
    await assert.rejects(materializeForTest(asset, {}), /malformed backlog .*pending: a whole number ≥ 0/);
  });
});
