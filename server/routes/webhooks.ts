/**
 * `/webhooks/eventgrid`: Event Grid deliveries from the lake's storage account. The shared secret is checked
 * first, the handshake middleware answers endpoint validation, and the handler sends `medallion/raw.landed`
 * for every blob committed in `raw`. Status codes follow Event Grid's retry rules (research §4): 400 for a
 * poison message (never retried), 5xx when the event could not be sent (retried with backoff).
 */
import { Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ApiError } from '../api-error.ts';
import type { AppEnv } from '../app-env.ts';
import { deliverySchema, triageEvent, type Triage } from '../event-grid-delivery.ts';
import { RAW_LANDED, type RawLandedEvent, type SendEvent } from '../events.ts';
import { eventGridHandshake } from '../middleware/event-grid-handshake.ts';
import { parseOrThrow } from '../middleware/validate.ts';

export interface WebhookRoutesOptions {
  readonly sendEvent: SendEvent | undefined;
  readonly requireSecret: MiddlewareHandler;
  readonly maxBodyBytes: number;
}

export function webhookRoutes(options: WebhookRoutesOptions) {
  const routes = new Hono<AppEnv>();
  const limit = bodyLimit({
    maxSize: options.maxBodyBytes,
    onError: () => {
      throw new ApiError(413, 'PAYLOAD_TOO_LARGE', `The delivery is larger than ${options.maxBodyBytes} bytes.`);
    },
  });

  // CloudEvents abuse protection: an OPTIONS preflight that only asks whether we accept deliveries.
  routes.options('/eventgrid', eventGridHandshake());

  routes.post('/eventgrid', options.requireSecret, limit, eventGridHandshake(), async (c) => {
    let body: unknown;
    try {
      body = JSON.parse(await c.req.text());
    } catch {
      throw new ApiError(400, 'MALFORMED_EVENT', 'The delivery is not valid JSON.');
    }
    const events = parseOrThrow(deliverySchema, body, 'Event Grid delivery (Event Grid schema array or CloudEvents 1.0)');
    const triaged = events.map(triageEvent);
    const malformed = triaged.filter((t) => t.kind === 'malformed');
    if (malformed.length > 0) {
      throw new ApiError(400, 'MALFORMED_EVENT', `Malformed BlobCreated event: ${malformed.map((t) => `${t.id}: ${t.reason}`).join('; ')}.`);
    }
    const landed = triaged.flatMap((t) => (t.kind === 'landed' ? [t.event] : []));
    if (landed.length > 0) await sendAll(options.sendEvent, landed);
    return c.json({
      received: events.length,
      sent: landed.map((event) => ({ name: event.name, id: event.id, data: event.data })),
      ignored: triaged.flatMap((t: Triage) => (t.kind === 'ignored' ? [{ id: t.id, reason: t.reason }] : [])),
    });
  });

  return routes;
}

/** One at a time; on a failure Event Grid redelivers the batch and Inngest drops the repeats by event id. */
async function sendAll(sendEvent: SendEvent | undefined, events: readonly RawLandedEvent[]): Promise<void> {
  if (sendEvent === undefined) {
    throw new ApiError(503, 'ORCHESTRATOR_NOT_CONFIGURED', `Blobs landed in raw but no Inngest is configured to send ${RAW_LANDED} to: set INNGEST_EVENT_KEY (and INNGEST_BASE_URL when self-hosted) or INNGEST_DEV=1, and restart "medallion serve". Event Grid will retry.`);
  }
  for (const event of events) {
    try {
      await sendEvent(event);
    } catch (error) {
      throw new ApiError(503, 'EVENT_SEND_FAILED', `Could not send ${RAW_LANDED} for raw/${event.data.path}; Event Grid will retry.`, { cause: error });
    }
  }
}
