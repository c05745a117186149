/**
 * The retrying JSON GET both clients are built on: limiter → request → classify → retry or throw. A
 * service profile says how that service reports errors; everything else is shared, including the one rule
 * for a refused credential: 401 or 403 ends the client's work at once (see `createJsonGetter`).
 */
import { setMaxListeners } from 'node:events';
import { STATUS_CODES } from 'node:http';
import { RetryAfterError } from 'medallion';
import { z, type ZodType } from 'zod';
import type { JsonValue } from 'medallion';
import { backoffCeilingMs, backoffDelayMs, parseRetryAfter, type ResolvedRetry, type Sleep } from './backoff.ts';
import { startRequestSpan, type RequestSpan } from './request-span.ts';
import type { RequestLimiter } from './rate-limiter.ts';
import { HttpRefusalError, RequestFailedError, type RefusalReason } from './request-errors.ts';
import type { Redactor } from './redact.ts';
import type { HttpHooks, RequestEvent } from './request-events.ts';
import { sendRequest, type Exchange, type FetchLike } from './send-request.ts';

/** How one service phrases its errors. */
export interface ServiceProfile {
  /** `TMDB` or `Discogs`: the first word of every message. */
  name: string;
  /** What the service said went wrong, from an error body (`status_message`, `message`). */
  explain(body: unknown): string | undefined;
  /** A refused credential the service reports in an error body (TMDB's `status_code` 3 and 7), besides 401 and 403. */
  refusesCredential?(body: unknown): boolean;
  /** What to set to fix an auth failure, naming the environment variables (never their values). */
  authHelp: string;
}

export interface HttpClientConfig extends HttpHooks {
  profile: ServiceProfile;
  baseUrl: string;
  fetch: FetchLike;
  /** Sent with every request; never surfaced anywhere. */
  headers: Record<string, string>;
  /** Credential query parameters (TMDB's `api_key`); appended to the URL, redacted wherever it is shown. */
  authQuery: Record<string, string>;
  redactor: Redactor;
  limiter: RequestLimiter | undefined;
  retry: ResolvedRetry;
  timeoutMs: number;
  signal: AbortSignal | undefined;
  now: () => number;
  sleep: Sleep;
  random: () => number;
}

/**
 * A record as both services send it: checked only to be a JSON object. It was parsed from JSON, so every value
 * is JSON already; walking it again with `z.json()` cost ~0.9 s of a full run (10,000 films' credits).
 */
export const jsonObjectSchema = z.custom<{ [key: string]: JsonValue }>((value) => typeof value === 'object' && value !== null && !Array.isArray(value), 'expected a JSON object');

export type QueryParams = Record<string, string | number | boolean | undefined>;
/** `signal` aborts this call's waits and request (beside the client's own signal): a run's `ctx.signal`. */
export type JsonGetter = <T>(path: string, query: QueryParams, schema: ZodType<T>, signal?: AbortSignal) => Promise<T>;

type Failure =
  | { kind: RefusalReason | 'throttled' | 'unavailable'; status: number; detail: string; retryAfterMs: number | undefined }
  | { kind: 'network' | 'malformed'; status: number | undefined; detail: string; cause?: Error };

type Outcome<T> = { ok: true; value: T } | { ok: false; failure: Failure };

interface Target {
  url: string;
  /** `TMDB GET /movie/popular?page=7`, for messages. */
  label: string;
  /** The full URL with credentials redacted, for hooks and spans. */
  shownUrl: string;
}

/**
 * A GET returning the body validated by `schema`, retried on 429, 5xx, network errors and malformed bodies.
 *
 * A refused credential (401/403) is final for the client, whose credentials never change: the refusal is
 * thrown at once, without a retry; the client's requests in flight and its waits are aborted with the same
 * error; and every later call throws it without sending anything.
 */
