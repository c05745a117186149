/**
 * The one error mapping of the server: `MedallionError` → `HTTPException` (by error code) → a JSON body
 * `{ error: { code, message, ...details } }`. Anything else is a bug: logged (secrets redacted) and a 500.
 */
import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { DataCorruptError, errorMessage, isMedallionError, RetryAfterError, SelectionError, type ErrorCode, type MedallionError } from '../runtime/index.ts';
import { ApiError } from './api-error.ts';

const STATUS_BY_CODE: Record<ErrorCode, ContentfulStatusCode> = {
  USAGE: 400,
  SELECTION_SYNTAX: 400,
  SELECTION_UNKNOWN_KEY: 400,
  SELECTION_UNKNOWN_GROUP: 400,
  PARTITION_UNKNOWN: 400,
  DEFINITION_INVALID: 500,
  DEFINITION_DUPLICATE_KEY: 500,
  DEFINITION_UNKNOWN_DEPENDENCY: 500,
  DEFINITION_CYCLE: 500,
  SCHEMA_UNSUPPORTED: 500,
  SCHEMA_VALIDATION: 500,
  STORAGE_CONFLICT: 409,
  STORAGE_LOCKED: 409,
  STORAGE_NOT_FOUND: 500,
  STORAGE_IO: 503,
  LEDGER_CORRUPT: 500,
  // The lake, not the request, is at fault, and a materialize (not a different request) repairs it.
  DATA_CORRUPT: 503,
  CONFIG_INVALID: 500,
  ASSET_EXECUTION: 500,
  NON_RETRIABLE: 500,
  RETRY_AFTER: 503,
};

const CODE_BY_STATUS: Readonly<Record<number, string>> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
};

export function toHttpException(error: MedallionError): ApiError {
  const details = error instanceof SelectionError ? { suggestions: error.suggestions } : error instanceof DataCorruptError ? corruptDetails(error) : {};
  const headers: Record<string, string> = error instanceof RetryAfterError ? { 'Retry-After': String(Math.ceil(error.retryAfterMs / 1000)) } : {};
  return new ApiError(STATUS_BY_CODE[error.code], error.code, error.message, { details, headers, cause: error });
}

function corruptDetails(error: DataCorruptError) {
  return { asset: error.asset, partition: error.partition, file: error.path, repair: error.repair };
}

export interface ErrorHandlerOptions {
  readonly log: (line: string) => void;
  /** Values that must never reach a log line (tokens, secrets, keys); read when an error is logged. */
  readonly secrets: () => readonly string[];
}

export function createErrorHandler(options: ErrorHandlerOptions): ErrorHandler {
  return (error, c) => {
    const exception = isMedallionError(error) ? toHttpException(error) : error;
    if (exception instanceof HTTPException) {
      if (exception.status >= 500) options.log(`${c.req.method} ${c.req.path}: ${redact(describe(error), options.secrets())}`);
      return renderHttpException(c, exception);
    }
    options.log(`${c.req.method} ${c.req.path}: unexpected error: ${redact(describe(error), options.secrets())}`);
    return c.json({ error: { code: 'INTERNAL', message: 'Internal server error; the server log has the details.' } }, 500);
  };
}

export const notFound: NotFoundHandler = (c) =>
  c.json({ error: { code: 'NOT_FOUND', message: `No route for ${c.req.method} ${c.req.path}. The API is described at /openapi.json.` } }, 404);

function renderHttpException(c: Context, exception: HTTPException): Response {
  const status = exception.status as ContentfulStatusCode;
  if (exception instanceof ApiError) {
    for (const [name, value] of Object.entries(exception.headers)) c.header(name, value);
    return c.json({ error: { code: exception.code, message: exception.message, ...exception.details } }, status);
  }
  const message = exception.message || (status === 413 ? 'Request body too large.' : `HTTP ${status}`);
  return c.json({ error: { code: CODE_BY_STATUS[status] ?? `HTTP_${status}`, message } }, status);
}

function describe(error: unknown): string {
  const text = error instanceof Error && error.stack !== undefined ? error.stack : errorMessage(error);
  const cause = error instanceof Error ? error.cause : undefined;
  return cause === undefined ? text : `${text}\n  caused by: ${describe(cause)}`;
}

/** Replaces every configured secret in `text`; short values are skipped so they cannot blank out prose. */
export function redact(text: string, secrets: readonly string[]): string {
  return secrets.filter((secret) => secret.length >= 6).reduce((out, secret) => out.split(secret).join('[redacted]'), text);
}
