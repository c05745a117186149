/**
 * What the clients report about each HTTP attempt, for progress and metrics hooks and for spans. The URL
 * is redacted and no header is included, so a hook may log these as they are.
 */

export interface RequestEvent {
  service: string;
  method: 'GET';
  url: string;
  /** 1 for the first attempt. */
  attempt: number;
  /** Time spent waiting for the rate limiter before this attempt. */
  waitedMs: number;
  /** The wait after the previous attempt failed (backoff or `Retry-After`) before this one; 0 for the first. */
  retryDelayMs: number;
}

export interface ResponseEvent extends RequestEvent {
  /** Undefined when no response arrived (reset, timeout). */
  status: number | undefined;
  durationMs: number;
  /** Why this attempt failed, when it did. */
  error?: string;
}

export interface HttpHooks {
  onRequest?: (event: RequestEvent) => void;
  onResponse?: (event: ResponseEvent) => void;
}
