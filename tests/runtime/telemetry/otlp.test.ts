import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { setupTelemetry } from '../../../runtime/index.ts';
import { createTempLake, type TempLake } from '../../support/temp-lake.ts';
import { SOURCE_SECRET, runScenario } from './telemetry-scenario.ts';

interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: { key: string; value: { stringValue?: string; intValue?: string | number; boolValue?: boolean } }[];
}
interface OtlpRequest {
  path: string;
  contentType: string | undefined;
  body: { resourceSpans: { resource: { attributes: OtlpSpan['attributes'] }; scopeSpans: { spans: OtlpSpan[] }[] }[] };
}

// OTLP's SpanKind numbering (SPAN_KIND_INTERNAL = 1, SERVER = 2, CLIENT = 3).
const INTERNAL = 1;
const SERVER = 2;
const CLIENT = 3;

const attribute = (span: OtlpSpan, key: string) => {
  const value = span.attributes.find((entry) => entry.key === key)?.value;
  return value?.stringValue ?? value?.intValue ?? value?.boolValue;
};

describe('export over OTLP/HTTP', () => {
  const received: OtlpRequest[] = [];
  let server: Server;
  let lake: TempLake;
  let exporters: readonly string[];
  before(async () => {
    server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        received.push({ path: request.url ?? '', contentType: request.headers['content-type'], body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as OtlpRequest['body'] });
        response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    lake = await createTempLake();
    const { port } = server.address() as AddressInfo;
    const telemetry = await setupTelemetry({ OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${port}/`, OTEL_RESOURCE_ATTRIBUTES: 'service.namespace=staging' });
    exporters = telemetry.exporters;
    await runScenario(lake.storage);
    await telemetry.shutdown();
  });
  after(async () => {
    server.close();
    await lake.cleanup();
  });

  it('posts OTLP/JSON to the endpoint\'s /v1/traces', () => {
    assert.deepEqual(exporters, ['otlp']);
    assert.ok(received.length > 0);
    assert.ok(received.every((request) => request.path === '/v1/traces' && request.contentType === 'application/json'));
  });

  it('keeps the run, asset, step and HTTP spans in one trace, parent to child, with their kinds', () => {
    const spans = received.flatMap((request) => request.body.resourceSpans.flatMap((resource) => resource.scopeSpans.flatMap((scope) => scope.spans)));
    const find = (name: string) => {
      const span = spans.find((candidate) => candidate.name === name);
      assert.ok(span, `no span "${name}" among ${spans.map((candidate) => candidate.name).join(', ')}`);
      return span;
    };
    const run = find('medallion.run');
    const asset = find('medallion.materialize raw/genres');
    const step = find('medallion.step fetch-genres');
    const http = spans.find((span) => span.name === 'TMDB GET' && String(attribute(span, 'url.full')).includes('/genre/movie/list'))!;
    assert.deepEqual([run.kind, asset.kind, step.kind, http.kind], [SERVER, INTERNAL, INTERNAL, CLIENT]);
    assert.ok(!run.parentSpanId, 'the run is the root');
    assert.equal(asset.parentSpanId, run.spanId);
    assert.equal(step.parentSpanId, asset.spanId);
    assert.equal(http.parentSpanId, step.spanId);
    assert.equal(String(attribute(http, 'url.full')), 'https://tmdb.test/3/genre/movie/list?api_key=***');
    assert.ok(spans.every((span) => span.traceId === run.traceId));
    assert.equal(attribute(asset, 'medallion.asset.key'), 'raw/genres');
    assert.equal(String(attribute(asset, 'medallion.rows')), '2');
    assert.ok(spans.some((span) => span.name === 'medallion.storage.put' && span.parentSpanId === asset.spanId));
  });

  it('describes the service in the resource, and sends no secret', () => {
    const resource = received[0]!.body.resourceSpans[0]!.resource;
    const value = (key: string) => resource.attributes.find((entry) => entry.key === key)?.value.stringValue;
    assert.equal(value('service.name'), 'medallion');
    assert.equal(value('service.namespace'), 'staging');
    assert.match(value('service.instance.id')!, new RegExp(`/${process.pid}$`));
    assert.ok(!JSON.stringify(received).includes(SOURCE_SECRET));
  });
});
