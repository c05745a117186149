/**
 * One OpenTelemetry client span per HTTP attempt (a no-op until the application registers a provider).
 * Its attributes come from the hook event, so they carry the redacted URL and never a header.
 */
import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { RequestEvent } from './request-events.ts';

const tracer = trace.getTracer('medallion.sources', '0.1.0');

export interface RequestSpan {
  /** Ends the span with the response status, and the failure kind when the attempt failed. */
  end(status: number | undefined, failure: string | undefined): void;
}

export function startRequestSpan(event: RequestEvent): RequestSpan {
  const span = tracer.startSpan(`${event.service} ${event.method}`, {
    kind: SpanKind.CLIENT,
    attributes: {
      'http.request.method': event.method,
      'url.full': event.url,
      'http.request.resend_count': event.attempt - 1,
      'medallion.source': event.service,
      'medallion.rate_limit.waited_ms': event.waitedMs,
    },
  });
  return {
    end(status, failure) {
      if (status !== undefined) span.setAttribute('http.response.status_code', status);
      if (failure !== undefined) {
        span.setAttribute('error.type', failure);
        span.setStatus({ code: SpanStatusCode.ERROR });
      }
      span.end();
    },
  };
}
