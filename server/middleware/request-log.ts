/**
 * `requestLog(log)`: one line per request, method, path, status and time. The query string is left out on
 * purpose: it can carry the webhook secret (`?code=`), and Hono's own `logger()` prints it.
 */
import type { MiddlewareHandler } from 'hono';

export function requestLog(log: (line: string) => void): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    await next();
    log(`${c.req.method} ${c.req.path} ${c.res.status} ${Math.round(performance.now() - started)} ms`);
  };
}
