// The documented span attributes (runtime/telemetry/span-attributes.ts), checked against the spans a real run
// emits: a small graph whose source asset calls a TMDB-like loopback server through the real client (a 429
// with Retry-After, then 200, under a one-request window), materialized twice over a traced local lake, into
// an in-memory exporter. Every documented attribute must appear on each kind of span it is documented for,
// with its declared type, and no span may carry an attribute the list does not document for it. The
// workbook's queries (infra/queries/) rely on exactly these names and types.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { context, SpanKind, trace, type AttributeValue } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { z } from 'zod';
import { createTmdbClient } from '../../../assets/sources/tmdb-client.ts';
import { createAssetGraph, defineAsset, materialize, type Storage } from '../../../runtime/index.ts';
import { SPAN_ATTRIBUTES, traceStorage, type DocumentedSpan, type SpanAttributeType } from '../../../runtime/internal.ts';
import * as names from '../../../runtime/telemetry/span-attributes.ts';
import { createTempLake, type TempLake } from '../../support/temp-lake.ts';
import { createVirtualClock } from '../../assets/sources/http/virtual-clock.ts';

const API_KEY = 'loopback-tmdb-key';

/** TMDB's genre list, refused once with 429 and `Retry-After: 0.02` (20 ms), then served. */
function startTmdbLike(): Promise<{ server: Server; baseUrl: string; hits: () => number }> {
  let hits = 0;
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== '/3/genre/movie/list' || url.searchParams.get('api_key') !== API_KEY) {
      response.writeHead(404, { 'content-type': 'application/json' }).end('{"status_code":34,"status_message":"not found"}');
      return;
    }
    hits += 1;
    if (hits === 1) {
      response.writeHead(429, { 'content-type': 'application/json', 'retry-after': '0.02' }).end('{"status_code":25,"status_message":"over the limit"}');
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ genres: [{ id: 28, name: 'Action' }, { id: 35, name: 'Comedy' }] }));
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve({ server, baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/3`, hits: () => hits }));
  });
}

function createGraph(baseUrl: string, namesCodeVersion: string) {
  // One request per 300 ms: the retry, 20 ms after the 429, waits in the limiter for the rest of the window.
  // On a virtual clock, so a slow machine cannot let the window pass while the 429 is still on its way.
  const clock = createVirtualClock();
  const tmdb = createTmdbClient({ apiKey: API_KEY, baseUrl, now: clock.now, sleep: clock.sleep, rateLimit: { limit: 1, windowMs: 300, concurrency: 1 }, retry: { maxAttempts: 3 } });
  const genres = defineAsset({
    key: 'raw/genres',
    schema: z.object({ id: z.int(), name: z.string() }),
    codeVersion: '1',
    async materialize(ctx) {
      const rows = await ctx.step('fetch-genres', async () => (await tmdb.genres()).genres as { id: number; name: string }[]);
      return { rows };
    },
  });
  const genreNames = defineAsset({
    key: 'intermediate/genre_names',
    deps: { genres },
    schema: z.object({ name: z.string() }),
    codeVersion: namesCodeVersion,
    async materialize(_ctx, { genres: input }) {
      return { rows: (await input.rows()).map(({ name }) => ({ name })) };
    },
  });
  return createAssetGraph([genres, genreNames]);
}

/** The documented span a finished span is, by name and kind. */
function documentedSpanOf(span: ReadableSpan): DocumentedSpan | undefined {
  if (span.name === names.SPAN_RUN) return 'run';
  if (span.name.startsWith(`${names.SPAN_MATERIALIZE} `)) return 'materialize';
  if (span.name.startsWith(`${names.SPAN_STEP} `)) return 'step';
  if (span.name.startsWith(`${names.SPAN_STORAGE}.`)) return 'storage';
  if (span.kind === SpanKind.CLIENT && span.instrumentationScope.name === 'medallion.sources') return 'http';
  return undefined;
}

function hasType(value: AttributeValue | undefined, type: SpanAttributeType): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'int':
      return typeof value === 'number' && Number.isInteger(value);
    case 'double':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'string[]':
      return Array.isArray(value) && value.every((item) => typeof item === 'string');
  }
}

describe('documented span attributes on the spans of a real run', () => {
  const exporter = new InMemorySpanExporter();
  let lake: TempLake;
  let tmdb: Awaited<ReturnType<typeof startTmdbLike>>;
  let spans: ReadableSpan[] = [];
  before(async () => {
    trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }));
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    lake = await createTempLake();
    tmdb = await startTmdbLike();
    const storage: Storage = traceStorage(lake.storage);
    const first = await materialize({ graph: createGraph(tmdb.baseUrl, '1'), storage });
    assert.equal(first.summary.status, 'succeeded');
    // A new code version downstream: the second run materializes it again, stale for a reason.
    const second = await materialize({ graph: createGraph(tmdb.baseUrl, '2'), storage });
    assert.deepEqual(second.summary.outcomes.map((outcome) => [outcome.asset, outcome.type]), [['raw/genres', 'skipped'], ['intermediate/genre_names', 'materialized']]);
    // The storage operations a run may not happen to make: a list, a delete, and a failed create-once.
    await storage.put('metrics/probe.json', '{}', { ifNoneMatch: '*' });
    await assert.rejects(storage.put('metrics/probe.json', '{}', { ifNoneMatch: '*' }), { code: 'STORAGE_CONFLICT' });
    await storage.list('metrics/');
    await storage.delete('metrics/probe.json');
    spans = exporter.getFinishedSpans().slice();
  });
  after(async () => {
    trace.disable();
    context.disable();
    await new Promise((resolve) => tmdb.server.close(resolve));
    await lake.cleanup();
  });

  it('documents every ATTR_ constant, and only those', () => {
    const constants = Object.entries(names).filter(([name]) => name.startsWith('ATTR_')).map(([, value]) => value as string);
    assert.deepEqual(Object.keys(SPAN_ATTRIBUTES).sort(), [...constants].sort());
  });

  it('emits only documented spans', () => {
    assert.deepEqual(spans.filter((span) => documentedSpanOf(span) === undefined).map((span) => span.name), []);
  });

  it('puts each documented attribute on every kind of span it is documented for, with its declared type', () => {
    const problems: string[] = [];
    for (const [key, spec] of Object.entries(SPAN_ATTRIBUTES)) {
      for (const kind of spec.spans) {
        const carrying = spans.filter((span) => documentedSpanOf(span) === kind && key in span.attributes);
        if (carrying.length === 0) problems.push(`${key}: on no ${kind} span`);
        for (const span of carrying) {
          const value = span.attributes[key];
          if (!hasType(value, spec.type)) problems.push(`${key} on "${span.name}": ${JSON.stringify(value)} is not ${spec.type}`);
        }
        if (spec.type === 'string[]' && !carrying.some((span) => (span.attributes[key] as unknown[]).length > 0)) problems.push(`${key}: never a non-empty list on a ${kind} span`);
      }
    }
    assert.deepEqual(problems, []);
  });

  it('puts no attribute on a span that the list does not document for that span', () => {
    const problems = new Set<string>();
    for (const span of spans) {
      const kind = documentedSpanOf(span);
      for (const key of Object.keys(span.attributes)) {
        if (kind === undefined || !SPAN_ATTRIBUTES[key]?.spans.includes(kind)) problems.add(`${key} on a ${kind ?? span.name} span`);
      }
    }
    assert.deepEqual([...problems], []);
  });

  it('reports the source, the throttled attempt, the retry\'s delay and its wait for the rate limiter on the HTTP spans', () => {
    assert.equal(tmdb.hits(), 2, 'the source was called twice: refused, then served');
    const http = spans.filter((span) => documentedSpanOf(span) === 'http').sort((a, b) => Number(a.attributes[names.ATTR_HTTP_REQUEST_RESEND_COUNT]) - Number(b.attributes[names.ATTR_HTTP_REQUEST_RESEND_COUNT]));
    assert.equal(http.length, 2);
    const [throttled, retried] = http as [ReadableSpan, ReadableSpan];
    assert.equal(throttled.name, 'TMDB GET');
    assert.deepEqual(
      [names.ATTR_SOURCE, names.ATTR_HTTP_REQUEST_RESEND_COUNT, names.ATTR_HTTP_RESPONSE_STATUS_CODE, names.ATTR_ERROR_TYPE, names.ATTR_RETRY_DELAY_MS].map((key) => throttled.attributes[key]),
      ['TMDB', 0, 429, 'throttled', 0],
    );
    assert.deepEqual(
      [names.ATTR_SOURCE, names.ATTR_HTTP_REQUEST_RESEND_COUNT, names.ATTR_HTTP_RESPONSE_STATUS_CODE, names.ATTR_ERROR_TYPE, names.ATTR_RETRY_DELAY_MS].map((key) => retried.attributes[key]),
      ['TMDB', 1, 200, undefined, 20],
    );
    assert.ok(Number(retried.attributes[names.ATTR_RATE_LIMIT_WAITED_MS]) > 0, 'the retry waited for the one-request window');
    assert.equal(throttled.attributes[names.ATTR_URL_FULL], `${tmdb.baseUrl}/genre/movie/list?api_key=***`);
    const step = spans.find((span) => span.name === `${names.SPAN_STEP} fetch-genres`)!;
    assert.ok(http.every((span) => span.parentSpanContext?.spanId === step.spanContext().spanId), 'the HTTP spans are children of the step');
  });

  it('gives the materialize spans their layer, run, rows and stale causes', () => {
    const runs = spans.filter((span) => span.name === names.SPAN_RUN);
    const materialized = spans.filter((span) => documentedSpanOf(span) === 'materialize');
    assert.deepEqual(materialized.map((span) => [span.attributes[names.ATTR_ASSET_KEY], span.attributes[names.ATTR_ASSET_LAYER], span.attributes[names.ATTR_ROWS]]), [
      ['raw/genres', 'raw', 2], ['intermediate/genre_names', 'intermediate', 2], ['intermediate/genre_names', 'intermediate', 2],
    ]);
    assert.deepEqual(materialized.map((span) => span.attributes[names.ATTR_RUN_ID]), [runs[0]!, runs[0]!, runs[1]!].map((run) => run.attributes[names.ATTR_RUN_ID]));
    assert.ok((materialized[2]!.attributes[names.ATTR_STALE_CAUSES] as string[]).some((cause) => cause.startsWith('code: ')), 'the second run says the code version changed');
  });
});
