// A loopback OTLP/HTTP trace receiver (OTLP/JSON, what @opentelemetry/exporter-trace-otlp-http posts): every
// span the replicas export, with the `service.instance.id` of the process that recorded it.
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

type OtlpAttribute = { key: string; value: { stringValue?: string; intValue?: string | number; boolValue?: boolean; doubleValue?: number } };
interface OtlpBody {
  resourceSpans?: { resource?: { attributes?: OtlpAttribute[] }; scopeSpans?: { spans?: { traceId: string; name: string; startTimeUnixNano: string; endTimeUnixNano: string; attributes?: OtlpAttribute[] }[] }[] }[];
}

export interface ReceivedSpan {
  readonly name: string;
  readonly traceId: string;
  /** The resource's `service.instance.id`. */
  readonly instance: string | undefined;
  readonly attributes: Readonly<Record<string, string | number | boolean | undefined>>;
  readonly startMs: number;
  readonly endMs: number;
}

export interface OtlpReceiver {
  /** The value for OTEL_EXPORTER_OTLP_ENDPOINT. */
  readonly endpoint: string;
  readonly spans: readonly ReceivedSpan[];
  close(): Promise<void>;
}

export async function startOtlpReceiver(): Promise<OtlpReceiver> {
  const spans: ReceivedSpan[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      try {
        spans.push(...spansOf(JSON.parse(Buffer.concat(chunks).toString('utf8')) as OtlpBody));
        response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      } catch {
        response.writeHead(400).end();
      }
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    spans,
    close: () => new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

function spansOf(body: OtlpBody): ReceivedSpan[] {
  return (body.resourceSpans ?? []).flatMap((resource) => {
    const instance = valueOf(resource.resource?.attributes, 'service.instance.id');
    return (resource.scopeSpans ?? []).flatMap((scope) => (scope.spans ?? []).map((span) => ({
      name: span.name,
      traceId: span.traceId,
      instance: instance === undefined ? undefined : String(instance),
      attributes: Object.fromEntries((span.attributes ?? []).map((attribute) => [attribute.key, valueOf([attribute], attribute.key)])),
      startMs: Number(BigInt(span.startTimeUnixNano) / 1_000_000n),
      endMs: Number(BigInt(span.endTimeUnixNano) / 1_000_000n),
    })));
  });
}

function valueOf(attributes: OtlpAttribute[] | undefined, key: string): string | number | boolean | undefined {
  const value = attributes?.find((attribute) => attribute.key === key)?.value;
  if (value === undefined) return undefined;
  if (value.intValue !== undefined) return Number(value.intValue);
  return value.stringValue ?? value.boolValue ?? value.doubleValue;
}
