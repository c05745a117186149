/**
 * `eventGridHandshake()`: answers Event Grid's endpoint validation, so the handler only sees notifications.
 * CloudEvents schema: `OPTIONS` with `WebHook-Request-Origin` → 200 with `WebHook-Allowed-Origin`. Event Grid
 * schema: a `Microsoft.EventGrid.SubscriptionValidationEvent` → 200 `{ validationResponse }` (a 202 would not
 * count; research §4). Put the secret check before it: the validation POST carries the endpoint's `?code=`.
 */
import type { MiddlewareHandler } from 'hono';
import { ApiError } from '../api-error.ts';
import { validationCodeOf } from '../event-grid-delivery.ts';

/** An origin is a host name (`eventgrid.azure.net`), optionally with a port, or `*`. */
const ORIGIN = /^(\*|[A-Za-z0-9.-]{1,253}(:\d{1,5})?)$/;

export function eventGridHandshake(): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method === 'OPTIONS') {
      const origin = c.req.header('WebHook-Request-Origin');
      if (origin === undefined || !ORIGIN.test(origin)) {
        throw new ApiError(400, 'INVALID_HANDSHAKE', 'A CloudEvents validation request must carry a WebHook-Request-Origin header with a host name.');
      }
      c.header('WebHook-Allowed-Origin', origin);
      c.header('WebHook-Allowed-Rate', '*');
      c.header('Allow', 'POST, OPTIONS');
      return c.body(null, 200);
    }
    const announced = c.req.header('aeg-event-type') === 'SubscriptionValidation';
    const body = await readJsonOrUndefined(c.req.text());
    const code = validationCodeOf(body);
    if (code !== undefined) return c.json({ validationResponse: code }, 200);
    if (announced) {
      throw new ApiError(400, 'INVALID_HANDSHAKE', `A SubscriptionValidation delivery must hold a Microsoft.EventGrid.SubscriptionValidationEvent with data.validationCode.`);
    }
    return next();
  };
}

async function readJsonOrUndefined(text: Promise<string>): Promise<unknown> {
  try {
    return JSON.parse(await text);
  } catch {
    return undefined; // not a handshake; the handler reports malformed bodies
  }
}
