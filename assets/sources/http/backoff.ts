/**
 * Retry timing for the HTTP clients: exponential backoff with full jitter (the runtime's policy), the
 * `Retry-After` header, and an abortable sleep. Clock, sleep and random are injectable for exact tests.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { type RetryPolicy } from 'medallion';
import { retryDelayMs } from 'medallion/internal';

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export interface RetryOptions {
  /** Attempts per request, the first included. */
  maxAttempts?: number;
  /** Ceiling of the first retry's delay; each retry doubles it. */
  initialDelayMs?: number;
  maxDelayMs?: number;
  /** A `Retry-After` longer than this ends the retries at once with a `RetryAfterError`. */
  maxRetryAfterMs?: number;
}

export type ResolvedRetry = Required<RetryOptions>;

export const DEFAULT_RETRY: ResolvedRetry = Object.freeze({
  maxAttempts: 5,
  initialDelayMs: 500,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 120_000,
});

export function resolveRetry(options: RetryOptions | undefined): ResolvedRetry {
  const retry = { ...DEFAULT_RETRY, ...options };
  if (!Number.isInteger(retry.maxAttempts) || retry.maxAttempts < 1) throw new RangeError('retry.maxAttempts must be an integer ≥ 1');
  return retry;
}

/** Delay before retry number `retry` (1 for the first): uniform in [0, min(max, initial × 2^(retry−1))]. */
export function backoffDelayMs(retry: ResolvedRetry, retryNumber: number, random: () => number): number {
  return retryDelayMs(policyOf(retry), retryNumber + 1, random);
}

/** The upper bound of that delay, without jitter: what an orchestrator should wait after giving up. */
export function backoffCeilingMs(retry: ResolvedRetry, retryNumber: number): number {
  return retryDelayMs({ ...policyOf(retry), jitter: 'none' }, retryNumber + 1);
}

function policyOf(retry: ResolvedRetry): RetryPolicy {
  return { maxAttempts: retry.maxAttempts, initialDelayMs: retry.initialDelayMs, maxDelayMs: retry.maxDelayMs, factor: 2, jitter: 'full' };
}

/** `Retry-After` as milliseconds from `now`: delta-seconds or an HTTP date; undefined when absent or unparsable. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.round(seconds * 1000));
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** The real sleep: rejects with the signal's reason when aborted. */
export const realSleep: Sleep = async (ms, signal) => {
  if (ms <= 0) {
    signal?.throwIfAborted();
    return;
  }
  try {
    await delay(ms, undefined, signal === undefined ? undefined : { signal });
  } catch (error) {
    // timers/promises rejects with its own AbortError; callers expect the signal's reason, as fetch gives.
    if (signal?.aborted) throw signal.reason;
    throw error;
  }
};
