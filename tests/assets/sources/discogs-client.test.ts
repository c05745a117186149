import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, NonRetriableError } from '../../../runtime/index.ts';
import { createDiscogsClient, readDiscogsRateLimit, type DiscogsClientOptions } from '../../../assets/sources/discogs-client.ts';
import { HttpRefusalError } from '../../../assets/sources/http/request-errors.ts';
import type { RequestEvent } from '../../../assets/sources/http/request-events.ts';
import { discogsPage, json, recordingSleep, scriptedFetch, text, type Reply } from './http/scripted-fetch.ts';
import { createVirtualClock } from './http/virtual-clock.ts';

const TOKEN = 'discogs-personal-token-0123456789';
const USER_AGENT = 'MedallionTest/1.0 +https://example.org';
const BASE = 'http://discogs.test';

function client(replies: readonly Reply[], options: Partial<DiscogsClientOptions> = {}) {
  const clock = createVirtualClock();
  const fake = scriptedFetch(replies, clock.now);
  const { delays, sleep } = recordingSleep(clock.sleep);
  const requests: RequestEvent[] = [];
  const discogs = createDiscogsClient({
    token: TOKEN, userAgent: USER_AGENT, baseUrl: BASE, fetch: fake.fetch, now: clock.now, sleep, random: () => 0.5,
    rateLimit: { limit: 5, windowMs: 1000, marginMs: 0 }, retry: { maxAttempts: 3, initialDelayMs: 100 },
    onRequest: (event) => requests.push(event), ...options,
  });
  return { discogs, clock, fetched: fake.requests, delays, requests };
}

const limited = (remaining: number, status = 200, body: unknown = discogsPage(1)) =>
  json(status, body, { 'x-discogs-ratelimit': '60', 'x-discogs-ratelimit-used': String(60 - remaining), 'x-discogs-ratelimit-remaining': String(remaining) });

