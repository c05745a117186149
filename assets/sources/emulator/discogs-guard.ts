/**
 * What stands before Discogs' routes: the per-IP moving-window limit (its three headers on every
 * response, 429 without Retry-After), Cloudflare's User-Agent block (403), and Discogs Auth (401).
 */
import type { Context, MiddlewareHandler } from 'hono';
import { discogsError } from './discogs-responses.ts';
import type { DiscogsService, EmulatorEnv, SharedService } from './emulator-env.ts';
import type { WindowTake } from './rate-limits.ts';

type Credentials = 'valid' | 'invalid' | 'none';

/** Counts every request in the window (refused ones excepted) and reports the window on the response. */
export function discogsRateLimit(service: DiscogsService, shared: SharedService): MiddlewareHandler<EmulatorEnv> {
  return async (c, next) => {
    if (service.limiter === undefined) return next();
    // The authenticated tier is 60 a minute, the anonymous one 25 (research §2.4); one window per source either way.
    const limit = credentialsOf(c, service) === 'valid' ? service.limit : service.unauthenticatedLimit;
    const take = service.limiter.take(shared.clock(), limit);
    if (!take.isAllowed) return withWindow(discogsError(429, 'You are making requests too quickly.'), take);
    await next();
    withWindow(c.res, take);
  };
}

function withWindow(response: Response, take: WindowTake): Response {
  response.headers.set('x-discogs-ratelimit', String(take.limit));
  response.headers.set('x-discogs-ratelimit-used', String(take.used));
  response.headers.set('x-discogs-ratelimit-remaining', String(take.remaining));
  return response;
}

/** Discogs asks every client to identify itself; today Cloudflare answers 403 with an HTML page without one. */
export function requireUserAgent(): MiddlewareHandler<EmulatorEnv> {
  return async (c, next) => {
    if ((c.req.header('user-agent') ?? '').trim() !== '') return next();
    const page = '<!DOCTYPE html><html><head><title>Attention Required! | Cloudflare</title></head><body><h1>Sorry, you have been blocked</h1></body></html>';
    return new Response(page, { status: 403, headers: { 'content-type': 'text/html; charset=UTF-8' } });
  };
}

/** Wrong credentials fail everywhere; missing ones fail on search (or everywhere, with `requireAuth: 'all'`). */
export function discogsAuth(service: DiscogsService): MiddlewareHandler<EmulatorEnv> {
  return async (c, next) => {
    const credentials = credentialsOf(c, service);
    const needsAuth = service.requireAuth === 'all' || c.get('request').path === '/database/search';
    if (credentials === 'invalid' || (credentials === 'none' && needsAuth)) return discogsError(401, 'You must authenticate to access this resource.');
    return next();
  };
}

/** `Authorization: Discogs token=…` or `Discogs key=…, secret=…`, or the same as query parameters. */
function credentialsOf(c: Context<EmulatorEnv>, service: DiscogsService): Credentials {
  const header = c.req.header('authorization') ?? '';
  const token = /^Discogs\s+token=([^\s,]+)/i.exec(header)?.[1] ?? c.req.query('token');
  const pair = /^Discogs\s+key=([^\s,]+),\s*secret=([^\s,]+)/i.exec(header);
  const key = pair?.[1] ?? c.req.query('key');
  const secret = pair?.[2] ?? c.req.query('secret');
  if (token !== undefined) return service.tokens.has(token) ? 'valid' : 'invalid';
  if (key !== undefined || secret !== undefined) return service.consumers.has(`${key}:${secret}`) ? 'valid' : 'invalid';
  return header.trim() === '' ? 'none' : 'invalid';
}
