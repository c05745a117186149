import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { context, SpanKind, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { z } from 'zod';
import { createAssetGraph, defineAsset } from '../../runtime/index.ts';
import { driveRun } from '../support/inngest-harness.ts';
import { createInngestFixture, requested } from './inngest-fixture.ts';

const CALLER_TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const CALLER_SPAN = '00f067aa0ba902b7';
const EXECUTOR_TRACE = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';

describe('telemetry of asset functions', () => {
  const exporter = new InMemorySpanExporter();
  before(() => {
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }));
  });
  after(() => { trace.disable(); context.disable(); });

  const films = defineAsset({ key: 'raw/films', schema: z.object({ id: z.int() }), codeVersion: '1', async materialize(ctx) {
    const ids = await ctx.step('fetch-page-1', async () => trace.getTracer('test').startActiveSpan('GET /discover/movie', (span) => { span.end(); return [1, 2]; }));
    return { rows: ids.map((id) => ({ id })) };
  } });

  it("nests function, asset and step spans under each request of the run, in the caller's trace, and passes the trace on", async () => {
    exporter.reset();
    const fixture = await createInngestFixture(createAssetGraph([films]));
    try {
      const event = requested('raw/films', { traceparent: `00-${CALLER_TRACE}-${CALLER_SPAN}-01` });
      const run = await driveRun(fixture.app, {
        fnId: 'medallion-test-materialize-raw-films', event, maxAttempts: 3,
        headers: { traceparent: `00-${EXECUTOR_TRACE}-1111111111111111-01` },
      });
      assert.equal(run.status, 'completed', run.trace.join('\n'));
      const spans = exporter.getFinishedSpans();
      const named = (prefix: string) => spans.filter((span) => span.name.startsWith(prefix));
      const parentOf = (span: ReadableSpan) => spans.find((other) => other.spanContext().spanId === span.parentSpanContext?.spanId);
      assert.ok(spans.every((span) => span.spanContext().traceId === CALLER_TRACE), spans.map((span) => `${span.name} ${span.spanContext().traceId}`).join('\n'));
      const functions = named('medallion.function materialize-raw-films');
      assert.equal(functions.length, run.trace.length, 'one function span per request');
      for (const span of functions) {
        assert.equal(parentOf(span)?.name, 'inngest.execution');
        assert.equal(parentOf(parentOf(span)!)?.name, undefined, 'the execution span hangs off the caller span');
        assert.equal(parentOf(span)!.parentSpanContext?.spanId, CALLER_SPAN);
        assert.equal(span.links[0]?.context.traceId, EXECUTOR_TRACE, "linked to the executor's trace");
        assert.equal(span.kind, SpanKind.SERVER, 'each request from the executor is a request in Application Insights');
      }
      const materialize = named('medallion.materialize raw/films');
      assert.ok(materialize.length >= 1 && materialize.every((span) => parentOf(span)?.name === 'medallion.function materialize-raw-films'));
      const step = named('medallion.step fetch-page-1');
      assert.ok(step.length >= 1 && step.every((span) => parentOf(span)?.name === 'medallion.materialize raw/films'));
      const http = named('GET /discover/movie');
      assert.equal(http.length, 1, 'the step body ran once');
      assert.equal(parentOf(http[0]!)?.name, 'medallion.step fetch-page-1');
      const committed = materialize.find((span) => span.attributes['medallion.outcome'] === 'materialized');
      assert.ok(committed, 'the request that committed records the outcome');
      const [announced] = fixture.fake.sent;
      assert.match(String(announced?.data['traceparent']), new RegExp(`^00-${CALLER_TRACE}-[0-9a-f]{16}-01$`), 'downstream runs join the same trace');
    } finally {
      await fixture.cleanup();
    }
  });

  it("joins the executor's trace when the event carries none", async () => {
    exporter.reset();
    const fixture = await createInngestFixture(createAssetGraph([films]));
    try {
      const run = await driveRun(fixture.app, {
        fnId: 'medallion-test-materialize-raw-films', event: requested('raw/films'), maxAttempts: 3,
        headers: { traceparent: `00-${EXECUTOR_TRACE}-2222222222222222-01` },
      });
      assert.equal(run.status, 'completed');
      const spans = exporter.getFinishedSpans();
      assert.ok(spans.length > 0 && spans.every((span) => span.spanContext().traceId === EXECUTOR_TRACE));
    } finally {
      await fixture.cleanup();
    }
  });
});
