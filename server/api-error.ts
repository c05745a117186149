/**
 * The server's transport error: an `HTTPException` with a stable `code` and extra JSON fields (suggestions,
 * validation issues). Route code throws it (or a `MedallionError`); the one `app.onError` renders both.
 */
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export interface ApiErrorOptions {
  /** Extra fields of the JSON error body, beside `code` and `message`. */
  readonly details?: Readonly<Record<string, unknown>>;
  readonly headers?: Readonly<Record<string, string>>;
  /** Logged for 5xx errors, never sent to the client. */
  readonly cause?: unknown;
}

export class ApiError extends HTTPException {
  readonly code: string;
  readonly details: Readonly<Record<string, unknown>>;
  readonly headers: Readonly<Record<string, string>>;

  constructor(status: ContentfulStatusCode, code: string, message: string, options: ApiErrorOptions = {}) {
    super(status, { message, cause: options.cause });
    this.name = 'ApiError';
    this.code = code;
    this.details = options.details ?? {};
    this.headers = options.headers ?? {};
  }
}
