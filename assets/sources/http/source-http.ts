/**
 * The options both source clients take (transport, limiter, retries, hooks, injectable time) and how they
 * become one shared JSON getter per client: one limiter for all its calls, one redactor for its secrets.
 */
import { realSleep, resolveRetry, type RetryOptions, type Sleep } from './backoff.ts';
import { createJsonGetter, type JsonGetter, type ServiceProfile } from './fetch-json.ts';
import { createRateLimiter, type RateLimitOptions, type RequestLimiter } from './rate-limiter.ts';
import { createRedactor } from './redact.ts';
import type { HttpHooks } from './request-events.ts';
import type { ServerWindow } from './moving-window-limiter.ts';
import type { FetchLike } from './send-request.ts';

export interface SourceClientOptions extends HttpHooks {
  /** The service's API root; defaults to the real service. */
  baseUrl?: string;
  /** Defaults to `globalThis.fetch`; pass an in-process emulator's fetch to serve the same client locally. */
  fetch?: FetchLike;
  /** `false` turns client-side throttling off (for an in-process emulator). */
  rateLimit?: RateLimitOptions | false;
  retry?: RetryOptions;
  /** Per attempt. Default 30 s. */
  timeoutMs?: number;
  /** Aborts waits and requests; the abort reason is thrown as is, never retried. */
  signal?: AbortSignal;
  /** Clock, sleep and random for the limiter and the backoff; tests inject them. */
  now?: () => number;
  sleep?: Sleep;
  random?: () => number;
}

/** What a service client fixes: how it authenticates, how it reports errors, how fast it may be called. */
export interface ServiceSetup {
  profile: ServiceProfile;
  baseUrl: string;
  headers: Record<string, string>;
  authQuery: Record<string, string>;
  /** Every credential value, so no message, hook or span can carry one. */
  secrets: readonly string[];
  rateLimit: Required<RateLimitOptions>;
  readServerWindow?: (headers: Headers) => ServerWindow;
}

export interface SourceHttp {
  getJson: JsonGetter;
  limiter: RequestLimiter | undefined;
}

export const DEFAULT_TIMEOUT_MS = 30_000;

export function createSourceHttp(options: SourceClientOptions, setup: ServiceSetup): SourceHttp {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? realSleep;
  const random = options.random ?? Math.random;
  const limiter = options.rateLimit === false
    ? undefined
    : createRateLimiter({ ...setup.rateLimit, ...definedOnly(options.rateLimit ?? {}), now, sleep, readServerWindow: setup.readServerWindow });
  const getJson = createJsonGetter({
    profile: setup.profile,
    baseUrl: options.baseUrl ?? setup.baseUrl,
    fetch: options.fetch ?? ((input, init) => fetch(input, init)),
    headers: setup.headers,
    authQuery: setup.authQuery,
    redactor: createRedactor(setup.secrets),
    limiter,
    retry: resolveRetry(options.retry),
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    signal: options.signal,
    now,
    sleep,
    random,
    onRequest: options.onRequest,
    onResponse: options.onResponse,
  });
  return { getJson, limiter };
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as Partial<T>;
}
