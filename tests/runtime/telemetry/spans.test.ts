import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { context, SpanKind, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { z } from 'zod';
import { createAssetGraph, defineAsset, materialize } from '../../../runtime/index.ts';
import { createTempLake, type TempLake } from '../../support/temp-lake.ts';

describe('spans', () => {
  const exporter = new InMemorySpanExporter();
  let lake: TempLake;
  before(async () => {
    const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    trace.setGlobalTracerProvider(provider);
    lake = await createTempLake();
  });
  after(async () => {
    trace.disable();
    context.disable();
    await lake.cleanup();
  });

  it('emits a run span, a span per materialized asset and a span per step, nested, with their attributes', async () => {
    const films = defineAsset({
      key: 'raw/films', schema: z.object({ id: z.int() }), codeVersion: '7',
      async materialize(ctx) {
        const ids = await ctx.step('fetch-page-1', () => [1, 2, 3]);
        return { rows: ids.map((id) => ({ id })) };
      },
    });
    const { runId } = await materialize({ graph: createAssetGraph([films]), storage: lake.storage });
    const spans = exporter.getFinishedSpans();
    const run = spans.find((span) => span.name === 'medallion.run')!;
    const asset = spans.find((span) => span.name === 'medallion.materialize raw/films')!;
    const step = spans.find((span) => span.name === 'medallion.step fetch-page-1')!;
    assert.ok(run && asset && step, spans.map((span) => span.name).join(', '));
    assert.equal(asset.parentSpanContext?.spanId, run.spanContext().spanId);
    assert.equal(step.parentSpanContext?.spanId, asset.spanContext().spanId);
    assert.equal(asset.spanContext().traceId, run.spanContext().traceId);
    assert.deepEqual([run.kind, asset.kind, step.kind], [SpanKind.SERVER, SpanKind.INTERNAL, SpanKind.INTERNAL]);
    assert.equal(run.attributes['medallion.run_id'], runId);
    assert.equal(run.attributes['medallion.run.status'], 'succeeded');
    assert.equal(asset.attributes['medallion.asset.key'], 'raw/films');
    assert.equal(asset.attributes['medallion.code_version'], '7');
    assert.equal(asset.attributes['medallion.outcome'], 'materialized');
    assert.equal(asset.attributes['medallion.rows'], 3);
    assert.match(String(asset.attributes['medallion.data_version']), /^[0-9a-f]{64}$/);
    assert.equal(step.attributes['medallion.step.replayed'], false);
  });
});
