// An aborted run (Ctrl-C, SIGTERM) stops whatever it is waiting on: the concurrency queue, a lock, a retry
// backoff, or an asset that ignores the signal (abandoned after the grace period); its summary says interrupted.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { z } from 'zod';
import { createAssetGraph, defineAsset, listRuns, materialize, RetryAfterError, StorageError, type Storage } from '../../../runtime/index.ts';
import { createTempLake, type TempLake } from '../../support/temp-lake.ts';

const schema = z.object({ id: z.int(), title: z.string() });

describe('interruption', () => {
  let lake: TempLake;
  beforeEach(async () => { lake = await createTempLake(); });
  afterEach(async () => { await lake.cleanup(); });

  it('an asset that finishes within the grace period is committed, queued slots do not start, and the run is interrupted', async () => {
    const controller = new AbortController();
    const first = defineAsset({
      key: 'raw/first', schema, codeVersion: '1',
      async materialize() {
        controller.abort();
        return { rows: [{ id: 1, title: 'Heat' }] };
      },
    });
    const second = defineAsset({ key: 'raw/second', schema, codeVersion: '1', async materialize() { return { rows: [] }; } });
    const run = await materialize({ graph: createAssetGraph([first, second]), storage: lake.storage, concurrency: 1, signal: controller.signal });
    assert.deepEqual(run.summary.outcomes.map((o) => [o.asset, o.type]), [['raw/first', 'materialized'], ['raw/second', 'failed']]);
    assert.match(run.summary.outcomes[1]!.reason!, /^interrupted before it started/);
    assert.equal(run.summary.status, 'interrupted');
    const { runs } = await listRuns(lake.storage);
    assert.equal(runs[0]!.status, 'interrupted', 'the summary in the lake says so too');
  });

  it('ends a wait for a lock held by another run at once', async () => {
    const held = await lake.storage.lock('asset/raw/locked', { owner: 'another run' });
    try {
      const controller = new AbortController();
      const locked = defineAsset({ key: 'raw/locked', schema, codeVersion: '1', async materialize() { return { rows: [] }; } });
      const run = await materialize({
        graph: createAssetGraph([locked]), storage: lake.storage, signal: controller.signal, lockWaitMs: 600_000,
        onEvent: (event) => { if (event.type === 'slot-waiting-for-lock') controller.abort(new Error('SIGTERM received')); },
      });
      assert.equal(run.summary.status, 'interrupted');
      assert.equal(run.summary.outcomes[0]!.reason, 'interrupted while waiting for the lock (SIGTERM received)');
      assert.equal(run.summary.outcomes[0]!.error?.name, 'Interrupted');
    } finally {
      await held.release();
    }
  });

  it('ends a retry backoff at once, without another attempt', async () => {
    const controller = new AbortController();
    let attempts = 0;
    const limited = defineAsset({
      key: 'raw/limited', schema, codeVersion: '1', retry: { maxAttempts: 5 },
      async materialize() {
        attempts++;
        throw new RetryAfterError('429 Too Many Requests', 600_000);
      },
    });
    const run = await materialize({
      graph: createAssetGraph([limited]), storage: lake.storage, signal: controller.signal,
      onEvent: (event) => { if (event.type === 'slot-retrying') controller.abort(new Error('SIGINT received')); },
    });
    assert.equal(attempts, 1);
    assert.equal(run.summary.status, 'interrupted');
    assert.match(run.summary.outcomes[0]!.reason!, /^interrupted while waiting to retry \(.*429 Too Many Requests\) \(SIGINT received\)$/);
  });

  it('abandons an asset that ignores the signal after the grace period, and keeps its lock until the asset settles', async () => {
    const controller = new AbortController();
    let letGo = () => undefined as void;
    const stubborn = defineAsset({
      key: 'raw/stubborn', schema, codeVersion: '1',
      async materialize() {
        controller.abort(new Error('SIGTERM received'));
        await new Promise<void>((resolve) => { letGo = resolve; });
        return { rows: [] };
      },
    });
    const run = await materialize({ graph: createAssetGraph([stubborn]), storage: lake.storage, signal: controller.signal, interruptGraceMs: 20 });
    assert.equal(run.summary.status, 'interrupted');
    assert.equal(run.summary.outcomes[0]!.reason, 'interrupted and abandoned 20 ms later, as it did not stop by itself (SIGTERM received)');
    await assert.rejects(lake.storage.lock('asset/raw/stubborn', { waitMs: 0 }), (error) => error instanceof StorageError && error.code === 'STORAGE_LOCKED');
    letGo();
    const lock = await lake.storage.lock('asset/raw/stubborn', { waitMs: 10_000 });
    await lock.release();
  });

  it('an asset that stops on ctx.signal is recorded as interrupted, not as failing on its own', async () => {
    const controller = new AbortController();
    const polite = defineAsset({
      key: 'raw/polite', schema, codeVersion: '1', retry: { maxAttempts: 3 },
      async materialize(ctx) {
        controller.abort(new Error('SIGINT received'));
        ctx.signal.throwIfAborted();
        return { rows: [] };
      },
    });
    const run = await materialize({ graph: createAssetGraph([polite]), storage: lake.storage, signal: controller.signal });
    assert.equal(run.summary.outcomes[0]!.attempts, 1, 'no retry after an interruption');
    assert.equal(run.summary.outcomes[0]!.reason, 'interrupted while materializing (SIGINT received)');
  });

  it('reports a slot still unsettled a second past the grace period (a lake write that hangs) as interrupted, and returns', async () => {
    const controller = new AbortController();
    const hanging: Storage = {
      location: lake.storage.location,
      get: (path) => lake.storage.get(path),
      stat: (path) => lake.storage.stat(path),
      put: (path, body, options) => (path.endsWith('data.parquet') ? new Promise(() => undefined) : lake.storage.put(path, body, options)),
      delete: (path, options) => lake.storage.delete(path, options),
      list: (prefix) => lake.storage.list(prefix),
      lock: (name, options) => lake.storage.lock(name, options),
    };
    const quick = defineAsset({
      key: 'raw/quick', schema, codeVersion: '1',
      async materialize() {
        controller.abort(new Error('SIGTERM received'));
        return { rows: [{ id: 1, title: 'Heat' }] };
      },
    });
    const run = await materialize({ graph: createAssetGraph([quick]), storage: hanging, signal: controller.signal, interruptGraceMs: 10 });
    assert.equal(run.summary.status, 'interrupted');
    assert.equal(run.summary.outcomes[0]!.reason, 'interrupted and still unsettled when the run stopped (SIGTERM received)');
  });
});
