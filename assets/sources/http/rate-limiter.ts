/**
 * The limiter one client shares across all its calls: a cap on requests in flight (connections) and a
 * moving-window rate, optionally steered by the server's own count read from each response's headers.
 */
import type { Sleep } from './backoff.ts';
import { MovingWindowLimiter, type ServerWindow } from './moving-window-limiter.ts';

export interface RateLimitOptions {
  /** Requests per window. */
  limit?: number;
  windowMs?: number;
  /** Requests in flight at once. */
  concurrency?: number;
  /** Extra wait after a request leaves the window. */
  marginMs?: number;
  /** Count a request from when it was sent, or (safer against a strict server) from when its response came. */
  countFrom?: 'request' | 'response';
}

/** What the fetch loop needs to know about the response it releases a permit with. */
export interface ResponseSignals {
  status: number;
  headers: Headers;
}

export interface RequestPermit {
  /** How long `acquire` waited for this permit. */
  readonly waitedMs: number;
  /** The response arrived (or, with `undefined`, the request failed without one). Call exactly once. */
  release(response: ResponseSignals | undefined): void;
}

export interface RequestLimiter {
  acquire(signal?: AbortSignal): Promise<RequestPermit>;
  /** How long until a request could go: the delay a `RetryAfterError` suggests after a 429. */
  delayMs(): number;
  /** True when this limiter reads the server's count, so a 429 is waited out here, not by backoff. */
  readonly followsServer: boolean;
}

export interface RateLimiterOptions extends Required<RateLimitOptions> {
  now: () => number;
  sleep: Sleep;
  /** Reads the server's window from a response (Discogs' `X-Discogs-Ratelimit*`); omit for TMDB. */
  readServerWindow?: (headers: Headers) => ServerWindow;
}

export function createRateLimiter(options: RateLimiterOptions): RequestLimiter {
  const window = new MovingWindowLimiter({ ...options, probe: options.readServerWindow !== undefined });
  const connections = new Semaphore(options.concurrency);
  const { now, readServerWindow } = options;
  return {
    followsServer: readServerWindow !== undefined,
    delayMs: () => window.delayMs(),
    async acquire(signal) {
      const started = now();
      // The connection first, so a request queued behind others does not hold a slot of the window.
      await connections.acquire(signal);
      try {
        const slot = await window.acquire(signal);
        let released = false;
        return {
          waitedMs: now() - started,
          release(response) {
            if (released) return;
            released = true;
            slot.complete(response === undefined ? undefined : serverWindowOf(response, readServerWindow));
            connections.release();
          },
        };
      } catch (error) {
        connections.release();
        throw error;
      }
    },
  };
}

/** A 429 means the server's window is full, whatever its headers say. */
function serverWindowOf(response: ResponseSignals, read: ((headers: Headers) => ServerWindow) | undefined): ServerWindow | undefined {
  if (read === undefined) return undefined;
  const server = read(response.headers);
  return response.status === 429 ? { ...server, remaining: 0 } : server;
}

class Semaphore {
  readonly #capacity: number;
  #held = 0;
  #waiters: (() => void)[] = [];

  constructor(capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('concurrency must be an integer ≥ 1');
    this.#capacity = capacity;
  }

  async acquire(signal: AbortSignal | undefined): Promise<void> {
    signal?.throwIfAborted();
    if (this.#held < this.#capacity) {
      this.#held += 1;
      return;
    }
    await new Promise<void>((resolve, reject) => {
      const grant = () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      const onAbort = () => {
        this.#waiters = this.#waiters.filter((waiter) => waiter !== grant);
        reject(signal?.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#waiters.push(grant);
    });
  }

  /** Hands the slot straight to the next waiter, so `#held` never dips and a newcomer cannot jump the queue. */
  release(): void {
    const next = this.#waiters.shift();
    if (next === undefined) this.#held -= 1;
    else next();
  }
}
