// Property-based tests of the Event Grid delivery parser: deliveries generated in both schemas (Event Grid arrays,
// CloudEvents single or batched) parse and triage as their events mean, a landed blob's path reads back to the
// slot that owns it, the handshake code is found; any JSON value and any mutation of a valid delivery is
// refused or triaged, never an exception.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { z } from 'zod';
import { createAssetGraph, defineAsset, type AnyAsset } from '../../runtime/index.ts';
import { BLOB_CREATED, deliverySchema, SUBSCRIPTION_VALIDATION, triageEvent, validationCodeOf } from '../../server/event-grid-delivery.ts';
import { rawLandedSchema } from '../../server/inngest/events.ts';
import { ownerOfBlob } from '../../server/inngest/raw-blob-owner.ts';
import { fuzzRuns } from './fuzz-settings.ts';

const row = z.object({ id: z.int() });
const materialize = async () => ({ rows: [] });
const PARTITIONS = ['1990s', '2000s'];
const graph = createAssetGraph([
  defineAsset({ key: 'raw/tmdb_movies', schema: row, codeVersion: '1', materialize }),
  defineAsset({ key: 'raw/discogs_releases', schema: row, codeVersion: '1', partitions: PARTITIONS, materialize }),
  defineAsset({ key: 'raw/vendor/feed', schema: row, codeVersion: '1', materialize }),
] as AnyAsset[]);

// ---- deliveries generated from the two schemas ------------------------------------------------------------

interface Blob {
  readonly container: string;
  readonly path: string;
  /** The slot that owns the blob, when it is a landing of a known asset. */
  readonly slot?: { asset: string; partition: string | null };
}

/** File names as sources write them, some with characters a subject may percent-encode (spaces, `#`, `é`). */
const fileName = fc
  .array(fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 _.#é-]{0,12}$/), { minLength: 1, maxLength: 3 })
  .map((parts) => parts.join('/'));

const landing: fc.Arbitrary<Blob> = fc.tuple(fc.constantFrom('tmdb_movies', 'discogs_releases', 'vendor/feed'), fc.constantFrom(...PARTITIONS), fileName).map(([name, partition, file]) =>
  name === 'discogs_releases'
    ? { container: 'raw', path: `${name}/p=${partition}/landing/${file}`, slot: { asset: `raw/${name}`, partition } }
    : { container: 'raw', path: `${name}/landing/${file}`, slot: { asset: `raw/${name}`, partition: null } },
);
const elsewhere: fc.Arbitrary<Blob> = fc.oneof(
  fc.tuple(fc.constantFrom('gold', 'metrics', 'intermediate', 'raw-archive'), fileName).map(([container, path]) => ({ container, path })),
  fc.tuple(fc.constantFrom('tmdb_movies/_head.json', 'tmdb_movies/20261126T124501123Z-3f9a1c/data.parquet', 'spotify/landing/a.json'), fc.constant('raw')).map(([path, container]) => ({ container, path })),
);

interface Generated {
  readonly event: Record<string, unknown>;
  readonly id: string;
  readonly expected: 'landed' | 'ignored';
  readonly blob?: Blob;
  readonly etag?: string;
  readonly size?: number;
}

const eventId = fc.oneof(fc.uuid(), fc.string({ minLength: 1, maxLength: 20 }));
const subjectOf = (blob: Blob, encode: boolean) =>
  `/blobServices/default/containers/${blob.container}/blobs/${encode ? blob.path.split('/').map(encodeURIComponent).join('/') : blob.path}`;

const blobEvent: fc.Arbitrary<Generated> = fc
  .record({
    id: eventId,
    blob: fc.oneof({ weight: 3, arbitrary: landing }, { weight: 1, arbitrary: elsewhere }),
    api: fc.constantFrom('PutBlob', 'PutBlockList', 'FlushWithClose', 'CopyBlob', 'CreateFile'),
    encode: fc.boolean(),
    etag: fc.option(fc.stringMatching(/^"0x[0-9A-F]{15}"$/), { nil: undefined }),
    size: fc.option(fc.nat(), { nil: undefined }),
  })
  .map(({ id, blob, api, encode, etag, size }) => ({
    event: { type: BLOB_CREATED, id, subject: subjectOf(blob, encode), data: { api, ...(etag === undefined ? {} : { eTag: etag }), ...(size === undefined ? {} : { contentLength: size }), blobType: 'BlockBlob' } },
    id,
    expected: blob.container === 'raw' && api !== 'CreateFile' ? 'landed' : 'ignored',
    blob,
    ...(etag === undefined ? {} : { etag }),
    ...(size === undefined ? {} : { size }),
  }));
const otherEvent: fc.Arbitrary<Generated> = fc
  .record({ id: eventId, type: fc.constantFrom('Microsoft.Storage.BlobDeleted', 'Microsoft.Storage.BlobRenamed', 'Contoso.Items.ItemReceived'), subject: fc.string() })
  .map(({ id, type, subject }) => ({ event: { type, id, subject, data: { api: 'DeleteBlob' } }, id, expected: 'ignored' as const }));
const generatedEvent = fc.oneof({ weight: 4, arbitrary: blobEvent }, { weight: 1, arbitrary: otherEvent });

const TOPIC = '/subscriptions/0/resourceGroups/medallion/providers/Microsoft.Storage/storageAccounts/medallionlake';
const asEventGrid = ({ type, id, subject, data }: Record<string, unknown>) => ({ id, topic: TOPIC, subject, eventType: type, eventTime: '2026-11-26T18:41:00.9584103Z', data, dataVersion: '', metadataVersion: '1' });
const asCloudEvent = ({ type, id, subject, data }: Record<string, unknown>) => ({ specversion: '1.0', id, source: TOPIC, subject, type, time: '2026-11-26T18:41:00.9584103Z', data });

const delivery = fc.tuple(fc.array(generatedEvent, { minLength: 1, maxLength: 6 }), fc.constantFrom('eventgrid', 'cloudevents-batch', 'cloudevent')).map(([events, schema]) => {
  const picked = schema === 'cloudevent' ? events.slice(0, 1) : events;
  const body = schema === 'eventgrid' ? picked.map((e) => asEventGrid(e.event)) : schema === 'cloudevent' ? asCloudEvent(picked[0]!.event) : picked.map((e) => asCloudEvent(e.event));
  return { body: body as unknown, events: picked };
});

// ---- arbitrary JSON and mutated deliveries ----------------------------------------------------------------

type Json = unknown;

/** Every path (of keys and indexes) inside a JSON value, the root included. */
function pathsOf(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [prefix];
  const entries = Array.isArray(value) ? value.map((item, i) => [i, item] as const) : Object.entries(value);
  return [prefix, ...entries.flatMap(([key, item]) => pathsOf(item, [...prefix, key]))];
}

/** `value` with the node at `path` replaced by `replacement`, or removed when `replacement` is undefined. */
function mutateAt(value: Json, path: readonly (string | number)[], replacement: Json | undefined): Json {
  if (path.length === 0) return replacement ?? null;
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    const copy = [...(value as Json[])];
    if (rest.length === 0 && replacement === undefined) copy.splice(head as number, 1);
    else copy[head as number] = mutateAt(copy[head as number], rest, replacement);
    return copy;
  }
  const copy = { ...(value as Record<string, Json>) };
  if (rest.length === 0 && replacement === undefined) delete copy[head as string];
  else copy[head as string] = mutateAt(copy[head as string], rest, replacement);
  return copy;
}

