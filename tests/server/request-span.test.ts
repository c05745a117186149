// Each API request is a SERVER span that continues the caller's trace and parents the lake operations it
// makes; the webhook's secret (in the query string) never reaches a span; Inngest and health probes get none.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { context, propagation, SpanKind, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { traceStorage } from '../../runtime/internal.ts';
import type { TempLake } from '../support/temp-lake.ts';
import { blobCreatedEventGrid } from './fixtures/event-grid-payloads.ts';
import { createMixedLake, createTestApp, WEBHOOK_SECRET } from './fixtures/test-app.ts';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const CALLER_SPAN_ID = '00f067aa0ba902b7';

describe('request spans', () => {
  const exporter = new InMemorySpanExporter();
  let lake: TempLake;
  before(async () => {
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    propagation.setGlobalPropagator(new W3CTraceContextPropagator()); // what setupTelemetry's provider.register() installs
    trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }));
    lake = await createMixedLake();
  });
  after(async () => {
    trace.disable();
    propagation.disable();
    context.disable();
    await lake.cleanup();
  });
  beforeEach(() => exporter.reset());

  it('continues the caller\'s trace, names the span by route and parents the lake operations', async () => {
    const { app } = createTestApp(lake, { storage: traceStorage(lake.storage) });
    const response = await app.request('/assets/gold/matches', { headers: { traceparent: `00-${TRACE_ID}-${CALLER_SPAN_ID}-01` } });
    assert.equal(response.status, 200);
    const spans = exporter.getFinishedSpans();
    const request = spans.find((span) => span.kind === SpanKind.SERVER);
    assert.ok(request, spans.map((span) => span.name).join(', '));
    assert.match(request.name, /^GET \/assets\//);
    assert.equal(request.spanContext().traceId, TRACE_ID);
    assert.equal(request.parentSpanContext?.spanId, CALLER_SPAN_ID);
    assert.equal(request.attributes['http.response.status_code'], 200);
    const storage = spans.filter((span) => span.name.startsWith('medallion.storage.'));
    assert.ok(storage.length > 0, 'the request read the lake');
    for (const span of storage) assert.equal(span.spanContext().traceId, TRACE_ID);
    assert.ok(storage.some((span) => span.parentSpanContext?.spanId === request.spanContext().spanId));
  });

  it('keeps the webhook secret out of the span', async () => {
    const { app } = createTestApp(lake);
    const response = await app.request(`/webhooks/eventgrid?code=${WEBHOOK_SECRET}`, {
      method: 'POST', headers: { 'Content-Type': 'application/json', 'aeg-event-type': 'Notification' }, body: JSON.stringify([blobCreatedEventGrid()]),
    });
    assert.equal(response.status, 200);
    const [request] = exporter.getFinishedSpans().filter((span) => span.kind === SpanKind.SERVER);
    assert.ok(request);
    assert.equal(new URL(String(request.attributes['url.full'])).pathname, '/webhooks/eventgrid');
    assert.doesNotMatch(JSON.stringify({ name: request.name, attributes: request.attributes, events: request.events }), new RegExp(WEBHOOK_SECRET));
  });

  it('marks server errors and leaves Inngest requests and health probes untraced', async () => {
    const { app } = createTestApp(lake, { sendEvent: 'none' });
    assert.equal((await app.request('/healthz')).status, 200);
    assert.equal((await app.request('/api/inngest', { method: 'PUT' })).status, 503);
    assert.deepEqual(exporter.getFinishedSpans().filter((span) => span.kind === SpanKind.SERVER), []);
    const unknown = await app.request('/assets/no/such/asset');
    assert.equal(unknown.status, 404);
    const [request] = exporter.getFinishedSpans().filter((span) => span.kind === SpanKind.SERVER);
    assert.equal(request?.attributes['http.response.status_code'], 404);
  });
});
