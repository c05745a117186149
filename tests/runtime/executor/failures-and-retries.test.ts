import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { z } from 'zod';
import { createAssetGraph, defineAsset, materialize, NonRetriableError, RetryAfterError, type RunEvent } from '../../../runtime/index.ts';
import { Ledger } from '../../../runtime/internal.ts';
import { createTempLake, type TempLake } from '../../support/temp-lake.ts';

const schema = z.object({ id: z.int(), title: z.string() });

describe('failures, retries and atomic commits', () => {
  let lake: TempLake;
  beforeEach(async () => { lake = await createTempLake(); });
  afterEach(async () => { await lake.cleanup(); });

  const sleeps: number[] = [];
  const fakeSleep = async (ms: number) => { sleeps.push(ms); };
  beforeEach(() => { sleeps.length = 0; });

  it('retries with exponential backoff and full jitter, then succeeds', async () => {
    let attempts = 0;
    const flaky = defineAsset({
      key: 'raw/flaky', schema, codeVersion: '1', retry: { maxAttempts: 4, initialDelayMs: 100, factor: 2, maxDelayMs: 10_000 },
      async materialize() {
        attempts++;
        if (attempts < 3) throw new Error(`HTTP 503 on attempt ${attempts}`);
        return { rows: [{ id: 1, title: 'Heat' }] };
      },
    });
    const events: RunEvent[] = [];
    const run = await materialize({
      graph: createAssetGraph([flaky]), storage: lake.storage, sleep: fakeSleep, random: () => 0.5, onEvent: (e) => events.push(e),
    });
    assert.equal(run.summary.outcomes[0]!.type, 'materialized');
    assert.equal(run.summary.outcomes[0]!.attempts, 3);
    assert.deepEqual(sleeps, [50, 100]); // 0.5 × 100, 0.5 × 200
    assert.deepEqual(events.filter((e) => e.type === 'slot-retrying').map((e) => (e as { error: string }).error), [
      'raw/flaky failed in materialize: HTTP 503 on attempt 1',
      'raw/flaky failed in materialize: HTTP 503 on attempt 2',
    ]);
  });

  it('does not retry a NonRetriableError, and waits at least a RetryAfterError hint', async () => {
    const fatal = defineAsset({
      key: 'raw/fatal', schema, codeVersion: '1', retry: { maxAttempts: 5 },
      async materialize() { throw new NonRetriableError('401 Unauthorized: check TMDB_API_KEY'); },
    });
    let limited = 0;
    const rateLimited = defineAsset({
      key: 'raw/limited', schema, codeVersion: '1', retry: { maxAttempts: 2, initialDelayMs: 10 },
      async materialize() {
        if (limited++ === 0) throw new RetryAfterError('429 Too Many Requests', 7_000);
        return { rows: [] };
      },
    });
    const run = await materialize({ graph: createAssetGraph([fatal, rateLimited]), storage: lake.storage, sleep: fakeSleep, random: () => 1 });
    const byKey = Object.fromEntries(run.summary.outcomes.map((o) => [o.asset, o]));
    assert.equal(byKey['raw/fatal']!.type, 'failed');
    assert.equal(byKey['raw/fatal']!.attempts, 1);
    assert.match(byKey['raw/fatal']!.reason!, /401 Unauthorized: check TMDB_API_KEY/);
    assert.equal(byKey['raw/limited']!.type, 'materialized');
    assert.deepEqual(sleeps, [7_000]);
  });

  it('a failure keeps the previous version readable, records the failure, and stops downstream', async () => {
    let fail = false;
    const source = defineAsset({
      key: 'raw/source', schema, codeVersion: '1', retry: { maxAttempts: 1 },
      async materialize() {
        if (fail) throw new Error('disk on fire');
        return { rows: [{ id: 1, title: 'Alien' }] };
      },
    });
    const downstream = defineAsset({
      key: 'gold/out', schema, codeVersion: '1', deps: { source },
      async materialize(_ctx, inputs) { return { rows: await inputs.source.rows() }; },
    });
    const graph = createAssetGraph([source, downstream]);
    await materialize({ graph, storage: lake.storage });
    const ledger = new Ledger(lake.storage);
    const before = await ledger.readHead('raw/source');
    fail = true;
    const run = await materialize({ graph, storage: lake.storage, force: true, selection: '*' });
    assert.deepEqual(run.summary.outcomes.map((o) => [o.asset, o.type]), [['raw/source', 'failed'], ['gold/out', 'upstream-failed']]);
    assert.equal(run.summary.outcomes[1]!.reason, 'upstream "raw/source" failed');
    assert.equal(run.summary.status, 'failed');
    const after = await ledger.readHead('raw/source');
    assert.equal(after!.record.id, before!.record.id, 'the head still points at the previous materialization');
    assert.ok(await lake.storage.get(after!.record.files.data!), 'its data is still readable');
    const history = await ledger.history('raw/source');
    assert.deepEqual(history.map((r) => r.status), ['failed', 'materialized']);
    assert.match(history[0]!.error!.message, /disk on fire/);
    const summary = await ledger.readRunSummary(run.runId);
    assert.equal(summary!.status, 'failed');
  });

  it('quarantines rows that fail the schema and reports how many', async () => {
    const mixed = defineAsset({
      key: 'raw/mixed', schema, codeVersion: '1',
      async materialize() {
        return { rows: [{ id: 1, title: 'Heat' }, { id: 'two', title: 'Alien' }, { id: 3 }, { id: 4, title: 'Ran' }] as never };
      },
    });
    const run = await materialize({ graph: createAssetGraph([mixed]), storage: lake.storage });
    const outcome = run.summary.outcomes[0]!;
    assert.equal(outcome.rows, 2);
    assert.equal(outcome.quarantined, 2);
    const head = await new Ledger(lake.storage).readHead('raw/mixed');
    assert.ok(head!.record.files.quarantine);
    assert.ok(await lake.storage.get(head!.record.files.quarantine!));
  });

  it('a failed blocking check commits the data but stops downstream, now and in later runs', async () => {
    const checked = defineAsset({
      key: 'intermediate/checked', schema, codeVersion: '1',
      checks: [{ name: 'not_empty', blocking: true, check: (rows) => ({ passed: rows.length > 0, message: `${rows.length} rows` }) }],
      async materialize() { return { rows: [] }; },
    });
    const after = defineAsset({ key: 'gold/after', schema, codeVersion: '1', deps: { checked }, async materialize() { return { rows: [] }; } });
    const graph = createAssetGraph([checked, after]);
    const first = await materialize({ graph, storage: lake.storage });
    assert.deepEqual(first.summary.outcomes.map((o) => [o.asset, o.type]), [['intermediate/checked', 'failed'], ['gold/after', 'upstream-failed']]);
    assert.match(first.summary.outcomes[0]!.reason!, /blocking check "not_empty" failed: 0 rows/);
    const second = await materialize({ graph, storage: lake.storage });
    assert.deepEqual(second.summary.outcomes.map((o) => [o.asset, o.type]), [['intermediate/checked', 'skipped'], ['gold/after', 'upstream-failed']]);
    assert.match(second.summary.outcomes[1]!.reason!, /failed its blocking check "not_empty"/);
  });
});
