/**
 * The two ways a source request ends in failure besides a rate limit (`RetryAfterError`): the service gave
 * a definitive refusal, or transient failures outlasted the retries. Messages name the request, never a secret.
 */
import { NonRetriableError } from 'medallion';

export type RefusalReason = 'auth' | 'not-found' | 'rejected';

/** The service refused the request for good: bad credentials, no such resource, or a malformed request. */
export class HttpRefusalError extends NonRetriableError {
  readonly reason: RefusalReason;
  readonly status: number;
  /** The request as `SERVICE GET /path?query`, credentials left out. */
  readonly request: string;

  constructor(reason: RefusalReason, status: number, request: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'HttpRefusalError';
    this.reason = reason;
    this.status = status;
    this.request = request;
  }
}

/** Every attempt failed transiently (5xx, reset, timeout, malformed body); a later run may succeed. */
export class RequestFailedError extends Error {
  readonly request: string;
  readonly attempts: number;
  /** The last response's status; undefined when the last attempt got no response. */
  readonly status: number | undefined;

  constructor(request: string, attempts: number, status: number | undefined, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'RequestFailedError';
    this.request = request;
    this.attempts = attempts;
    this.status = status;
  }
}

export function isNotFound(error: unknown): boolean {
  return error instanceof HttpRefusalError && error.reason === 'not-found';
}
