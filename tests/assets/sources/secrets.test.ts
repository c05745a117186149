import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { trace } from '@opentelemetry/api';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { createDiscogsClient } from '../../../assets/sources/discogs-client.ts';
import type { FetchLike } from '../../../assets/sources/http/send-request.ts';
import { createTmdbClient } from '../../../assets/sources/tmdb-client.ts';
import { json, scriptedFetch, type Reply } from './http/scripted-fetch.ts';

const API_KEY = 'aaaabbbbccccdddd0000111122223333';
const READ_TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJzZWNyZXQiOnRydWV9.c2VjcmV0LXNpZ25hdHVyZQ';
const DISCOGS_TOKEN = 'QwErTyDiscogsPersonalToken987';
const SECRETS = [API_KEY, READ_TOKEN, DISCOGS_TOKEN];

/** A fetch that fails the way a careless one might: quoting the URL and headers in its error and cause. */
const leakyFetch: FetchLike = (input, init) => {
  const cause = Object.assign(new Error(`connect ECONNRESET while sending ${JSON.stringify(init.headers)}`), { code: 'ECONNRESET' });
  throw new TypeError(`fetch failed for ${input}`, { cause });
};

/** Echoes the credentials back in the error body, as no service should. */
const echoing = (status: number): Reply =>
  json(status, { success: false, status_code: status === 401 ? 7 : 6, status_message: `Invalid API key ${API_KEY} / ${READ_TOKEN}`, message: `bad token=${DISCOGS_TOKEN}` });

function errorChain(error: unknown): string[] {
  const texts: string[] = [];
  for (let current = error; current instanceof Error; current = current.cause) texts.push(current.message, current.stack ?? '');
  return texts;
}

describe('secrets never leak', () => {
  const exporter = new InMemorySpanExporter();
  before(() => trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] })));
  after(() => trace.disable());

  it('into messages, causes, hook arguments or spans, whatever fetch or the server says', async () => {
    const captured: string[] = [];
    const hooks = { onRequest: (event: unknown) => captured.push(JSON.stringify(event)), onResponse: (event: unknown) => captured.push(JSON.stringify(event)) };
    const common = { ...hooks, rateLimit: false as const, sleep: async () => {}, retry: { maxAttempts: 2 } };
    const capture = (promise: Promise<unknown>) => promise.then(() => assert.fail('expected a failure'), (error: unknown) => captured.push(...errorChain(error)));

    await capture(createTmdbClient({ apiKey: API_KEY, fetch: leakyFetch, ...common }).popularPage(1));
    await capture(createTmdbClient({ readAccessToken: READ_TOKEN, fetch: leakyFetch, ...common }).popularPage(1));
    await capture(createDiscogsClient({ token: DISCOGS_TOKEN, userAgent: 'T/1', fetch: leakyFetch, ...common }).search({ q: 'x' }, 1));
    for (const status of [401, 400, 404, 429, 503]) {
      await capture(createTmdbClient({ apiKey: API_KEY, fetch: scriptedFetch([echoing(status)]).fetch, ...common }).movie(1));
      await capture(createDiscogsClient({ token: DISCOGS_TOKEN, userAgent: 'T/1', fetch: scriptedFetch([echoing(status)]).fetch, ...common }).release(1));
    }
    const spans = exporter.getFinishedSpans();
    assert.equal(spans.length, 20);
    captured.push(...spans.map((span) => JSON.stringify({ name: span.name, attributes: span.attributes, status: span.status, events: span.events })));

    assert.ok(captured.some((text) => text.includes('api_key=***')), 'the api_key parameter is shown, redacted');
    for (const secret of SECRETS) {
      const leaks = captured.filter((text) => text.includes(secret));
      assert.deepEqual(leaks, [], `secret found in ${leaks.length} captured strings`);
    }
  });
});
