/**
 * `requestLog(log)`: one line per request, method, path, status and time. The query string is left out on
 * purpose: it can carry the webhook secret (`?code=`), and Hono's own `logger()` prints it. A call from Inngest
 * names the function it runs (`fnId`, a slug, never a secret), so the log shows what each call was for.
 */
import type { MiddlewareHandler } from 'hono';

const INNGEST_FUNCTION_ID = /^[A-Za-z0-9._-]{1,200}$/;

export function requestLog(log: (line: string) => void): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const fnId = c.req.query('fnId');
    const fn = fnId !== undefined && INNGEST_FUNCTION_ID.test(fnId) ? ` fn=${fnId}` : '';
    log(`${c.req.method} ${c.req.path}${fn} ${c.res.status} ${Math.round(performance.now() - started)} ms`);
  };
}
