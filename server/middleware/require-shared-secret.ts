/**
 * `requireSharedSecret(options)`: a webhook caller proves itself with a shared secret, as the `code` query
 * parameter of the endpoint URL or a header (Event Grid signs nothing; research §4). Compared in constant
 * time; the secret is never logged or echoed. An unconfigured secret answers 503, so Event Grid keeps
 * retrying until the operator sets it, rather than dead-lettering (it never retries 401/403).
 */
import type { MiddlewareHandler } from 'hono';
import { ApiError } from '../api-error.ts';
import { constantTimeEqual } from './constant-time-equal.ts';

export interface RequireSharedSecretOptions {
  readonly secret: () => string | undefined;
  readonly isDevMode: () => boolean;
  /** Named in messages, e.g. `MEDALLION_WEBHOOK_SECRET`. */
  readonly variable: string;
  /** Default `code`. */
  readonly queryParameter?: string;
  /** Default `X-Webhook-Secret` (an Event Grid delivery property marked secret). */
  readonly header?: string;
}

export function requireSharedSecret(options: RequireSharedSecretOptions): MiddlewareHandler {
  const queryParameter = options.queryParameter ?? 'code';
  const header = options.header ?? 'X-Webhook-Secret';
  return async (c, next) => {
    const expected = options.secret();
    if (expected === undefined) {
      if (options.isDevMode()) return next();
      throw new ApiError(
        503,
        'WEBHOOK_NOT_CONFIGURED',
        `The webhook has no secret configured: set ${options.variable} on the server and give it to the subscription as ?${queryParameter}=<secret> in the endpoint URL or as the ${header} delivery header.`,
      );
    }
    const presented = c.req.query(queryParameter) ?? c.req.header(header);
    if (presented === undefined || !constantTimeEqual(presented, expected)) {
      throw new ApiError(401, 'UNAUTHORIZED', `Missing or wrong webhook secret (?${queryParameter}= or ${header}).`);
    }
    return next();
  };
}
