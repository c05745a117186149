import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { z } from 'zod';
import { createAssetGraph, defineAsset, type JsonValue } from '../../../runtime/index.ts';
import { Ledger, materializeOne, observeAsset, recordFailure, resolverFor, type StepRunner } from '../../../runtime/internal.ts';
import { createTempLake, type TempLake } from '../../support/temp-lake.ts';

/** A step runner that memoizes by id, as an orchestrator does across attempts. */
function memoizingSteps(): StepRunner & { ran: string[] } {
  const done = new Map<string, JsonValue | undefined>();
  const ran: string[] = [];
  return {
    ran,
    async run(id, fn) {
      if (done.has(id)) return done.get(id) as never;
      ran.push(id);
      const value = await fn();
      done.set(id, value as JsonValue | undefined);
      return value;
    },
  };
}

describe('materializeOne (for orchestrators)', () => {
  let lake: TempLake;
  beforeEach(async () => { lake = await createTempLake(); });
  afterEach(async () => { await lake.cleanup(); });

  it('runs steps through the orchestrator, throws a failure back unrecorded, and commits on the next attempt', async () => {
    let failOnce = true;
    const asset = defineAsset({
      key: 'raw/films', schema: z.object({ id: z.int() }), codeVersion: '1',
      async materialize(ctx) {
        const ids = await ctx.step('fetch', () => [1, 2]);
        await ctx.step('flaky', () => {
          if (failOnce) {
            failOnce = false;
            throw new Error('HTTP 503');
          }
        });
        return { rows: ids.map((id) => ({ id })) };
      },
    });
    const graph = createAssetGraph([asset]);
    const steps = memoizingSteps();
    await assert.rejects(materializeOne({ graph, storage: lake.storage, asset: 'raw/films', runId: 'inngest-run-1', steps }), /HTTP 503/);
    assert.deepEqual(await new Ledger(lake.storage).history('raw/films'), [], 'a retriable attempt records nothing');
    const outcome = await materializeOne({ graph, storage: lake.storage, asset: 'raw/films', runId: 'inngest-run-1', steps });
    assert.equal(outcome.type, 'materialized');
    assert.equal(outcome.rows, 2);
    assert.deepEqual(steps.ran, ['fetch', 'flaky', 'flaky'], '"fetch" ran once; the failed step ran again');
    assert.equal((await new Ledger(lake.storage).readRunSummary('inngest-run-1'))!.outcomes[0]!.type, 'materialized');
    const failed = await recordFailure({ graph, storage: lake.storage, asset: 'raw/films', runId: 'inngest-run-2', attempts: 4, error: { name: 'Error', message: 'gave up' } });
    assert.equal(failed.status, 'failed');
    assert.deepEqual((await new Ledger(lake.storage).history('raw/films')).map((r) => r.status), ['failed', 'materialized']);
  });

  it('an observation of new source data makes the asset stale, and its downstream, and gets it materialized again', async () => {
    let calls = 0;
    const films = defineAsset({ key: 'raw/films', schema: z.object({ id: z.int() }), codeVersion: '1', async materialize() { calls++; return { rows: [{ id: calls }] }; } });
    const gold = defineAsset({ key: 'gold/count', schema: z.object({ n: z.int() }), codeVersion: '1', deps: { films }, async materialize(_ctx, inputs) { return { rows: [{ n: inputs.films.numRows }] }; } });
    const graph = createAssetGraph([films, gold]);
    const steps = memoizingSteps();
    await materializeOne({ graph, storage: lake.storage, asset: 'raw/films', runId: 'r1', steps });
    await materializeOne({ graph, storage: lake.storage, asset: 'gold/count', runId: 'r2', steps });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await observeAsset(lake.storage, { asset: 'raw/films', source: 'raw/landing/films-2026-11-26.json', version: '"0x8DC1"' });
    const resolver = resolverFor(graph, lake.storage);
    const status = await resolver.assetStatus('raw/films');
    assert.equal(status.status, 'stale');
    assert.match(status.causes[0]!.reason, /new data observed at raw\/landing\/films-2026-11-26\.json/);
    assert.equal((await resolver.assetStatus('gold/count')).causes[0]!.category, 'upstream');
    const again = await materializeOne({ graph, storage: lake.storage, asset: 'raw/films', runId: 'r3', steps: memoizingSteps() });
    assert.equal(again.type, 'materialized');
    assert.equal(calls, 2);
  });
});
