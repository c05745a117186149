/**
 * Event Grid deliveries, in both schemas (research §4): the Event Grid schema (always a JSON array) and
 * CloudEvents 1.0 (one object, or an array in batch mode), validated with zod; and `Microsoft.Storage.
 * BlobCreated` in the `raw` container turned into `medallion/raw.landed`.
 */
import { z } from 'zod';
import { RAW_LANDED, type RawLandedEvent } from './events.ts';
import { unsafeBlobNameReason } from './inngest/raw-blob-owner.ts';

export const SUBSCRIPTION_VALIDATION = 'Microsoft.EventGrid.SubscriptionValidationEvent';
export const BLOB_CREATED = 'Microsoft.Storage.BlobCreated';
export const RAW_CONTAINER = 'raw';

const eventGridEvent = z.object({
  id: z.string().min(1),
  topic: z.string().optional(),
  subject: z.string(),
  eventType: z.string().min(1),
  eventTime: z.string().min(1),
  data: z.unknown(),
  dataVersion: z.string(),
  metadataVersion: z.string().optional(),
});

const cloudEvent = z.object({
  specversion: z.literal('1.0'),
  id: z.string().min(1),
  source: z.string().min(1),
  type: z.string().min(1),
  subject: z.string().optional(),
  time: z.string().optional(),
  data: z.unknown(),
});

/** What both schemas have in common, after parsing. */
export interface DeliveredEvent {
  readonly id: string;
  readonly type: string;
  readonly subject: string;
  readonly data: unknown;
}

export const deliverySchema = z.union([
  z.array(cloudEvent).min(1).transform((events) => events.map(fromCloudEvent)),
  cloudEvent.transform((event) => [fromCloudEvent(event)]),
  z.array(eventGridEvent).min(1).transform((events) => events.map(fromEventGridEvent)),
]);

const validationData = z.object({ validationCode: z.string().min(1), validationUrl: z.string().optional() });

/** The validation code of an Event Grid schema handshake, or undefined when `body` is not one. */
export function validationCodeOf(body: unknown): string | undefined {
  if (!Array.isArray(body)) return undefined;
  const event = body.find((item: unknown) => (item as { eventType?: unknown } | null)?.eventType === SUBSCRIPTION_VALIDATION) as { data?: unknown } | undefined;
  if (event === undefined) return undefined;
  const parsed = validationData.safeParse(event.data);
  return parsed.success ? parsed.data.validationCode : undefined;
}

const blobCreatedData = z.object({
  api: z.string().optional(),
  eTag: z.string().optional(),
  contentLength: z.number().int().nonnegative().optional(),
  url: z.string().optional(),
});

const BLOB_SUBJECT = /^\/blobServices\/default\/containers\/([^/]+)\/blobs\/(.+)$/;

/** Why an event is refused: it does not have the shape of a BlobCreated event, or its blob name is unsafe. */
export type RefusalCode = 'MALFORMED_EVENT' | 'UNSAFE_BLOB_PATH';

export type Triage =
  | { readonly kind: 'landed'; readonly event: RawLandedEvent }
  | { readonly kind: 'ignored'; readonly id: string; readonly reason: string }
  | { readonly kind: 'refused'; readonly id: string; readonly code: RefusalCode; readonly reason: string };

/**
 * What to do with one delivered event: a committed blob in `raw` lands; other types, other containers and
 * a Data Lake `CreateFile` (the file is committed by its later `FlushWithClose`) are ignored; a BlobCreated
 * event without a blob subject, with malformed data, or naming a blob outside its container is refused.
 */
export function triageEvent(event: DeliveredEvent): Triage {
  if (event.type !== BLOB_CREATED) return { kind: 'ignored', id: event.id, reason: `event type ${event.type} is not handled` };
  const subject = BLOB_SUBJECT.exec(event.subject);
  if (subject === null) {
    return refused(event.id, 'MALFORMED_EVENT', `subject ${JSON.stringify(event.subject)} is not /blobServices/default/containers/<container>/blobs/<name>`);
  }
  const data = blobCreatedData.safeParse(event.data);
  if (!data.success) {
    return refused(event.id, 'MALFORMED_EVENT', `data: ${data.error.issues.map((issue) => `${issue.path.join('.') || 'data'} ${issue.message}`).join('; ')}`);
  }
  const container = subject[1]!;
  const path = decodeBlobName(subject[2]!);
  const unsafe = unsafeBlobNameReason(path);
  if (unsafe !== undefined) return refused(event.id, 'UNSAFE_BLOB_PATH', `blob name ${JSON.stringify(`${container}/${path}`)} ${unsafe}`);
  const { api, eTag, contentLength } = data.data;
  if (container !== RAW_CONTAINER) return { kind: 'ignored', id: event.id, reason: `container "${container}" is not "${RAW_CONTAINER}"` };
  if (api === 'CreateFile') return { kind: 'ignored', id: event.id, reason: 'CreateFile: the file is committed by its FlushWithClose event' };
  const landed: RawLandedEvent = {
    name: RAW_LANDED,
    id: `eventgrid-${event.id}`,
    data: {
      container,
      path,
      ...(eTag === undefined ? {} : { etag: eTag }),
      ...(contentLength === undefined ? {} : { size: contentLength }),
    },
  };
  return { kind: 'landed', event: landed };
}

function refused(id: string, code: RefusalCode, reason: string): Triage {
  return { kind: 'refused', id, code, reason };
}

function fromEventGridEvent(event: z.output<typeof eventGridEvent>): DeliveredEvent {
  return { id: event.id, type: event.eventType, subject: event.subject, data: event.data };
}

function fromCloudEvent(event: z.output<typeof cloudEvent>): DeliveredEvent {
  return { id: event.id, type: event.type, subject: event.subject ?? '', data: event.data };
}

/** Subjects may percent-encode special characters in blob names (unverified, research §4); decode when valid. */
function decodeBlobName(name: string): string {
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}
