import assert from 'node:assert/strict';
import { hostname } from 'node:os';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { z } from 'zod';
import { createAssetGraph, defineAsset, materialize, readRun } from '../../../runtime/index.ts';
import { Ledger, materializeOne, recordFailure } from '../../../runtime/internal.ts';
import { formatRunTimeline } from '../../../runtime/cli/run-timeline.ts';
import { serviceInstanceId } from '../../../runtime/telemetry/service-instance.ts';
import { createTempLake, type TempLake } from '../../support/temp-lake.ts';

describe('serviceInstanceId', () => {
  it('is OTEL_RESOURCE_ATTRIBUTES\' service.instance.id, decoded, else host/pid', () => {
    assert.equal(serviceInstanceId({ OTEL_RESOURCE_ATTRIBUTES: 'service.namespace=prod,service.instance.id=replica%2D2' }), 'replica-2');
    assert.equal(serviceInstanceId({ OTEL_RESOURCE_ATTRIBUTES: 'service.namespace=prod' }), `${hostname()}/${process.pid}`);
    assert.equal(serviceInstanceId({ OTEL_RESOURCE_ATTRIBUTES: 'service.instance.id= ' }), `${hostname()}/${process.pid}`);
    assert.equal(serviceInstanceId({}), `${hostname()}/${process.pid}`);
  });
});

describe('the ledger names the process that wrote each record', () => {
  let lake: TempLake;
  let saved: string | undefined;
  beforeEach(async () => {
    lake = await createTempLake();
    saved = process.env.OTEL_RESOURCE_ATTRIBUTES;
    process.env.OTEL_RESOURCE_ATTRIBUTES = 'service.instance.id=replica-7';
  });
  afterEach(async () => {
    if (saved === undefined) delete process.env.OTEL_RESOURCE_ATTRIBUTES;
    else process.env.OTEL_RESOURCE_ATTRIBUTES = saved;
    await lake.cleanup();
  });

  const films = defineAsset({ key: 'raw/films', schema: z.object({ id: z.int() }), codeVersion: '1', materialize: async () => ({ rows: [{ id: 1 }] }) });

  it('in a committed record, the run summary and the run\'s timeline', async () => {
    const { summary } = await materialize({ graph: createAssetGraph([films]), storage: lake.storage, selection: '*' });
    const [record] = await new Ledger(lake.storage).history('raw/films');
    assert.equal(record?.instance, 'replica-7');
    const run = await readRun(lake.storage, summary.runId);
    assert.equal(run.instance, 'replica-7');
    assert.match(formatRunTimeline(run, (_style, text) => text), /recorded {3}by replica-7/);
  });

  it('in a failure recorded by an orchestrator (another replica than the one that ran the steps)', async () => {
    const graph = createAssetGraph([films]);
    await materializeOne({ graph, storage: lake.storage, asset: 'raw/films', runId: 'inngest-run-1', steps: { run: (_id, fn) => fn() } });
    process.env.OTEL_RESOURCE_ATTRIBUTES = 'service.instance.id=replica-8';
    await recordFailure({ graph, storage: lake.storage, asset: 'raw/films', runId: 'inngest-run-2', error: new Error('boom'), attempts: 3 });
    const history = await new Ledger(lake.storage).history('raw/films');
    assert.deepEqual(history.map((record) => [record.status, record.instance]).sort(), [['failed', 'replica-8'], ['materialized', 'replica-7']]);
  });
});
