/**
 * `requireBearer(options)`: mutating routes need `Authorization: Bearer <token>`. With no token configured
 * they are refused (403, naming the variable to set), unless the server runs in explicit dev mode.
 */
import type { MiddlewareHandler } from 'hono';
import { ApiError } from '../api-error.ts';
import { constantTimeEqual } from './constant-time-equal.ts';

export interface RequireBearerOptions {
  /** The expected token, read on each request; undefined when not configured. */
  readonly token: () => string | undefined;
  /** Dev mode: with no token configured, requests pass. A configured token is required even then. */
  readonly isDevMode: () => boolean;
  /** Named in messages, e.g. `MEDALLION_API_TOKEN`. */
  readonly variable: string;
}

const BEARER = /^Bearer[ \t]+([^\s]+)[ \t]*$/i;

export function requireBearer(options: RequireBearerOptions): MiddlewareHandler {
  return async (c, next) => {
    const expected = options.token();
    if (expected === undefined) {
      if (options.isDevMode()) return next();
      throw new ApiError(
        403,
        'AUTH_NOT_CONFIGURED',
        `This route changes the lake, and the server has no API token: set ${options.variable} on the server and send it as "Authorization: Bearer <token>" (or start it in dev mode, MEDALLION_DEV=1 or "medallion serve --dev", to leave these routes open on a trusted machine).`,
      );
    }
    const presented = BEARER.exec(c.req.header('Authorization') ?? '')?.[1];
    if (presented === undefined) {
      throw new ApiError(401, 'UNAUTHORIZED', `Missing bearer token: send "Authorization: Bearer <${options.variable}>".`, {
        headers: { 'WWW-Authenticate': 'Bearer realm="medallion"' },
      });
    }
    if (!constantTimeEqual(presented, expected)) {
      throw new ApiError(401, 'UNAUTHORIZED', `The bearer token is not the server's ${options.variable}.`, {
        headers: { 'WWW-Authenticate': 'Bearer realm="medallion", error="invalid_token"' },
      });
    }
    return next();
  };
}
