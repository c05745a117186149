/**
 * The framework's tracer, from the global OpenTelemetry API: spans are no-ops until an application
 * registers a provider (`setupTelemetry`, called by the entry point, never on import).
 */
import { SpanKind, SpanStatusCode, trace, type Attributes, type Span } from '@opentelemetry/api';
import { errorMessage } from '../errors.ts';

const tracer = trace.getTracer('medallion', '0.1.0');

export interface SpanOptions {
  /** INTERNAL unless given; the kind decides the Application Insights table (see README.md). */
  readonly kind?: SpanKind;
}

/** Runs `fn` inside an active span, recording an exception and error status when it throws. */
export async function withSpan<T>(name: string, attributes: Attributes, fn: (span: Span) => Promise<T>, options: SpanOptions = {}): Promise<T> {
  return tracer.startActiveSpan(name, { attributes, kind: options.kind ?? SpanKind.INTERNAL }, async (span) => {
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

/** Marks a span failed with the error as an exception event (an `exceptions` row in Application Insights). */
export function recordSpanError(span: Span | undefined, error: unknown): void {
  if (span === undefined) return;
  span.recordException(error instanceof Error ? error : new Error(errorMessage(error)));
  span.setStatus({ code: SpanStatusCode.ERROR, message: errorMessage(error) });
}
