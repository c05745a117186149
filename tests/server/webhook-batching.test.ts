// 1,000 landings in one Event Grid delivery go to Inngest in as few event API requests as its limits allow
// (issue 13: one request per event took 23.4 s): a real Inngest client sends to a fake event API on loopback.
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { Inngest, type Logger } from 'inngest';
import { chunkForEventApi, EVENT_API_LIMITS } from '../../server/events.ts';
import type { TempLake } from '../support/temp-lake.ts';
import { blobCreatedEventGrid } from './fixtures/event-grid-payloads.ts';
import { createMixedLake, createTestApp, WEBHOOK_SECRET } from './fixtures/test-app.ts';

const LANDINGS = 1_000;
const quiet: Logger = { info() {}, warn() {}, error() {}, debug() {} };

/** Inngest's event API as far as `inngest.send` needs it: POST /e/<key> with a JSON array, answered with ids. */
function startFakeEventApi() {
  const requests: { path: string; bytes: number; names: string[]; ids: string[] }[] = [];
  const server = createServer((request, response) => {
    void readBody(request).then((body) => {
      const events = JSON.parse(body.toString('utf8')) as { name: string; id?: string }[];
      requests.push({ path: request.url ?? '', bytes: body.length, names: events.map((e) => e.name), ids: events.map((e) => e.id ?? '') });
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ ids: events.map((_, index) => `evt-${requests.length}-${index}`), status: 200 }));
    });
  });
  return { server, requests };
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('the webhook sends a large delivery in event API chunks', () => {
  let lake: TempLake;
  let server: Server;
  let requests: ReturnType<typeof startFakeEventApi>['requests'];
  let baseUrl: string;
  before(async () => {
    lake = await createMixedLake();
    ({ server, requests } = startFakeEventApi());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await lake.cleanup();
  });

  it('sends 1,000 raw landings in requests that each fit the event API limits, every landing once', async (t) => {
    const client = new Inngest({ id: 'medallion-test', isDev: false, eventKey: 'test-event-key', baseUrl, logger: quiet, internalLogger: quiet });
    const { app } = createTestApp(lake, { sendEvent: (events) => client.send([...events]) });
    const delivery = Array.from({ length: LANDINGS }, (_, index) =>
      blobCreatedEventGrid({ id: `landing-${String(index).padStart(4, '0')}`, blob: `tmdb_movies/landing/2026-11-26/page-${String(index).padStart(4, '0')}.json` }));
    const started = performance.now();
    const response = await app.request(`/webhooks/eventgrid?code=${WEBHOOK_SECRET}`, {
      method: 'POST', headers: { 'Content-Type': 'application/json', 'aeg-event-type': 'Notification' }, body: JSON.stringify(delivery),
    });
    t.diagnostic(`${LANDINGS} landings answered in ${Math.round(performance.now() - started)} ms over ${requests.length} event API requests (${requests.map((r) => `${r.ids.length} events, ${r.bytes} bytes`).join('; ')})`);
    assert.equal(response.status, 200, await response.clone().text());
    const expected = chunkForEventApi((await response.json() as { sent: unknown[] }).sent);
    assert.ok(expected.length > 1, 'the delivery is larger than one request may carry (so chunking is exercised)');
    assert.equal(requests.length, expected.length);
    assert.deepEqual(requests.map((r) => r.ids.length), expected.map((chunk) => chunk.length));
    for (const request of requests) {
      assert.match(request.path, /^\/e\/test-event-key$/);
      assert.ok(request.bytes <= EVENT_API_LIMITS.maxBytes, `${request.bytes} bytes in one request`);
      assert.ok(request.names.every((name) => name === 'medallion/raw.landed'));
    }
    const ids = requests.flatMap((r) => r.ids);
    assert.equal(new Set(ids).size, LANDINGS);
    assert.deepEqual(ids, delivery.map((event) => `eventgrid-${event.id}`), 'in delivery order');
  });
});

describe('chunkForEventApi', () => {
  it('keeps order, starts a new chunk at the event or byte limit, and never leaves a chunk empty', () => {
    const events = Array.from({ length: 7 }, (_, index) => ({ n: index, pad: 'x'.repeat(index === 3 ? 500 : 10) }));
    assert.deepEqual(chunkForEventApi(events, { maxEvents: 3, maxBytes: 100_000 }).map((chunk) => chunk.map((e) => e.n)), [[0, 1, 2], [3, 4, 5], [6]]);
    const bySize = chunkForEventApi(events, { maxEvents: 100, maxBytes: 700 });
    assert.deepEqual(bySize.flat().map((e) => e.n), [0, 1, 2, 3, 4, 5, 6]);
    assert.ok(bySize.every((chunk) => chunk.length > 0 && (chunk.length === 1 || JSON.stringify(chunk).length + chunk.length * 97 <= 700)));
    assert.deepEqual(chunkForEventApi(events, { maxEvents: 100, maxBytes: 10 }).map((chunk) => chunk.length), [1, 1, 1, 1, 1, 1, 1]);
    assert.deepEqual(chunkForEventApi([]), []);
  });
});
