/**
 * The framework's tracer, from the global OpenTelemetry API: spans are no-ops until an application
 * registers a provider (exporters are configured by the entry point, never on import).
 */
import { SpanStatusCode, trace, type Attributes, type Span } from '@opentelemetry/api';
import { errorMessage } from '../errors.ts';

const tracer = trace.getTracer('medallion', '0.1.0');

/** Runs `fn` inside an active span, recording an exception and error status when it throws. */
export async function withSpan<T>(name: string, attributes: Attributes, fn: (span: Span) => Promise<T>): Promise<T> {
  return tracer.startActiveSpan(name, { attributes }, async (span) => {
    try {
      return await fn(span);
    } catch (error) {
      span.recordException(error instanceof Error ? error : new Error(errorMessage(error)));
      span.setStatus({ code: SpanStatusCode.ERROR, message: errorMessage(error) });
      throw error;
    } finally {
      span.end();
    }
  });
}
