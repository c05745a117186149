import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { z } from 'zod';
import { createAssetGraph, defineAsset, materialize } from '../../../runtime/index.ts';
import { Ledger } from '../../../runtime/internal.ts';
import { materializeForTest } from '../../../runtime/testing.ts';
import { createTempLake, type TempLake } from '../../support/temp-lake.ts';

const schema = z.object({ id: z.int() });

function assetWithChecks(key: string, blocking: boolean) {
  return defineAsset({
    key, schema, codeVersion: '1',
    checks: [
      { name: 'counted', check: (rows) => ({ passed: true, message: `${rows.length} rows`, metadata: { rows: rows.length } }) },
      { name: 'explodes', blocking, check: () => { throw new Error('lookup table missing'); } },
    ],
    async materialize() { return { rows: [{ id: 1 }, { id: 2 }] }; },
  });
}

describe('checks: the executor and materializeForTest run one check loop', () => {
  let lake: TempLake;
  beforeEach(async () => { lake = await createTempLake(); });
  afterEach(async () => { await lake.cleanup(); });

  for (const blocking of [true, false]) {
    it(`records a throwing ${blocking ? 'blocking' : 'non-blocking'} check as failed with its message, in a run and in a test alike`, async () => {
      const asset = assetWithChecks(blocking ? 'raw/blocked' : 'raw/advised', blocking);
      const run = await materialize({ graph: createAssetGraph([asset]), storage: lake.storage });
      const head = await new Ledger(lake.storage).readHead(asset.key);
      const tested = await materializeForTest(asset, {});

      assert.deepEqual(tested.checks, head!.record.checks);
      assert.deepEqual(tested.checks[1], { name: 'explodes', passed: false, blocking, message: 'check threw: lookup table missing', metadata: {} });
      assert.deepEqual(tested.checks[0], { name: 'counted', passed: true, blocking: false, message: '2 rows', metadata: { rows: 2 } });
      // Blocking: the run fails the slot (its data is committed but held back); non-blocking: it is materialized.
      const blockedInTest = tested.checks.some((check) => check.blocking && !check.passed);
      assert.equal(blockedInTest, blocking);
      assert.equal(run.summary.outcomes[0]!.type, blocking ? 'failed' : 'materialized');
      if (blocking) assert.match(run.summary.outcomes[0]!.reason!, /blocking check "explodes" failed: check threw: lookup table missing/);
    });
  }

  it('rejects a result without rows in a test as the executor does', async () => {
    const broken = defineAsset({
      key: 'raw/broken', schema, codeVersion: '1',
      // @ts-expect-error: the shape a careless asset returns
      async materialize() { return { items: [] }; },
    });
    await assert.rejects(materializeForTest(broken, {}), { name: 'TypeError', message: /materialize must return \{ rows: \[\.\.\.\]/ });
    const run = await materialize({ graph: createAssetGraph([broken]), storage: lake.storage, sleep: async () => undefined });
    assert.equal(run.summary.outcomes[0]!.type, 'failed');
    assert.match(run.summary.outcomes[0]!.reason!, /materialize must return \{ rows: \[\.\.\.\]/);
  });
});
