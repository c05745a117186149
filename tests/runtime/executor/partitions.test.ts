import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { z } from 'zod';
import { createAssetGraph, defineAsset, materialize, SelectionError } from '../../../runtime/index.ts';
import { Ledger, resolverFor } from '../../../runtime/internal.ts';
import { createTempLake, type TempLake } from '../../support/temp-lake.ts';

const schema = z.object({ decade: z.string(), n: z.int() });

function partitionedGraph() {
  const seen: string[] = [];
  const films = defineAsset({
    key: 'raw/films', schema, codeVersion: '1', partitions: ['1990s', '2000s'],
    async materialize(ctx) {
      seen.push(`films:${ctx.partition}`);
      return { rows: [{ decade: ctx.partition!, n: ctx.partition === '1990s' ? 3 : 5 }] };
    },
  });
  const perDecade = defineAsset({
    key: 'intermediate/per_decade', schema, codeVersion: '1', partitions: ['1990s', '2000s'], deps: { films },
    async materialize(ctx, inputs) {
      seen.push(`per_decade:${ctx.partition}`);
      assert.deepEqual(inputs.films.versions.map((v) => v.partition), [ctx.partition]);
      return { rows: await inputs.films.rows() };
    },
  });
  const total = defineAsset({
    key: 'gold/total', schema, codeVersion: '1', deps: { films },
    async materialize(_ctx, inputs) {
      seen.push('total');
      const rows = await inputs.films.rows();
      return { rows: [{ decade: 'all', n: rows.reduce((sum, row) => sum + row.n, 0) }] };
    },
  });
  return { graph: createAssetGraph([films, perDecade, total]), seen };
}

describe('static partitions', () => {
  let lake: TempLake;
  beforeEach(async () => { lake = await createTempLake(); });
  afterEach(async () => { await lake.cleanup(); });

  it('materializes one partition, maps partition to partition, and needs every partition for an unpartitioned downstream', async () => {
    const { graph, seen } = partitionedGraph();
    const run = await materialize({ graph, storage: lake.storage, selection: '*', partition: '1990s' });
    assert.deepEqual(run.summary.outcomes.map((o) => [o.asset, o.partition, o.type]), [
      ['raw/films', '1990s', 'materialized'],
      ['gold/total', null, 'failed'],
      ['intermediate/per_decade', '1990s', 'materialized'],
    ]);
    assert.match(run.summary.outcomes[1]!.reason!, /upstream "raw\/films\[2000s\]" has never been materialized/);
    const resolver = resolverFor(graph, lake.storage);
    const films = await resolver.assetStatus('raw/films');
    assert.equal(films.status, 'missing');
    assert.deepEqual(films.partitions!.map((p) => [p.partition, p.status]), [['1990s', 'fresh'], ['2000s', 'missing']]);

    const all = await materialize({ graph, storage: lake.storage, selection: '*' });
    assert.deepEqual(all.summary.outcomes.filter((o) => o.type === 'materialized').map((o) => `${o.asset}[${o.partition}]`), [
      'raw/films[2000s]', 'gold/total[null]', 'intermediate/per_decade[2000s]',
    ]);
    assert.deepEqual(seen.sort(), ['films:1990s', 'films:2000s', 'per_decade:1990s', 'per_decade:2000s', 'total']);
    const head = await new Ledger(lake.storage).readHead('gold/total');
    assert.deepEqual(head!.record.inputs.map((input) => input.partition), ['1990s', '2000s']);
  });

  it('rejects an unknown partition with the nearest one', async () => {
    const { graph } = partitionedGraph();
    await assert.rejects(
      materialize({ graph, storage: lake.storage, selection: 'raw/films', partition: '1990' }),
      (error: unknown) => error instanceof SelectionError && /has no partition "1990". Did you mean "1990s"/.test(error.message),
    );
  });
});