export function createJsonGetter(config: HttpClientConfig): JsonGetter {
  const refusal = new AbortController();
  const clientSignal = manyListeners(anySignal([refusal.signal, config.signal]));
  // A run passes the same ctx.signal to thousands of calls: combine it with the client's once, not per call.
  const combined = new WeakMap<AbortSignal, AbortSignal>();
  const signalFor = (callSignal: AbortSignal | undefined): AbortSignal => {
    if (callSignal === undefined) return clientSignal;
    let signal = combined.get(callSignal);
    if (signal === undefined) combined.set(callSignal, (signal = manyListeners(AbortSignal.any([clientSignal, callSignal]))));
    return signal;
  };
  return async <T>(path: string, query: QueryParams, schema: ZodType<T>, callSignal?: AbortSignal): Promise<T> => {
    const signal = signalFor(callSignal);
    const call: HttpClientConfig = { ...config, signal };
    const target = targetOf(config, path, query);
    let delayMs = 0;
    for (let attempt = 1; ; attempt += 1) {
      signal.throwIfAborted();
      const outcome = await runAttempt(call, target, attempt, delayMs, schema);
      if (outcome.ok) return outcome.value;
      signal.throwIfAborted();
      const error = terminalError(config, target.label, outcome.failure, attempt);
      if (outcome.failure.kind === 'auth') refusal.abort(error);
      if (error !== undefined) throw error;
      delayMs = retryDelayMs(config, outcome.failure, attempt);
      await config.sleep(delayMs, signal);
    }
  };
}

/**
 * Each request in flight and each limiter wait listens on the call's signal until it ends (send-request.ts):
 * 32 at once in the sample, which is the design, not the leak Node warns of past 10. Only signals made here,
 * never a caller's own (the refusal's is always among them).
 */
function manyListeners(signal: AbortSignal): AbortSignal {
  setMaxListeners(0, signal);
  return signal;
}

function anySignal(signals: readonly (AbortSignal | undefined)[]): AbortSignal {
  const defined = signals.filter((signal): signal is AbortSignal => signal !== undefined);
  return defined.length === 1 ? defined[0]! : AbortSignal.any(defined);
}

/** One attempt, `delayMs` after the previous one failed (reported on its event and span). */
async function runAttempt<T>(config: HttpClientConfig, target: Target, attempt: number, delayMs: number, schema: ZodType<T>): Promise<Outcome<T>> {
  const permit = await config.limiter?.acquire(config.signal);
  const event: RequestEvent = { service: config.profile.name, method: 'GET', url: target.shownUrl, attempt, waitedMs: permit?.waitedMs ?? 0, retryDelayMs: delayMs };
  config.onRequest?.(event);
  const span: RequestSpan = startRequestSpan(event);
  const started = config.now();
  let exchange: Exchange;
  try {
    exchange = await sendRequest(target.url, config);
  } catch (error) {
    permit?.release(undefined);
    span.end(undefined, 'aborted');
    throw error;
  }
  permit?.release(exchange.status === undefined || exchange.headers === undefined ? undefined : { status: exchange.status, headers: exchange.headers });
  const outcome = interpret(config, exchange, schema);
  const error = outcome.ok ? undefined : outcome.failure.detail;
  config.onResponse?.({ ...event, status: exchange.status, durationMs: config.now() - started, ...(error === undefined ? {} : { error }) });
  span.end(exchange.status, outcome.ok ? undefined : outcome.failure.kind);
  return outcome;
}

