/**
 * `/webhooks/eventgrid`: Event Grid deliveries from the lake's storage account. The shared secret is checked
 * first, the handshake middleware answers endpoint validation, and the handler sends `medallion/raw.landed`
 * for every blob committed in `raw`, all of a delivery's events in as few event API requests as Inngest's
 * limits allow (events.ts). Status codes follow Event Grid's retry rules (research §4): 5xx when the events
 * could not be sent (retried with backoff; Inngest drops the repeats by event id), 400 only when nothing in
 * the delivery can be used (not retried, dead-lettered when configured). A delivery that mixes good events
 * with refused ones (malformed, or a blob name with `..`, an absolute path or NUL) sends the good ones and
 * answers 200 listing the refused ones: a 400 would drop the good events with the bad, and a 5xx would have
 * Event Grid redeliver a poison event until it expires.
 */
import { Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ApiError } from '../api-error.ts';
import type { AppEnv } from '../app-env.ts';
import { deliverySchema, triageEvent, type Triage } from '../event-grid-delivery.ts';
import { chunkForEventApi, RAW_LANDED, type RawLandedEvent, type SendEvent } from '../events.ts';
import { eventGridHandshake } from '../middleware/event-grid-handshake.ts';
import { parseOrThrow } from '../middleware/validate.ts';

export interface WebhookRoutesOptions {
  readonly sendEvent: SendEvent | undefined;
  readonly requireSecret: MiddlewareHandler;
  readonly maxBodyBytes: number;
  /** Where refused events of an otherwise good delivery are reported (the server log). */
  readonly log: (line: string) => void;
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
    const refused = triaged.flatMap((t) => (t.kind === 'refused' ? [t] : []));
    if (refused.length === events.length) {
      const code = refused.every((t) => t.code === 'UNSAFE_BLOB_PATH') ? 'UNSAFE_BLOB_PATH' : 'MALFORMED_EVENT';
      throw new ApiError(400, code, `Nothing in the delivery can be used: ${refused.map((t) => `event ${t.id}: ${t.reason}`).join('; ')}.`, {
        details: { refused: refused.map(({ id, code: why, reason }) => ({ id, code: why, reason })) },
      });
    }
    if (refused.length > 0) options.log(`POST /webhooks/eventgrid: refused ${refused.length} of ${events.length} events: ${refused.map((t) => `${t.id}: ${t.reason}`).join('; ')}`);
    const landed = triaged.flatMap((t) => (t.kind === 'landed' ? [t.event] : []));
    if (landed.length > 0) await sendInChunks(options.sendEvent, landed);
    return c.json({
      received: events.length,
      sent: landed.map((event) => ({ name: event.name, id: event.id, data: event.data })),
      ignored: triaged.flatMap((t: Triage) => (t.kind === 'ignored' ? [{ id: t.id, reason: t.reason }] : [])),
      refused: refused.map(({ id, code, reason }) => ({ id, code, reason })),
    });
  });

  return routes;
}

/** In event API chunks, one after another; on a failure Event Grid redelivers and Inngest drops the repeats by id. */
async function sendInChunks(sendEvent: SendEvent | undefined, events: readonly RawLandedEvent[]): Promise<void> {
  if (sendEvent === undefined) {
    throw new ApiError(503, 'ORCHESTRATOR_NOT_CONFIGURED', `Blobs landed in raw but no Inngest is configured to send ${RAW_LANDED} to: set INNGEST_EVENT_KEY (and INNGEST_BASE_URL when self-hosted) or INNGEST_DEV=1, and restart "medallion serve". Event Grid will retry.`);
  }
  for (const chunk of chunkForEventApi(events)) {
    try {
      await sendEvent(chunk);
    } catch (error) {
      const first = chunk[0]!.data.path;
      throw new ApiError(503, 'EVENT_SEND_FAILED', `Could not send ${chunk.length} ${RAW_LANDED} event(s) (from raw/${first}); Event Grid will retry.`, { cause: error });
    }
  }
}
