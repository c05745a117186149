import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { z } from 'zod';
import { createAssetGraph, defineAsset, materialize } from '../../../runtime/index.ts';
import { materializeForTest } from '../../../runtime/testing.ts';
import { createTempLake, type TempLake } from '../../support/temp-lake.ts';

describe('step ids: one rule in a run and in a test', () => {
  let lake: TempLake;
  beforeEach(async () => { lake = await createTempLake(); });
  afterEach(async () => { await lake.cleanup(); });

  it('refuses a step id used twice in one materialization, with the same message', async () => {
    const asset = defineAsset({
      key: 'raw/pages', schema: z.object({ n: z.int() }), codeVersion: '1', retry: { maxAttempts: 1 },
      async materialize(ctx) {
        await ctx.step('page', () => 1);
        await ctx.step('page', () => 2);
        return { rows: [] };
      },
    });
    const message = 'Step id "page" is used twice in one materialization; give every ctx.step a unique id.';
    await assert.rejects(materializeForTest(asset, {}), { message });
    const run = await materialize({ graph: createAssetGraph([asset]), storage: lake.storage });
    assert.equal(run.summary.outcomes[0]!.type, 'failed');
    assert.ok(run.summary.outcomes[0]!.reason!.endsWith(message), run.summary.outcomes[0]!.reason!);
  });
});