function interpret<T>(config: HttpClientConfig, exchange: Exchange, schema: ZodType<T>): Outcome<T> {
  const { redactor } = config;
  if (exchange.kind === 'error') {
    const failure: Failure = { kind: 'network', status: exchange.status, detail: redactor.text(exchange.detail), cause: redactor.error(exchange.cause) };
    return { ok: false, failure };
  }
  const { status } = exchange;
  if (status < 200 || status >= 300) return { ok: false, failure: statusFailure(config, exchange) };
  let json: unknown;
  try {
    json = JSON.parse(exchange.text);
  } catch (error) {
    const detail = redactor.text(`malformed JSON in the ${status} response (${(error as Error).message})`);
    return { ok: false, failure: { kind: 'malformed', status, detail } };
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issues = parsed.error.issues.slice(0, 3).map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
  return { ok: false, failure: { kind: 'malformed', status, detail: redactor.text(`invalid response envelope: ${issues.join('; ')}`) } };
}

function statusFailure(config: HttpClientConfig, exchange: Extract<Exchange, { kind: 'response' }>): Failure {
  const { status } = exchange;
  const body = parseOrUndefined(exchange.text);
  const said = config.profile.explain(body);
  const statusText = exchange.statusText || STATUS_CODES[status] || '';
  const detail = config.redactor.text(`${status} ${statusText}`.trim() + (said === undefined ? '' : ` (${said})`));
  const retryAfterMs = parseRetryAfter(exchange.headers.get('retry-after'), config.now());
  return { kind: statusKind(config.profile, status, body), status, detail, retryAfterMs };
}

function statusKind(profile: ServiceProfile, status: number, body: unknown): Failure['kind'] {
  if (status === 401 || status === 403 || profile.refusesCredential?.(body) === true) return 'auth';
  if (status === 404) return 'not-found';
  if (status === 429) return 'throttled';
  if (status >= 500 || status === 408) return 'unavailable';
  return 'rejected';
}

/** The error to throw after this failure, or undefined to retry. */
function terminalError(config: HttpClientConfig, label: string, failure: Failure, attempt: number): Error | undefined {
  const exhausted = attempt >= config.retry.maxAttempts;
  const attempts = `${attempt} attempt${attempt === 1 ? '' : 's'}`;
  switch (failure.kind) {
    case 'auth':
      return new HttpRefusalError('auth', failure.status, label, `${label} was refused: ${failure.detail}. ${config.profile.authHelp}`);
    case 'not-found':
      return new HttpRefusalError('not-found', failure.status, label, `${label}: not found (${failure.detail})`);
    case 'rejected':
      return new HttpRefusalError('rejected', failure.status, label, `${label} was rejected: ${failure.detail}`);
    case 'throttled': {
      const hint = failure.retryAfterMs;
      if (!exhausted && (hint === undefined || hint <= config.retry.maxRetryAfterMs)) return undefined;
      const waitMs = hint ?? throttleHintMs(config, attempt);
      const message = `${label} failed after ${attempts}: ${failure.detail}; retry in ${(waitMs / 1000).toFixed(1)} s`;
      return new RetryAfterError(message, waitMs);
    }
    default: {
      if (!exhausted) return undefined;
      const cause = 'cause' in failure && failure.cause !== undefined ? { cause: failure.cause } : undefined;
      return new RequestFailedError(label, attempt, failure.status, `${label} failed after ${attempts}: ${failure.detail}`, cause);
    }
  }
}

/** Without `Retry-After`: until the server's window frees (Discogs), or the next backoff's ceiling (TMDB). */
function throttleHintMs(config: HttpClientConfig, attempt: number): number {
  const limiter = config.limiter;
  const hint = limiter?.followsServer ? limiter.delayMs() : backoffCeilingMs(config.retry, attempt);
  return Math.max(1000, hint);
}

function retryDelayMs(config: HttpClientConfig, failure: Failure, attempt: number): number {
  if (failure.kind === 'throttled') {
    if (failure.retryAfterMs !== undefined) return failure.retryAfterMs;
    // The limiter recorded the 429 as a full server window and holds the next attempt until it frees.
    if (config.limiter?.followsServer) return 0;
  }
  return backoffDelayMs(config.retry, attempt, config.random);
}

function targetOf(config: HttpClientConfig, path: string, query: QueryParams): Target {
  const url = new URL(config.baseUrl.replace(/\/+$/, '') + path);
  // Composed aside and assigned once: each `url.searchParams.set` re-serializes the whole URL.
  const params = new URLSearchParams(url.search);
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined) params.set(name, String(value));
  }
  const search = params.toString();
  for (const [name, value] of Object.entries(config.authQuery)) params.set(name, value);
  url.search = params.toString();
  const label = config.redactor.text(`${config.profile.name} GET ${path}${search === '' ? '' : `?${search}`}`);
  return { url: url.href, label, shownUrl: config.redactor.url(url) };
}

function parseOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
