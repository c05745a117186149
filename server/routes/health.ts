/**
 * `GET /healthz` (the process answers) and `GET /readyz` (the lake is reachable: a listing succeeds within
 * a deadline; 503 otherwise, so a load balancer stops sending traffic).
 */
import { Hono } from 'hono';
import { errorMessage } from '../../runtime/index.ts';
import { ApiError } from '../api-error.ts';
import type { AppEnv } from '../app-env.ts';

export interface HealthRoutesOptions {
  /** How long the lake may take to answer before the server is not ready (default 5 s). */
  readonly readinessTimeoutMs?: number;
}

export function healthRoutes(options: HealthRoutesOptions = {}) {
  const routes = new Hono<AppEnv>();
  const timeoutMs = options.readinessTimeoutMs ?? 5_000;

  routes.get('/healthz', (c) => c.json({ status: 'ok' }));

  routes.get('/readyz', async (c) => {
    const { lake } = c.var;
    const started = performance.now();
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      await Promise.race([lake.list('metrics/_runs/'), deadline]);
    } catch (error) {
      throw new ApiError(503, 'LAKE_UNREACHABLE', `The lake at ${lake.location} is not reachable: ${errorMessage(error)}`, { details: { status: 'unavailable' }, cause: error });
    } finally {
      clearTimeout(timer);
    }
    return c.json({ status: 'ready', lake: lake.location, latencyMs: Math.round(performance.now() - started) });
  });

  return routes;
}
