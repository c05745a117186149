/**
 * One OpenTelemetry client span per HTTP attempt (a no-op until the application registers a provider).
 * Its attributes come from the hook event, so they carry the redacted URL and never a header; their names
 * and types are the documented ones (runtime/telemetry/span-attributes.ts), which the workbook's queries use.
 */
import {
  ATTR_ERROR_TYPE, ATTR_HTTP_REQUEST_METHOD, ATTR_HTTP_REQUEST_RESEND_COUNT, ATTR_HTTP_RESPONSE_STATUS_CODE, ATTR_RATE_LIMIT_WAITED_MS,
  ATTR_RETRY_DELAY_MS, ATTR_SOURCE, ATTR_URL_FULL, markSpanFailed, SPAN_KIND, startSpan,
} from 'medallion/internal';
import type { RequestEvent } from './request-events.ts';

export interface RequestSpan {
  /** Ends the span with the response status, and the failure kind when the attempt failed. */
  end(status: number | undefined, failure: string | undefined): void;
}

export function startRequestSpan(event: RequestEvent): RequestSpan {
  const span = startSpan(`${event.service} ${event.method}`, {
    [ATTR_HTTP_REQUEST_METHOD]: event.method,
    [ATTR_URL_FULL]: event.url,
    [ATTR_HTTP_REQUEST_RESEND_COUNT]: event.attempt - 1,
    [ATTR_SOURCE]: event.service,
    // Whole milliseconds: declared `int`, and an injected clock may return fractions.
    [ATTR_RATE_LIMIT_WAITED_MS]: Math.round(event.waitedMs),
    [ATTR_RETRY_DELAY_MS]: Math.round(event.retryDelayMs),
  }, { kind: SPAN_KIND.CLIENT, tracer: 'medallion.sources' });
  return {
    end(status, failure) {
      if (status !== undefined) span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, status);
      if (failure !== undefined) {
        span.setAttribute(ATTR_ERROR_TYPE, failure);
        markSpanFailed(span);
      }
      span.end();
    },
  };
}
