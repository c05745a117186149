/**
 * `requestSpan()`: a SERVER span per API request (`GET /assets/:key`), so the lake operations a request makes
 * have a parent and each request is a row in Application Insights' requests. Built on `@hono/otel`, with two
 * changes: the query string is dropped from `url.full` (the Event Grid webhook carries its secret in `?code=`),
 * and `/api/inngest` and the health probes get no span: Inngest requests have their own `medallion.function`
 * span in the run's trace, and probes every few seconds would drown the requests table.
 */
import { httpInstrumentationMiddleware } from '@hono/otel';
import { trace } from '@opentelemetry/api';
import type { MiddlewareHandler } from 'hono';

const UNTRACED = new Set(['/api/inngest', '/healthz', '/readyz']);
const ATTR_URL_FULL = 'url.full';

export function requestSpan(): MiddlewareHandler {
  const instrument = httpInstrumentationMiddleware({ captureActiveRequests: false });
  return async (c, next) => {
    if (UNTRACED.has(c.req.path)) return next();
    return instrument(c, async () => {
      const url = new URL(c.req.url);
      trace.getActiveSpan()?.setAttribute(ATTR_URL_FULL, `${url.origin}${url.pathname}`);
      await next();
    });
  };
}
