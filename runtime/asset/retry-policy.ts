/**
 * Retry policies: how many attempts an asset gets and how long to wait between them. Exponential backoff
 * with full jitter (AWS's "Exponential Backoff and Jitter"), capped; a RetryAfterError's hint wins.
 */

export interface RetryPolicy {
  /** Total attempts including the first; 1 means no retry. */
  readonly maxAttempts: number;
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
  readonly factor: number;
  readonly jitter: 'full' | 'none';
}

/** A retry policy as an asset states it: any field left out takes the default. */
export type RetryPolicyOptions = Partial<RetryPolicy>;

/** The retry policy of an asset that states none: 3 attempts, waiting from 250 ms up to 30 s between them. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = Object.freeze({
  maxAttempts: 3,
  initialDelayMs: 250,
  maxDelayMs: 30_000,
  factor: 2,
  jitter: 'full',
});

export function resolveRetryPolicy(options: RetryPolicyOptions | undefined): RetryPolicy {
  return Object.freeze({ ...DEFAULT_RETRY_POLICY, ...options });
}

/** Returns why the policy is unusable, or undefined. */
export function invalidRetryPolicyReason(policy: RetryPolicy): string | undefined {
  if (!Number.isInteger(policy.maxAttempts) || policy.maxAttempts < 1) return 'maxAttempts must be an integer ≥ 1';
  if (!(policy.initialDelayMs >= 0) || !(policy.maxDelayMs >= policy.initialDelayMs)) {
    return 'delays must satisfy 0 ≤ initialDelayMs ≤ maxDelayMs';
  }
  if (!(policy.factor >= 1)) return 'factor must be ≥ 1';
  return undefined;
}

/**
 * Delay before attempt `nextAttempt` (2 for the first retry). `random` is injectable so tests are exact.
 */
export function retryDelayMs(policy: RetryPolicy, nextAttempt: number, random: () => number = Math.random): number {
  const exponent = Math.max(0, nextAttempt - 2);
  const ceiling = Math.min(policy.maxDelayMs, policy.initialDelayMs * policy.factor ** exponent);
  return policy.jitter === 'full' ? Math.round(random() * ceiling) : Math.round(ceiling);
}
