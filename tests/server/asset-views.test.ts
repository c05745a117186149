// nextDueAt: when statuses go out of date with no commit, so a cached answer built from them expires then:
// the earliest backlog falling due after the resolver's `now`, none once all have passed. Times are fixed.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { z } from 'zod';
import { createAssetGraph, defineAsset, materialize } from '../../runtime/index.ts';
import { resolverFor } from '../../runtime/internal.ts';
import { nextDueAt } from '../../server/asset-views.ts';
import { createTempLake, type TempLake } from '../support/temp-lake.ts';

const row = z.object({ id: z.int() });
const due = (key: string, dueAt: string | undefined) => defineAsset({
  key, schema: row, codeVersion: '1',
  async materialize() { return { rows: [{ id: 1 }], ...(dueAt === undefined ? {} : { backlog: { pending: 0, unit: 'searches', dueAt } }) }; },
});
const graph = createAssetGraph([due('raw/a', '2030-01-01T00:00:00.000Z'), due('raw/b', '2031-01-01T00:00:00.000Z'), due('raw/c', undefined)]);

describe('nextDueAt', () => {
  let lake: TempLake;
  beforeEach(async () => {
    lake = await createTempLake();
    assert.equal((await materialize({ graph, storage: lake.storage })).summary.status, 'succeeded');
  });
  afterEach(async () => { await lake.cleanup(); });

  const at = async (iso: string) => {
    const now = Date.parse(iso);
    return nextDueAt(graph, resolverFor(graph, lake.storage, () => now), now);
  };

  it('is the earliest backlog to fall due after now', async () => {
    assert.equal(await at('2029-06-01T00:00:00.000Z'), Date.parse('2030-01-01T00:00:00.000Z'));
    assert.equal(await at('2030-01-01T00:00:00.000Z'), Date.parse('2031-01-01T00:00:00.000Z'), 'one that fell due already counts no more');
  });

  it('is undefined once every backlog has fallen due', async () => {
    assert.equal(await at('2031-01-01T00:00:00.000Z'), undefined);
  });
});
