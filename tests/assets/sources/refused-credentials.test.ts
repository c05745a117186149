// A refused credential (401 or 403) on any endpoint of either client fails at the first refusal: no retry,
// the variable to fix named (never its value), the client's requests in flight stopped, and nothing sent after.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NonRetriableError } from '../../../runtime/index.ts';
import { createDiscogsClient, type DiscogsClient } from '../../../assets/sources/discogs-client.ts';
import { HttpRefusalError } from '../../../assets/sources/http/request-errors.ts';
import type { FetchLike } from '../../../assets/sources/http/send-request.ts';
import { createTmdbClient, type TmdbClient } from '../../../assets/sources/tmdb-client.ts';
import { json, recordingSleep, scriptedFetch, text, type Reply } from './http/scripted-fetch.ts';

const TMDB_KEY = '0123456789abcdef0123456789abcdef';
const DISCOGS_TOKEN = 'discogs-personal-token-0123456789';
const USER_AGENT = 'MedallionTest/1.0 +https://example.org';

function tmdbClient(replies: readonly Reply[]) {
  const fake = scriptedFetch(replies, () => 0);
  const { delays, sleep } = recordingSleep();
  const tmdb = createTmdbClient({ apiKey: TMDB_KEY, baseUrl: 'http://tmdb.test/3', fetch: fake.fetch, rateLimit: false, now: () => 0, sleep, random: () => 0.5 });
  return { client: tmdb, requests: fake.requests, delays };
}

function discogsClient(replies: readonly Reply[]) {
  const fake = scriptedFetch(replies, () => 0);
  const { delays, sleep } = recordingSleep();
  const discogs = createDiscogsClient({ token: DISCOGS_TOKEN, userAgent: USER_AGENT, baseUrl: 'http://discogs.test', fetch: fake.fetch, rateLimit: false, now: () => 0, sleep, random: () => 0.5 });
  return { client: discogs, requests: fake.requests, delays };
}

const TMDB_CALLS: Record<string, (tmdb: TmdbClient) => Promise<unknown>> = {
  'popular pages': (tmdb) => tmdb.popularPage(1),
  'discover pages': (tmdb) => tmdb.discoverPage({ primary_release_year: 1999 }, 1),
  search: (tmdb) => tmdb.searchMovies({ query: 'Heat' }, 1),
  details: (tmdb) => tmdb.movie(550, { appendToResponse: ['credits'] }),
  genres: (tmdb) => tmdb.genres(),
};

const DISCOGS_CALLS: Record<string, (discogs: DiscogsClient) => Promise<unknown>> = {
  search: (discogs) => discogs.search({ q: 'score', type: 'release' }, 1),
  releases: (discogs) => discogs.release(249504),
  masters: (discogs) => discogs.master(1000),
};

function assertRefusal(error: unknown, status: number, variables: readonly string[], secret: string): asserts error is HttpRefusalError {
  assert.ok(error instanceof HttpRefusalError && error instanceof NonRetriableError, `a non-retriable refusal, got ${String(error)}`);
  assert.equal(error.reason, 'auth');
  assert.equal(error.status, status);
  for (const variable of variables) assert.match(error.message, new RegExp(variable));
  assert.ok(!error.message.includes(secret), 'the credential itself is never named');
}

describe('a refused credential', () => {
  for (const status of [401, 403]) {
    for (const [endpoint, call] of Object.entries(TMDB_CALLS)) {
      it(`TMDB ${endpoint}: ${status} fails after one request, naming TMDB_API_KEY, and the client sends nothing more`, async () => {
        const { client, requests, delays } = tmdbClient([json(status, { success: false, status_code: status === 401 ? 7 : 3, status_message: 'refused' }), json(200, { genres: [] })]);
        const error = await call(client).catch((caught: unknown) => caught);
        assertRefusal(error, status, ['TMDB_API_KEY'], TMDB_KEY);
        assert.equal(requests.length, 1);
        assert.deepEqual(delays, [], 'no retry was waited for');
        // Every other endpoint now fails with the same refusal, without a request.
        for (const other of Object.values(TMDB_CALLS)) assert.equal(await other(client).catch((caught: unknown) => caught), error);
        assert.equal(requests.length, 1);
      });
    }
    for (const [endpoint, call] of Object.entries(DISCOGS_CALLS)) {
      it(`Discogs ${endpoint}: ${status} fails after one request, naming DISCOGS_TOKEN, and the client sends nothing more`, async () => {
        const { client, requests, delays } = discogsClient([text(status, JSON.stringify({ message: 'You must authenticate to access this resource.' })), json(200, { id: 1 })]);
        const error = await call(client).catch((caught: unknown) => caught);
        assertRefusal(error, status, ['DISCOGS_TOKEN', 'DISCOGS_USER_AGENT'], DISCOGS_TOKEN);
        assert.equal(requests.length, 1);
        assert.deepEqual(delays, []);
        for (const other of Object.values(DISCOGS_CALLS)) assert.equal(await other(client).catch((caught: unknown) => caught), error);
        assert.equal(requests.length, 1);
      });
    }
  }

  it('stops the client\'s other requests in flight with the same refusal', async () => {
    // Four requests in flight; the first is answered 401, the others would never be answered.
    const sent: string[] = [];
    const answers: ((response: Response) => void)[] = [];
    let allSent!: () => void;
    const fourSent = new Promise<void>((resolve) => (allSent = resolve));
    const fetch: FetchLike = (url, init) => new Promise<Response>((resolve, reject) => {
      sent.push(url);
      answers.push(resolve);
      init.signal?.addEventListener('abort', () => reject(init.signal?.reason), { once: true });
      if (sent.length === 4) allSent();
    });
    // Without throttling: Discogs' limiter sends one request at a time until a response reports the server's count.
    const unthrottled = createDiscogsClient({ token: DISCOGS_TOKEN, userAgent: USER_AGENT, baseUrl: 'http://discogs.test', fetch, rateLimit: false, now: () => 0 });
    const calls = [1, 2, 3, 4].map((page) => unthrottled.search({ q: 'score' }, page));
    await fourSent;
    answers[0]!(new Response(JSON.stringify({ message: 'You must authenticate to access this resource.' }), { status: 401 }));
    const settled = await Promise.allSettled(calls);
    const reasons = settled.map((result): unknown => (result.status === 'rejected' ? result.reason : result.value));
    assertRefusal(reasons[0], 401, ['DISCOGS_TOKEN'], DISCOGS_TOKEN);
    for (const reason of reasons) assert.equal(reason, reasons[0], 'each call fails with the one refusal');
    await assert.rejects(unthrottled.master(1), (error: unknown) => error === reasons[0]);
    assert.equal(sent.length, 4, 'nothing was sent after the refusal');
  });

  it('is not a Discogs page past 100, which is never asked (Discogs answers it 403)', async () => {
    const { client, requests } = discogsClient([json(200, {})]);
    await assert.rejects(client.search({ q: 'score' }, 101), (error: unknown) => error instanceof NonRetriableError && !(error instanceof HttpRefusalError) && /max at 100/.test(error.message));
    assert.equal(requests.length, 0);
  });
});
