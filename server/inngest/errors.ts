/**
 * The runtime's errors in Inngest's terms: RetryAfterError and NonRetriableError become Inngest's own, so
 * its executor delays or stops retrying; other failures are retried after the asset policy's backoff.
 */
import { NonRetriableError as InngestNonRetriableError, RetryAfterError as InngestRetryAfterError, StepError } from 'inngest';
import { ConfigError, DataCorruptError, DefinitionError, NonRetriableError, RetryAfterError, SelectionError, errorMessage, type RetryPolicy } from '../../runtime/index.ts';
import { retryDelayMs } from '../../runtime/internal.ts';

/** The request that ran this code has been answered; the code still running for it must stop. */
export class InterruptedError extends Error {
  constructor() {
    super('The Inngest request ended: this execution continues in the next request.');
    this.name = 'InterruptedError';
  }
}

/** The error and its causes, outermost first (the runtime wraps user errors in AssetExecutionError). */
function causeChain(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let current = error; current !== undefined && chain.length < 8; current = current instanceof Error ? current.cause : undefined) {
    chain.push(current);
  }
  return chain;
}

export function isInterrupted(error: unknown): boolean {
  return causeChain(error).some((item) => item instanceof InterruptedError);
}

/**
 * Maps a failure of one attempt to what Inngest should do next. `attempt` is Inngest's (0-based);
 * `isFinalAttempt` means no retry is left, so the error goes through as it is and onFailure records it.
 */
export function toInngestError(error: unknown, policy: RetryPolicy, attempt: number): unknown {
  const chain = causeChain(error);
  const message = errorMessage(error);
  // Already Inngest's: a step that failed for good (its StepError, or its error deserialized), which the SDK
  // recognizes when rethrown as it is and fails the run without retrying the function; or a mapped error.
  const decided = chain.find((item) => item instanceof StepError || item instanceof InngestNonRetriableError || item instanceof InngestRetryAfterError);
  if (decided !== undefined) return decided;
  const retryAfter = chain.find((item): item is RetryAfterError => item instanceof RetryAfterError);
  if (retryAfter !== undefined) return new InngestRetryAfterError(message, atLeast(retryAfter.retryAfterMs), { cause: error });
  const isHopeless = chain.some(
    (item) =>
      item instanceof NonRetriableError || item instanceof ConfigError || item instanceof SelectionError || item instanceof DefinitionError || item instanceof DataCorruptError,
  );
  if (isHopeless) return new InngestNonRetriableError(message, { cause: error });
  const isFinalAttempt = attempt + 1 >= policy.maxAttempts;
  if (isFinalAttempt) return error;
  // Inngest's own backoff ignores the asset's policy; a retry-after with the policy's delay honours it.
  return new InngestRetryAfterError(message, atLeast(retryDelayMs(policy, attempt + 2)), { cause: error });
}

/**
 * A retry-after that makes the server wait at least `ms`. The SDK sends whole seconds (rounded up), and the
 * server schedules the retry at the current second, truncated, plus those seconds (httpdriver.ParseRetry), so a
 * bare "2" can retry after 1.1 s: a rate limit's Retry-After would then be broken. One second more covers it.
 */
function atLeast(ms: number): number {
  return (Math.ceil(Math.max(0, ms) / 1000) + 1) * 1000;
}
