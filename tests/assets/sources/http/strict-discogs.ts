// A Discogs search fake that enforces its moving window strictly: more than `limit` arrivals within
// `windowMs` get a 429 (no Retry-After, as the live service). It sends the X-Discogs-Ratelimit headers.
import { Hono } from 'hono';
import { discogsPage } from './scripted-fetch.ts';

export interface StrictDiscogsOptions {
  limit: number;
  windowMs: number;
  now: () => number;
  /** Time between counting a request and answering it; `delay` waits it (virtual or real). */
  latencyMs?: number;
  delay?: (ms: number) => Promise<void>;
}

export function createStrictDiscogs(options: StrictDiscogsOptions) {
  const { limit, windowMs, now } = options;
  const counted: number[] = [];
  const stats = { arrivals: [] as number[], throttled: 0, maxInWindow: 0 };
  const app = new Hono();
  app.get('/database/search', async (c) => {
    const at = now();
    while (counted.length > 0 && counted[0]! <= at - windowMs) counted.shift();
    stats.arrivals.push(at);
    const full = counted.length >= limit;
    if (!full) counted.push(at);
    stats.maxInWindow = Math.max(stats.maxInWindow, counted.length);
    const headers = {
      'x-discogs-ratelimit': String(limit),
      'x-discogs-ratelimit-used': String(counted.length),
      'x-discogs-ratelimit-remaining': String(limit - counted.length),
    };
    if (full) {
      stats.throttled += 1;
      return c.json({ message: 'You are making requests too quickly.' }, 429, headers);
    }
    if (options.latencyMs) await options.delay?.(options.latencyMs);
    return c.json(discogsPage(Number(c.req.query('page') ?? 1)), 200, headers);
  });
  /** Requests by other clients of the same token, counted at `at`. */
  const addForeign = (...at: number[]) => counted.push(...at);
  return { app, stats, addForeign };
}
