import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { z } from 'zod';
import { createAssetGraph, defineAsset, materialize, type AssetGraph } from '../../../runtime/index.ts';
import { resolverFor } from '../../../runtime/internal.ts';
import { createTempLake, type TempLake } from '../../support/temp-lake.ts';

const numbers = z.object({ n: z.int() });

/** raw/a → intermediate/b → gold/c, with a knob on a's data and code version, counting calls. */
function chain(options: { aVersion?: string; aRows?: number[]; bDeps?: 'a' | 'a+x' } = {}) {
  const calls = { a: 0, b: 0, c: 0, x: 0 };
  const a = defineAsset({
    key: 'raw/a', schema: numbers, codeVersion: options.aVersion ?? '1',
    async materialize() { calls.a++; return { rows: (options.aRows ?? [1, 2, 3]).map((n) => ({ n })) }; },
  });
  const x = defineAsset({ key: 'raw/x', schema: numbers, codeVersion: '1', async materialize() { calls.x++; return { rows: [{ n: 100 }] }; } });
  const b = defineAsset({
    key: 'intermediate/b', schema: numbers, codeVersion: '1',
    deps: (options.bDeps === 'a+x' ? { a, x } : { a }) as { a: typeof a },
    async materialize(_ctx, inputs) {
      calls.b++;
      return { rows: (await inputs.a.rows()).map((row) => ({ n: row.n * 2 })) };
    },
  });
  const c = defineAsset({
    key: 'gold/c', schema: numbers, codeVersion: '1', deps: { b },
    async materialize(_ctx, { b: input }) { calls.c++; return { rows: [{ n: (await input.rows()).reduce((sum, row) => sum + row.n, 0) }] }; },
  });
  return { graph: createAssetGraph([a, x, b, c]), calls };
}

async function statusOf(graph: AssetGraph, lake: TempLake, key: string) {
  return resolverFor(graph, lake.storage).assetStatus(key);
}

