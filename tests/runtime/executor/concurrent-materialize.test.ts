import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { z } from 'zod';
import { createAssetGraph, defineAsset, materialize, type RunEvent } from '../../../runtime/index.ts';
import { Ledger } from '../../../runtime/internal.ts';
import { createTempLake, type TempLake } from '../../support/temp-lake.ts';

/** An asset whose materialization waits until the test opens the gate, so two runs overlap for sure. */
function gatedGraph() {
  let open!: () => void;
  const gate = new Promise<void>((resolve) => { open = resolve; });
  let entered!: () => void;
  const inside = new Promise<void>((resolve) => { entered = resolve; });
  let calls = 0;
  const asset = defineAsset({
    key: 'raw/shared', schema: z.object({ id: z.int() }), codeVersion: '1',
    async materialize() {
      calls++;
      entered();
      await gate;
      return { rows: [{ id: 1 }, { id: 2 }] };
    },
  });
  return { graph: createAssetGraph([asset]), open, inside, calls: () => calls };
}

describe('two concurrent materializations of one asset', () => {
  let lake: TempLake;
  beforeEach(async () => { lake = await createTempLake(); });
  afterEach(async () => { await lake.cleanup(); });

  it('one commits; the other waits for the lock, sees the new version and skips it', async () => {
    const { graph, open, inside, calls } = gatedGraph();
    const first = materialize({ graph, storage: lake.storage });
    await inside;
    let waiting!: () => void;
    const isWaiting = new Promise<void>((resolve) => { waiting = resolve; });
    const onEvent = (event: RunEvent) => { if (event.type === 'slot-waiting-for-lock') waiting(); };
    const second = materialize({ graph, storage: lake.storage, onEvent, lockWaitMs: 30_000 });
    await isWaiting;
    open();
    const [a, b] = await Promise.all([first, second]);
    assert.equal(a.summary.outcomes[0]!.type, 'materialized');
    assert.equal(b.summary.outcomes[0]!.type, 'skipped');
    assert.equal(b.summary.outcomes[0]!.reason, `materialized meanwhile by run ${a.runId}`);
    assert.equal(calls(), 1);
    const history = await new Ledger(lake.storage).history('raw/shared');
    assert.deepEqual(history.map((record) => [record.runId, record.status]), [[a.runId, 'materialized']]);
  });

  it('without waiting, the second reports who holds the lock and changes nothing', async () => {
    const { graph, open, inside } = gatedGraph();
    const first = materialize({ graph, storage: lake.storage });
    await inside;
    const second = await materialize({ graph, storage: lake.storage, lockWaitMs: 0 });
    open();
    const a = await first;
    const outcome = second.summary.outcomes[0]!;
    assert.equal(outcome.type, 'failed');
    assert.ok(outcome.reason!.includes(a.runId), `the message names the holding run: ${outcome.reason}`);
    assert.equal(outcome.error!.code, 'STORAGE_LOCKED');
    const head = await new Ledger(lake.storage).readHead('raw/shared');
    assert.equal(head!.record.runId, a.runId);
  });
});
