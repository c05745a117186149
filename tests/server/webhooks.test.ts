// The Event Grid webhook: both validation handshakes, the shared secret, BlobCreated in raw → raw.landed,
// other containers ignored, malformed → 400 (not retried), send failures → 5xx (retried).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { jsonOf, type ErrorBody } from '../support/json.ts';
import type { TempLake } from '../support/temp-lake.ts';
import type { Refused, WebhookBody } from './fixtures/api-bodies.ts';
import { blobCreatedCloudEvent, blobCreatedEventGrid, validationEvent } from './fixtures/event-grid-payloads.ts';
import { createMixedLake, createTestApp, WEBHOOK_SECRET } from './fixtures/test-app.ts';

const URL_WITH_CODE = `/webhooks/eventgrid?code=${WEBHOOK_SECRET}`;
const EVENT_GRID = { 'Content-Type': 'application/json', 'aeg-event-type': 'Notification' };

describe('POST /webhooks/eventgrid', () => {
  let lake: TempLake;
  before(async () => { lake = await createMixedLake(); });
  after(async () => { await lake.cleanup(); });

  const deliver = (app: ReturnType<typeof createTestApp>['app'], body: unknown, headers: Record<string, string> = EVENT_GRID, url = URL_WITH_CODE) =>
    app.request(url, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });

  it('answers the Event Grid schema validation handshake with the validation code', async () => {
    const { app, sent } = createTestApp(lake);
    const response = await deliver(app, validationEvent('abc-123'), { 'Content-Type': 'application/json', 'aeg-event-type': 'SubscriptionValidation' });
    assert.equal(response.status, 200);
    assert.deepEqual(await jsonOf<unknown>(response), { validationResponse: 'abc-123' });
    const unannounced = await deliver(app, validationEvent('def-456'), { 'Content-Type': 'application/json' });
    assert.deepEqual(await jsonOf<unknown>(unannounced), { validationResponse: 'def-456' });
    const empty = await deliver(app, [{ ...validationEvent()[0], data: {} }], { 'Content-Type': 'application/json', 'aeg-event-type': 'SubscriptionValidation' });
    assert.equal(empty.status, 400);
    assert.equal(sent.length, 0);
  });

  it('answers the CloudEvents OPTIONS handshake with the allowed origin', async () => {
    const { app } = createTestApp(lake);
    const response = await app.request(URL_WITH_CODE, { method: 'OPTIONS', headers: { 'WebHook-Request-Origin': 'eventgrid.azure.net' } });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('WebHook-Allowed-Origin'), 'eventgrid.azure.net');
    assert.match(response.headers.get('Allow') ?? '', /POST/);
    const missing = await app.request(URL_WITH_CODE, { method: 'OPTIONS' });
    assert.equal(missing.status, 400);
  });

  it('refuses a missing or wrong secret with 401, before the handshake, without echoing it', async () => {
    const { app, sent } = createTestApp(lake);
    const missing = await deliver(app, validationEvent(), { 'Content-Type': 'application/json' }, '/webhooks/eventgrid');
    assert.equal(missing.status, 401);
    const wrong = await deliver(app, [blobCreatedEventGrid()], EVENT_GRID, `/webhooks/eventgrid?code=${WEBHOOK_SECRET}0`);
    assert.equal(wrong.status, 401);
    const text = await wrong.text();
    assert.equal((JSON.parse(text) as ErrorBody).error.code, 'UNAUTHORIZED');
    assert.ok(!text.includes(WEBHOOK_SECRET));
    assert.equal(sent.length, 0);
  });

  it('sends medallion/raw.landed for a blob created in raw (Event Grid schema, secret in the query)', async () => {
    const { app, sent } = createTestApp(lake);
    const response = await deliver(app, [blobCreatedEventGrid()]);
    assert.equal(response.status, 200);
    assert.deepEqual(sent, [{
      name: 'medallion/raw.landed',
      id: 'eventgrid-831e1650-001e-001b-66ab-eeb76e069631',
      data: { container: 'raw', path: 'tmdb_movies/landing/2026-11-26.json', etag: '"0x8D4BCC2E4835CD0"', size: 524288 },
    }]);
    const body = await jsonOf<WebhookBody>(response);
    assert.equal(body.received, 1);
    assert.deepEqual(body.sent.map((event) => event.data.path), ['tmdb_movies/landing/2026-11-26.json']);
    assert.ok(!JSON.stringify(body).includes(WEBHOOK_SECRET));
  });

  it('sends raw.landed for CloudEvents, single and batched (secret in a header), decoding the blob name', async () => {
    const { app, sent } = createTestApp(lake);
    const headers = { 'X-Webhook-Secret': WEBHOOK_SECRET };
    const single = await deliver(app, blobCreatedCloudEvent({ blob: 'discogs_releases/p=1990s/landing/page%201.json' }), { ...headers, 'Content-Type': 'application/cloudevents+json; charset=utf-8' }, '/webhooks/eventgrid');
    assert.equal(single.status, 200);
    const batch = await deliver(
      app,
      [blobCreatedCloudEvent({ id: 'a' }), blobCreatedCloudEvent({ id: 'b', container: 'gold' }), blobCreatedCloudEvent({ id: 'c', blob: 'tmdb_movies/landing/more.json' })],
      { ...headers, 'Content-Type': 'application/cloudevents-batch+json' },
      '/webhooks/eventgrid',
    );
    assert.equal(batch.status, 200);
    assert.deepEqual(sent.map((event) => [event.name === 'medallion/raw.landed' ? event.id : '', 'path' in event.data ? event.data.path : '']), [
      ['eventgrid-9aeb0fdf-c01e-0131-0922-9eb54906e209', 'discogs_releases/p=1990s/landing/page 1.json'],
      ['eventgrid-a', 'tmdb_movies/landing/2026-11-26.json'],
      ['eventgrid-c', 'tmdb_movies/landing/more.json'],
    ]);
    assert.deepEqual((await jsonOf<WebhookBody>(batch)).ignored, [{ id: 'b', reason: 'container "gold" is not "raw"' }]);
  });

  it('ignores other containers, other event types and Data Lake CreateFile', async () => {
    const { app, sent } = createTestApp(lake);
    const response = await deliver(app, [
      blobCreatedEventGrid({ id: '1', container: 'intermediate' }),
      blobCreatedEventGrid({ id: '2', eventType: 'Microsoft.Storage.BlobDeleted' }),
      blobCreatedEventGrid({ id: '3', api: 'CreateFile', contentLength: 0 }),
    ]);
    assert.equal(response.status, 200);
    const body = await jsonOf<WebhookBody>(response);
    assert.deepEqual(body.ignored.map((i) => i.id), ['1', '2', '3']);
    assert.deepEqual(body.sent, []);
    assert.equal(sent.length, 0);
  });

  it('answers 400 to malformed deliveries (Event Grid does not retry them) and sends nothing', async () => {
    const { app, sent } = createTestApp(lake);
    const { id: _id, ...noId } = blobCreatedEventGrid();
    const malformed: unknown[] = [
      '{"not json',
      [],
      { hello: 'world' },
      [noId],
      [{ ...blobCreatedEventGrid({ id: 'x' }), subject: '/not/a/blob' }, { ...blobCreatedEventGrid({ id: 'y' }), data: null }],
      [{ ...blobCreatedEventGrid(), data: { ...blobCreatedEventGrid().data, contentLength: -1 } }],
      [{ ...blobCreatedEventGrid(), data: 'text' }],
      { ...blobCreatedCloudEvent(), specversion: '0.3' },
    ];
    for (const body of malformed) {
      const response = await deliver(app, body);
      assert.equal(response.status, 400, JSON.stringify(body));
      assert.match((await jsonOf<ErrorBody>(response)).error.code, /^(MALFORMED_EVENT|INVALID_REQUEST)$/);
    }
    assert.equal(sent.length, 0);
  });

  it('refuses a blob name with a ".." segment, an absolute path or NUL with a 400 naming the problem, and sends nothing', async () => {
    const { app, sent } = createTestApp(lake);
    const cases: Array<[string, RegExp]> = [
      ['../../etc/passwd', /"raw\/..\/..\/etc\/passwd" has a "\.\." segment/],
      ['tmdb_movies/landing/../../../secrets.json', /has a "\.\." segment/],
      ['tmdb_movies/%2e%2e/%2E%2E/x.json', /has a "\.\." segment/],
      ['tmdb_movies\\..\\..\\x.json', /has a "\.\." segment/],
      ['/etc/passwd', /is an absolute path/],
      ['tmdb_movies/landing/x%00.json', /contains a NUL character/],
    ];
    for (const [blob, message] of cases) {
      const response = await deliver(app, [blobCreatedEventGrid({ blob })]);
      assert.equal(response.status, 400, blob);
      const { error } = await jsonOf<ErrorBody<Refused>>(response);
      assert.equal(error.code, 'UNSAFE_BLOB_PATH', blob);
      assert.match(error.message, message, blob);
      assert.deepEqual(error.refused.map((r) => r.code), ['UNSAFE_BLOB_PATH']);
    }
    const cloud = await deliver(app, blobCreatedCloudEvent({ blob: '../x.json' }), { 'Content-Type': 'application/cloudevents+json' });
    assert.equal(cloud.status, 400);
    assert.equal(sent.length, 0);
  });

  it('sends the good events of a delivery that also holds refused ones, answering 200 with what was refused and logging it', async () => {
    const { app, sent, logs } = createTestApp(lake);
    const response = await deliver(app, [
      blobCreatedEventGrid({ id: 'good', blob: 'tmdb_movies/landing/a.json' }),
      blobCreatedEventGrid({ id: 'escape', blob: '../../etc/passwd' }),
      { ...blobCreatedEventGrid({ id: 'garbled' }), subject: '/not/a/blob' },
      blobCreatedEventGrid({ id: 'other', container: 'gold' }),
    ]);
    assert.equal(response.status, 200);
    const body = await jsonOf<WebhookBody>(response);
    assert.deepEqual(sent.map((event) => ('id' in event ? event.id : undefined)), ['eventgrid-good']);
    assert.deepEqual(body.refused.map((r) => [r.id, r.code]), [['escape', 'UNSAFE_BLOB_PATH'], ['garbled', 'MALFORMED_EVENT']]);
    assert.deepEqual(body.ignored.map((i) => i.id), ['other']);
    assert.ok(logs.some((line) => /refused 2 of 4 events: escape: blob name "raw\/\.\.\/\.\.\/etc\/passwd" has a "\.\." segment/.test(line)), logs.join('\n'));
  });

  it('sends all the landings of a delivery in one call while they fit one event API request', async () => {
    const calls: number[] = [];
    const sent: string[] = [];
    const counting = createTestApp(lake, { sendEvent: async (events) => { calls.push(events.length); sent.push(...events.map((event) => ('id' in event ? event.id ?? '' : ''))); return { ids: [] }; } });
    const delivery = Array.from({ length: 50 }, (_, index) => blobCreatedEventGrid({ id: `e${index}`, blob: `tmdb_movies/landing/${index}.json` }));
    assert.equal((await deliver(counting.app, delivery)).status, 200);
    assert.deepEqual(calls, [50]);
    assert.equal(new Set(sent).size, 50);
  });

  it('answers 503 when the event cannot be sent, so Event Grid retries, and keeps the secret out of the log', async () => {
    const { app, logs } = createTestApp(lake, { logRequests: true, sendEvent: async () => { throw new Error('Failed to send event: fetch failed'); } });
    const response = await deliver(app, [blobCreatedEventGrid()]);
    assert.equal(response.status, 503);
    const text = await response.text();
    assert.equal((JSON.parse(text) as ErrorBody).error.code, 'EVENT_SEND_FAILED');
    assert.ok(!text.includes(WEBHOOK_SECRET));
    assert.ok(logs.some((line) => line.includes('fetch failed')));
    assert.ok(logs.some((line) => line.startsWith('POST /webhooks/eventgrid 503')));
    assert.ok(logs.every((line) => !line.includes(WEBHOOK_SECRET)), logs.join('\n'));
  });

  it('answers 503 with what to configure when there is nowhere to send events, or no secret outside dev mode', async () => {
    const noInngest = createTestApp(lake, { sendEvent: 'none' });
    const unsent = await deliver(noInngest.app, [blobCreatedEventGrid()]);
    assert.equal(unsent.status, 503);
    assert.match((await jsonOf<ErrorBody>(unsent)).error.message, /INNGEST_EVENT_KEY/);
    const noSecret = createTestApp(lake, { env: {} });
    const refused = await deliver(noSecret.app, [blobCreatedEventGrid()], EVENT_GRID, '/webhooks/eventgrid');
    assert.equal(refused.status, 503);
    assert.match((await jsonOf<ErrorBody>(refused)).error.message, /set MEDALLION_WEBHOOK_SECRET/);
    const dev = createTestApp(lake, { env: { MEDALLION_DEV: '1' } });
    assert.equal((await deliver(dev.app, [blobCreatedEventGrid()], EVENT_GRID, '/webhooks/eventgrid')).status, 200);
    assert.equal(dev.sent.length, 1);
  });

  it('limits the delivery size', async () => {
    const { app, sent } = createTestApp(lake, { limits: { webhookBodyBytes: 4096 } });
    const big = [blobCreatedEventGrid({ blob: `tmdb_movies/landing/${'x'.repeat(5000)}.json` })];
    const response = await deliver(app, big);
    assert.equal(response.status, 413);
    assert.equal(sent.length, 0);
  });
});