const junk = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom('', '1.0', '2.0', 'raw', BLOB_CREATED, SUBSCRIPTION_VALIDATION, '/blobServices/default/containers/raw/blobs/', '/blobServices/default/containers/raw/blobs/%E0%A4%A', -1, 1.5, 2 ** 53, Number.MAX_VALUE),
  fc.string({ unit: 'binary', maxLength: 40 }),
);
const mutatedDelivery = fc.tuple(delivery, fc.array(fc.tuple(fc.nat(), fc.option(junk, { nil: undefined })), { minLength: 1, maxLength: 3 })).map(([{ body }, edits]) =>
  edits.reduce((value, [pick, replacement]) => {
    const paths = pathsOf(value);
    return mutateAt(value, paths[pick % paths.length]!, replacement);
  }, body),
);
const anyBody = fc.oneof(fc.jsonValue({ maxDepth: 4 }), mutatedDelivery, fc.array(mutatedDelivery, { maxLength: 2 }).map((bodies) => bodies.flat()));

describe('Event Grid deliveries (property-based)', () => {
  it('parses deliveries generated in both schemas, lands exactly the committed raw blobs, and reads each back to its slot', () => {
    fc.assert(
      fc.property(delivery, ({ body, events }) => {
        const parsed = deliverySchema.parse(JSON.parse(JSON.stringify(body)));
        assert.equal(parsed.length, events.length);
        parsed.forEach((event, i) => {
          const generated = events[i]!;
          const triage = triageEvent(event);
          assert.equal(triage.kind, generated.expected, JSON.stringify(triage));
          if (triage.kind !== 'landed') return;
          const blob = generated.blob!;
          assert.deepEqual(triage.event.data, { container: 'raw', path: blob.path, ...(generated.etag === undefined ? {} : { etag: generated.etag }), ...(generated.size === undefined ? {} : { size: generated.size }) });
          assert.equal(triage.event.id, `eventgrid-${generated.id}`);
          rawLandedSchema.parse(triage.event.data);
          const owner = ownerOfBlob(graph, triage.event.data.container, triage.event.data.path);
          assert.deepEqual(owner.kind === 'owned' ? owner.slot : undefined, blob.slot, owner.kind === 'ignored' ? owner.reason : '');
        });
      }),
      fuzzRuns(4_000),
    );
  });

  it('finds the validation code of a handshake wherever the validation event sits in the array', () => {
    fc.assert(
      fc.property(fc.array(generatedEvent, { maxLength: 3 }), fc.nat(), fc.string({ minLength: 1 }), (events, at, code) => {
        const body: unknown[] = events.map((e) => asEventGrid(e.event));
        body.splice(at % (body.length + 1), 0, asEventGrid({ type: SUBSCRIPTION_VALIDATION, id: 'v', subject: '', data: { validationCode: code } }));
        assert.equal(validationCodeOf(JSON.parse(JSON.stringify(body))), code);
      }),
      fuzzRuns(2_000),
    );
  });

  it('refuses or triages any JSON body and any mutation of a valid delivery, never throwing, and lands only what the observer accepts', () => {
    fc.assert(
      fc.property(anyBody, (body) => {
        const code = validationCodeOf(body);
        assert.ok(code === undefined || (typeof code === 'string' && code.length > 0));
        const parsed = deliverySchema.safeParse(body);
        if (!parsed.success) {
          assert.ok(parsed.error.issues.length > 0);
          return;
        }
        for (const event of parsed.data) {
          const triage = triageEvent(event);
          if (triage.kind !== 'landed') {
            assert.equal(triage.id, event.id);
            assert.ok(triage.reason.length > 0);
            continue;
          }
          rawLandedSchema.parse(triage.event.data);
          const owner = ownerOfBlob(graph, triage.event.data.container, triage.event.data.path);
          if (owner.kind === 'ignored') assert.ok(owner.reason.length > 0);
          else assert.ok(graph.has(owner.slot.asset));
        }
      }),
      fuzzRuns(6_000),
    );
  });
});