describe('status transitions', () => {
  let lake: TempLake;
  beforeEach(async () => { lake = await createTempLake(); });
  afterEach(async () => { await lake.cleanup(); });

  it('goes missing → fresh after a materialization, and a rerun materializes nothing', async () => {
    const { graph, calls } = chain();
    assert.equal((await statusOf(graph, lake, 'gold/c')).status, 'missing');
    const first = await materialize({ graph, storage: lake.storage, selection: '*' });
    assert.deepEqual(first.summary.outcomes.map((o) => o.type), ['materialized', 'materialized', 'materialized', 'materialized']);
    for (const key of graph.keys) assert.equal((await statusOf(graph, lake, key)).status, 'fresh');
    const second = await materialize({ graph, storage: lake.storage, selection: '*' });
    assert.ok(second.summary.outcomes.every((o) => o.type === 'skipped' && o.reason === 'fresh'));
    assert.deepEqual(calls, { a: 1, b: 1, c: 1, x: 1 });
  });

  it('a code version bump makes the asset stale (code) and its downstream stale (upstream) with the root cause', async () => {
    await materialize({ graph: chain().graph, storage: lake.storage });
    const { graph } = chain({ aVersion: '2' });
    const a = await statusOf(graph, lake, 'raw/a');
    assert.equal(a.status, 'stale');
    assert.deepEqual(a.causes.map((c) => [c.category, c.reason]), [['code', 'code version changed from "1" to "2"']]);
    const b = await statusOf(graph, lake, 'intermediate/b');
    assert.equal(b.status, 'stale');
    assert.deepEqual(b.causes.map((c) => [c.category, c.dependency]), [['upstream', 'raw/a']]);
    const c = await statusOf(graph, lake, 'gold/c');
    assert.deepEqual(c.causes.map((cause) => [cause.category, cause.dependency]), [['upstream', 'intermediate/b']]);
    assert.deepEqual(c.rootCauses.map((root) => [root.asset, root.category]), [['raw/a', 'code']]);
    assert.equal((await statusOf(graph, lake, 'raw/x')).status, 'fresh');
  });

  it('re-materializing an upstream into identical data leaves the downstream fresh without running it', async () => {
    await materialize({ graph: chain().graph, storage: lake.storage });
    const { graph, calls } = chain({ aVersion: '2' });
    const run = await materialize({ graph, storage: lake.storage, selection: '*' });
    const byKey = Object.fromEntries(run.summary.outcomes.map((o) => [o.asset, o]));
    assert.equal(byKey['raw/a']!.type, 'materialized');
    assert.equal(byKey['intermediate/b']!.type, 'skipped');
    assert.equal(byKey['intermediate/b']!.reason, 'inputs unchanged since the last materialization');
    assert.equal(byKey['gold/c']!.type, 'skipped');
    assert.deepEqual(calls, { a: 1, b: 0, c: 0, x: 0 });
    for (const key of graph.keys) assert.equal((await statusOf(graph, lake, key)).status, 'fresh');
  });

  it('new upstream data makes the downstream stale with cause data, and it re-runs', async () => {
    await materialize({ graph: chain().graph, storage: lake.storage });
    const changed = chain({ aVersion: '2', aRows: [5, 6] });
    await materialize({ graph: changed.graph, storage: lake.storage, selection: 'raw/a' });
    const b = await statusOf(changed.graph, lake, 'intermediate/b');
    assert.equal(b.status, 'stale');
    assert.equal(b.causes[0]!.category, 'data');
    assert.match(b.causes[0]!.reason, /upstream "raw\/a" has a new data version \([0-9a-f]{10} → [0-9a-f]{10}\)/);
    const run = await materialize({ graph: changed.graph, storage: lake.storage, selection: 'raw/a+' });
    assert.deepEqual(run.summary.outcomes.map((o) => [o.asset, o.type]), [
      ['raw/a', 'skipped'], ['intermediate/b', 'materialized'], ['gold/c', 'materialized'],
    ]);
    assert.deepEqual(changed.calls, { a: 1, b: 1, c: 1, x: 0 });
  });

  it('a new dependency makes the asset stale with cause dependencies', async () => {
    await materialize({ graph: chain().graph, storage: lake.storage });
    const { graph } = chain({ bDeps: 'a+x' });
    const b = await statusOf(graph, lake, 'intermediate/b');
    assert.deepEqual(b.causes.map((c) => [c.category, c.reason]), [['dependencies', 'new dependency on "raw/x"']]);
  });

  it('materializing a downstream alone reports a missing upstream instead of running it', async () => {
    const { graph, calls } = chain();
    const run = await materialize({ graph, storage: lake.storage, selection: 'gold/c' });
    assert.equal(run.summary.outcomes[0]!.type, 'failed');
    assert.match(run.summary.outcomes[0]!.reason!, /upstream "intermediate\/b" has never been materialized; include it in the selection \(e\.g\. "\+gold\/c"\)/);
    assert.equal(calls.c, 0);
  });

  it('force: true forces every slot of the selection; a list of keys forces only those, the rest run only when not fresh', async () => {
    await materialize({ graph: chain().graph, storage: lake.storage });
    const { graph, calls } = chain();
    const all = await materialize({ graph, storage: lake.storage, selection: '+gold/c', force: true });
    assert.deepEqual(all.summary.outcomes.map((o) => o.type), ['materialized', 'materialized', 'materialized']);
    assert.equal(all.summary.force, true);
    const one = await materialize({ graph, storage: lake.storage, selection: '+gold/c', force: ['gold/c'] });
    assert.deepEqual(one.summary.outcomes.map((o) => [o.asset, o.type]), [['raw/a', 'skipped'], ['intermediate/b', 'skipped'], ['gold/c', 'materialized']]);
    assert.deepEqual(one.summary.force, ['gold/c']);
    assert.deepEqual(calls, { a: 1, b: 1, c: 2, x: 0 });
  });
});
