/**
 * TMDB's response bodies: JSON with `application/json;charset=utf-8`, and its error envelope
 * `{"success":false,"status_code":n,"status_message":…}` with the documented codes (research §1.5).
 */
import type { ErrorStatus } from './fault-middleware.ts';

const CONTENT_TYPE = 'application/json;charset=utf-8';

export function tmdbJson(body: string | Buffer, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(body, { status, headers: { 'content-type': CONTENT_TYPE, ...headers } });
}

export function tmdbError(status: number, code: number, message: string, headers: Record<string, string> = {}): Response {
  return tmdbJson(JSON.stringify({ success: false, status_code: code, status_message: message }), status, headers);
}

export const tmdbUnauthorized = () => tmdbError(401, 7, 'Invalid API key: You must be granted a valid key.');
export const tmdbNotFound = () => tmdbError(404, 34, 'The resource you requested could not be found.');

export function tmdbInvalidPage(isLegacy: boolean): Response {
  // Before ~2024 TMDB answered 422 with a bare errors list; both should mean "stop paging" (research §1.3).
  if (isLegacy) return tmdbJson(JSON.stringify({ errors: ['page must be less than or equal to 500'] }), 422);
  return tmdbError(400, 22, 'Invalid page: Pages start at 1 and max at 500. They are expected to be an integer.');
}

/** The CDN's 429 (no X-RateLimit headers; Retry-After only when configured). */
export function tmdbTooManyRequests(limit: number, retryAfterSeconds?: number): Response {
  const headers: Record<string, string> = retryAfterSeconds === undefined ? {} : { 'retry-after': String(retryAfterSeconds) };
  return tmdbError(429, 25, `Your request count (#) is over the allowed limit of (${limit}).`, headers);
}

/** An injected error as TMDB sends it; an injected 429 is the rate limit's own, `Retry-After` included. */
export function tmdbFaultResponse(limit: number, retryAfterSeconds?: number): (status: ErrorStatus) => Response {
  return (status) => {
    switch (status) {
      case 401: return tmdbUnauthorized();
      case 403: return tmdbError(403, 3, 'Authentication failed: You do not have permissions to access the service.');
      case 429: return tmdbTooManyRequests(limit, retryAfterSeconds);
      case 500: return tmdbError(500, 11, 'Internal error: Something went wrong, contact TMDB.');
      case 502: return tmdbError(502, 43, "Couldn't connect to the backend server.");
      case 503: return tmdbError(503, 9, 'Service offline: This service is temporarily offline, try again later.');
    }
  };
}
