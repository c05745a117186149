/**
 * W3C trace context for Inngest runs: parse the `traceparent` a caller put in an event (or the executor in
 * its request headers) and stamp the current span's into the events a run sends, so a cascade of runs
 * is one trace. Parsed by hand: no propagator needs to be registered for this to work.
 */
import { ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Attributes, type Context, type Link, type Span, type SpanContext } from '@opentelemetry/api';

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

export function parseTraceparent(value: unknown): SpanContext | undefined {
  if (typeof value !== 'string') return undefined;
  const match = TRACEPARENT.exec(value.trim());
  if (match === null || /^0+$/.test(match[1]!) || /^0+$/.test(match[2]!)) return undefined;
  return { traceId: match[1]!, spanId: match[2]!, traceFlags: Number.parseInt(match[3]!, 16), isRemote: true };
}

/** The `traceparent` of the active span, as an event field (none when no span is recording). */
export function currentTraceparent(): { traceparent?: string } {
  const context = trace.getActiveSpan()?.spanContext();
  if (context === undefined || !trace.isSpanContextValid(context)) return {};
  return { traceparent: `00-${context.traceId}-${context.spanId}-${context.traceFlags.toString(16).padStart(2, '0')}` };
}

/**
 * The context a request runs in: the caller's trace when the triggering event carries one (so an HTTP
 * request, its runs and their downstream runs share a trace), else the executor's `traceparent` header.
 * The other one, when both exist, becomes a link.
 */
export function requestTraceContext(headers: Readonly<Record<string, string>>, body: unknown): { context: Context | undefined; links: Link[] } {
  const fromEvent = parseTraceparent(eventDataOf(body)?.['traceparent']);
  const fromExecutor = parseTraceparent(headers['traceparent']);
  const parent = fromEvent ?? fromExecutor;
  const links = fromEvent !== undefined && fromExecutor !== undefined ? [{ context: fromExecutor }] : [];
  return { context: parent === undefined ? undefined : trace.setSpanContext(ROOT_CONTEXT, parent), links };
}

function eventDataOf(body: unknown): Record<string, unknown> | undefined {
  const event = (body as { event?: { data?: unknown } } | null)?.event;
  return typeof event?.data === 'object' && event.data !== null ? (event.data as Record<string, unknown>) : undefined;
}

const tracer = trace.getTracer('medallion.inngest');

/**
 * Runs `fn` in an active span; `fn` decides how the span ends when it returns (see asset-function.ts).
 * SERVER, as the CLI's run span: each request from the executor is then a request in Application Insights
 * (runtime/telemetry/README.md), its asset and step spans dependencies under it.
 */
export function startFunctionSpan<T>(name: string, attributes: Attributes, links: Link[], fn: (span: Span) => Promise<T>): Promise<T> {
  return tracer.startActiveSpan(name, { kind: SpanKind.SERVER, attributes, links }, fn);
}

export function endSpanWithError(span: Span, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  span.recordException(error instanceof Error ? error : new Error(message));
  span.setStatus({ code: SpanStatusCode.ERROR, message });
  span.end();
}
