/**
 * The framework's tracer, over the global OpenTelemetry API: spans are no-ops until an application registers
 * a provider (`setupTelemetry`, called by the entry point, never on import). The API itself (46 modules) is
 * loaded only once a provider is registered: a command that exports nothing never pays for it.
 */
import { createRequire } from 'node:module';
import type { Attributes, Span, SpanKind } from '@opentelemetry/api';
import { errorMessage } from '../errors.ts';

type OpenTelemetryApi = typeof import('@opentelemetry/api');

// Where every copy of @opentelemetry/api 1.x keeps its global providers (its global-utils.ts); a provider
// registered by anyone, by setupTelemetry or a test's `provider.register()`, sets `trace` there.
const GLOBAL_API_KEY = Symbol.for('opentelemetry.js.api.1');
const require = createRequire(import.meta.url);
let api: OpenTelemetryApi | undefined;

/** The API once a tracer provider is registered; undefined while none is (spans are then not made at all). */
export function tracingApi(): OpenTelemetryApi | undefined {
  if (api !== undefined) return api;
  const globals = (globalThis as Record<symbol, { trace?: unknown } | undefined>)[GLOBAL_API_KEY];
  if (globals?.trace === undefined) return undefined;
  // Synchronous, so a span can start where the code is; the API's CommonJS build is what `import` loads too.
  api = require('@opentelemetry/api') as OpenTelemetryApi;
  return api;
}

/** The span kinds and the error status, as the API's enums number them (so using them loads nothing). */
export const SPAN_KIND = { INTERNAL: 0 as SpanKind, SERVER: 1 as SpanKind, CLIENT: 2 as SpanKind } as const;
const STATUS_ERROR = 2;

export interface SpanOptions {
  /** INTERNAL unless given; the kind decides the Application Insights table (see README.md). */
  readonly kind?: SpanKind;
  /** The tracer's name (default `medallion`). */
  readonly tracer?: string;
}

/** Runs `fn` inside an active span, recording an exception and error status when it throws. */
export async function withSpan<T>(name: string, attributes: Attributes, fn: (span: Span) => Promise<T>, options: SpanOptions = {}): Promise<T> {
  const otel = tracingApi();
  if (otel === undefined) return fn(NOT_RECORDING);
  return otel.trace.getTracer(options.tracer ?? 'medallion', '0.1.0').startActiveSpan(name, { attributes, kind: options.kind ?? SPAN_KIND.INTERNAL }, async (span) => {
    try {
      return await fn(span);
    } catch (error) {
      recordSpanError(span, error);
      throw error;
    } finally {
      span.end();
    }
  });
}

/** Starts a span that is not made active (the caller ends it): one per HTTP attempt, for example. */
export function startSpan(name: string, attributes: Attributes, options: SpanOptions = {}): Span {
  const otel = tracingApi();
  if (otel === undefined) return NOT_RECORDING;
  return otel.trace.getTracer(options.tracer ?? 'medallion', '0.1.0').startSpan(name, { attributes, kind: options.kind ?? SPAN_KIND.INTERNAL });
}

/** The active span, if tracing is on and one is active. */
export function activeSpan(): Span | undefined {
  return tracingApi()?.trace.getActiveSpan();
}

/** Marks a span failed (with the error as an exception event when given: an `exceptions` row in Application Insights). */
export function recordSpanError(span: Span | undefined, error: unknown): void {
  if (span === undefined) return;
  span.recordException(error instanceof Error ? error : new Error(errorMessage(error)));
  markSpanFailed(span, errorMessage(error));
}

/** Sets a span's status to error, with a message when given. */
export function markSpanFailed(span: Span, message?: string): void {
  span.setStatus(message === undefined ? { code: STATUS_ERROR } : { code: STATUS_ERROR, message });
}

/** What the callbacks get while tracing is off: a span that records nothing. */
const NOT_RECORDING: Span = {
  spanContext: () => ({ traceId: '00000000000000000000000000000000', spanId: '0000000000000000', traceFlags: 0 }),
  setAttribute: () => NOT_RECORDING,
  setAttributes: () => NOT_RECORDING,
  addEvent: () => NOT_RECORDING,
  addLink: () => NOT_RECORDING,
  addLinks: () => NOT_RECORDING,
  setStatus: () => NOT_RECORDING,
  updateName: () => NOT_RECORDING,
  end: () => undefined,
  isRecording: () => false,
  recordException: () => undefined,
};