describe('Discogs client', () => {
  it('sends the token, the User-Agent and every search parameter, and validates the envelope', async () => {
    const { discogs, fetched } = client([json(200, discogsPage(2))]);
    const page = await discogs.search({ q: 'soundtrack', type: 'release', genre: 'Stage & Screen', style: 'Soundtrack', year: 1999, per_page: 100 }, 2);
    assert.deepEqual(page, discogsPage(2));
    const request = fetched[0]!;
    assert.equal(request.url.href, `${BASE}/database/search?q=soundtrack&type=release&genre=Stage+%26+Screen&style=Soundtrack&year=1999&per_page=100&page=2`);
    assert.equal(request.headers.get('authorization'), `Discogs token=${TOKEN}`);
    assert.equal(request.headers.get('user-agent'), USER_AGENT);
    assert.equal(request.headers.get('accept'), 'application/vnd.discogs.v2.discogs+json');
  });

  it('implements ReleaseSource.search and fetches releases and masters raw', async () => {
    const { discogs, fetched } = client([json(200, discogsPage(1)), json(200, { id: 249504, title: 'Never Gonna Give You Up' }), json(200, { id: 1000 })]);
    await discogs.search({ q: 'score', type: 'release' }, 1);
    assert.deepEqual(await discogs.release(249504), { id: 249504, title: 'Never Gonna Give You Up' });
    assert.deepEqual(await discogs.master(1000), { id: 1000 });
    assert.deepEqual(fetched.map((request) => request.url.pathname + request.url.search), ['/database/search?q=score&type=release&page=1', '/releases/249504', '/masters/1000']);
  });

  it('fails at once on 401, after exactly one request, naming DISCOGS_TOKEN and DISCOGS_USER_AGENT', async () => {
    const { discogs, fetched } = client([json(401, { message: 'You must authenticate to access this resource.' })]);
    const error = await discogs.search({ q: 'score' }, 1).catch((caught: unknown) => caught);
    assert.ok(error instanceof NonRetriableError && error instanceof HttpRefusalError && error.reason === 'auth');
    assert.equal(fetched.length, 1);
    assert.match(error.message, /^Discogs GET \/database\/search\?q=score&page=1 was refused: 401 Unauthorized \(You must authenticate/);
    assert.match(error.message, /DISCOGS_TOKEN/);
    assert.match(error.message, /DISCOGS_USER_AGENT/);
    assert.ok(!error.message.includes(TOKEN));
  });

  it('treats Cloudflare\'s 403 for a missing or generic User-Agent as an auth failure', async () => {
    const { discogs, fetched } = client([text(403, '<html>Access denied</html>')]);
    await assert.rejects(discogs.search({ q: 'score' }, 1), (error: unknown) => error instanceof HttpRefusalError && error.status === 403 && /DISCOGS_USER_AGENT/.test(error.message));
    assert.equal(fetched.length, 1);
  });

  it('reports an unknown release as not found, without retrying', async () => {
    const { discogs, fetched } = client([json(404, { message: 'That release does not exist or may have been deleted.' })]);
    await assert.rejects(discogs.release(1), { name: 'HttpRefusalError', message: 'Discogs GET /releases/1: not found (404 Not Found (That release does not exist or may have been deleted.))' });
    assert.equal(fetched.length, 1);
  });

  it('retries a 500 "Query time exceeded" with backoff', async () => {
    const { discogs, fetched, delays } = client([json(500, { message: 'Query time exceeded. Please try a simpler query.' }), json(200, discogsPage(1))]);
    await discogs.search({ q: 'score' }, 1);
    assert.equal(fetched.length, 2);
    assert.deepEqual(delays, [50]);
  });

  it('waits when the server says nothing remains (other clients of the token), exactly until its request leaves', async () => {
    const { discogs, fetched, requests } = client([limited(0), limited(59)]);
    await discogs.search({ q: 'a' }, 1);
    await discogs.search({ q: 'a' }, 2);
    assert.deepEqual(fetched.map((request) => request.at), [0, 1000]);
    assert.deepEqual(requests.map((event) => event.waitedMs), [0, 1000]);
  });

  it('waits out a 429 until the window frees, instead of backing off blindly', async () => {
    const { discogs, fetched, delays } = client([limited(3), limited(0, 429, { message: 'You are making requests too quickly.' }), limited(59)]);
    await discogs.search({ q: 'a' }, 1);
    await discogs.search({ q: 'a' }, 2);
    // The 429 was answered at 0; the first counted request leaves the window at 1000.
    assert.deepEqual(fetched.map((request) => request.at), [0, 0, 1000]);
    assert.deepEqual(delays, [0, 1000]);
  });

  it('backs off with jitter on a 429 when throttling is off', async () => {
    const { discogs, fetched, delays } = client([limited(0, 429, {}), limited(59)], { rateLimit: false });
    await discogs.search({ q: 'a' }, 1);
    assert.equal(fetched.length, 2);
    assert.deepEqual(delays, [50]);
  });

  it('needs a User-Agent, and starts at 25 a minute without a token', async () => {
    assert.throws(() => createDiscogsClient({ token: TOKEN, userAgent: ' ' }), (error: unknown) => error instanceof ConfigError && /DISCOGS_USER_AGENT/.test(error.message));
    const { discogs, fetched } = client([json(200, discogsPage(1))], { token: undefined, rateLimit: undefined });
    for (let page = 1; page <= 26; page += 1) await discogs.search({ q: 'a' }, page);
    assert.equal(fetched[0]!.headers.get('authorization'), null);
    // 25 per 60 s, each counted until 60 s + the 100 ms margin after its response.
    assert.deepEqual([fetched[24]!.at, fetched[25]!.at], [0, 60_100]);
  });

  it('reads the rate-limit headers, ignoring junk', () => {
    const headers = new Headers({ 'x-discogs-ratelimit': '60', 'x-discogs-ratelimit-remaining': '57', 'x-discogs-ratelimit-used': '3' });
    assert.deepEqual(readDiscogsRateLimit(headers), { limit: 60, remaining: 57 });
    assert.deepEqual(readDiscogsRateLimit(new Headers({ 'x-discogs-ratelimit-remaining': 'n/a' })), {});
  });
});
