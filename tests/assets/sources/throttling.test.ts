import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createDiscogsClient } from '../../../assets/sources/discogs-client.ts';
import type { FetchLike } from '../../../assets/sources/http/send-request.ts';
import { createTmdbClient } from '../../../assets/sources/tmdb-client.ts';
import { listen } from './http/listen.ts';
import { tmdbPage } from './http/scripted-fetch.ts';
import { createStrictDiscogs } from './http/strict-discogs.ts';
import { createVirtualClock } from './http/virtual-clock.ts';

/** The least time N requests can take under L per W: the last batch starts (⌈N/L⌉ − 1)·W in, then answers. */
const floorMs = (count: number, limit: number, windowMs: number, latencyMs: number) => (Math.ceil(count / limit) - 1) * windowMs + latencyMs;

/** The most requests that fell within any `windowMs` (a window is (t − W, t]). */
const maxInAnyWindow = (times: readonly number[], windowMs: number) =>
  Math.max(...times.map((end) => times.filter((time) => time > end - windowMs && time <= end).length));

const range = (count: number) => Array.from({ length: count }, (_, index) => index + 1);

describe('throttling by the services\' signals', () => {
  it('Discogs: 30 requests at 5 per second, 4 in flight, provoke no 429 from a strict window and take ≤ 5 % over the floor', async () => {
    const clock = createVirtualClock();
    const server = createStrictDiscogs({ limit: 5, windowMs: 1000, now: clock.now, latencyMs: 10, delay: clock.sleep });
    const discogs = createDiscogsClient({
      token: 'token', userAgent: 'Test/1.0', baseUrl: 'http://discogs.test', fetch: (input, init) => server.app.request(input, init),
      now: clock.now, sleep: clock.sleep, rateLimit: { limit: 5, windowMs: 1000, concurrency: 4, marginMs: 0 },
    });
    await Promise.all(range(30).map((page) => discogs.search({ q: 'score' }, page)));
    const floor = floorMs(30, 5, 1000, 10);
    assert.equal(server.stats.throttled, 0);
    assert.equal(server.stats.arrivals.length, 30);
    assert.ok(clock.now() >= floor);
    const ratio = clock.now() / floor;
    console.log(`Discogs virtual: 30 requests at 5/1 s, 10 ms latency: ${clock.now()} ms, floor ${floor} ms, ratio ${ratio.toFixed(3)}`);
    assert.ok(ratio <= 1.05, `ratio ${ratio}`);
  });

  it('Discogs: requests by other clients of the token count too; the client steers by -Remaining and gets no 429', async () => {
    const clock = createVirtualClock();
    const server = createStrictDiscogs({ limit: 5, windowMs: 1000, now: clock.now, latencyMs: 10, delay: clock.sleep });
    server.addForeign(0, 0, 0);
    const discogs = createDiscogsClient({
      token: 'token', userAgent: 'Test/1.0', baseUrl: 'http://discogs.test', fetch: (input, init) => server.app.request(input, init),
      now: clock.now, sleep: clock.sleep, rateLimit: { limit: 5, windowMs: 1000, concurrency: 4, marginMs: 0 },
    });
    await Promise.all(range(8).map((page) => discogs.search({ q: 'score' }, page)));
    assert.equal(server.stats.throttled, 0);
    assert.equal(server.stats.arrivals.length, 8);
  });

  it('Discogs over loopback in real time: 7 requests at 3 per 300 ms provoke no 429 from a strict window', async () => {
    // Client and server read one clock: with Date.now() (whole ms) against performance.now(), and timers that
    // may fire up to a millisecond early, a request could reach the server a hair before its window frees.
    const now = () => performance.now();
    const server = createStrictDiscogs({ limit: 3, windowMs: 300, now });
    const listening = await listen(server.app);
    try {
      const discogs = createDiscogsClient({ token: 'token', userAgent: 'Test/1.0', baseUrl: listening.url, now, rateLimit: { limit: 3, windowMs: 300, concurrency: 4, marginMs: 0 } });
      await Promise.all(range(7).map((page) => discogs.search({ q: 'score' }, page)));
      assert.equal(server.stats.throttled, 0);
      assert.equal(server.stats.arrivals.length, 7);
    } finally {
      await listening.close();
    }
  });

  it('TMDB: 100 concurrent calls keep to 40 sent per second and 20 in flight, at the floor', async () => {
    const clock = createVirtualClock();
    const sentAt: number[] = [];
    let inFlight = 0;
    let maxInFlight = 0;
    const fetch: FetchLike = async (input) => {
      sentAt.push(clock.now());
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await clock.sleep(100);
      inFlight -= 1;
      return Response.json(tmdbPage(Number(new URL(input).searchParams.get('page'))));
    };
    const tmdb = createTmdbClient({ apiKey: 'key', baseUrl: 'http://tmdb.test/3', fetch, now: clock.now, sleep: clock.sleep });
    await Promise.all(range(100).map((page) => tmdb.popularPage(page)));
    assert.equal(maxInFlight, 20);
    assert.equal(maxInAnyWindow(sentAt, 1000), 40);
    const floor = floorMs(100, 40, 1000, 100);
    console.log(`TMDB virtual: 100 requests at 40/s, 20 in flight, 100 ms latency: ${clock.now()} ms, floor ${floor} ms, ratio ${(clock.now() / floor).toFixed(3)}`);
    assert.equal(clock.now(), floor);
  });

  it('TMDB: honours a smaller rate and concurrency when configured', async () => {
    const clock = createVirtualClock();
    const sentAt: number[] = [];
    const fetch: FetchLike = async () => (sentAt.push(clock.now()), Response.json(tmdbPage(1)));
    const tmdb = createTmdbClient({ apiKey: 'key', fetch, now: clock.now, sleep: clock.sleep, rateLimit: { limit: 2, windowMs: 500, concurrency: 1 } });
    await Promise.all(range(5).map(() => tmdb.popularPage(1)));
    assert.deepEqual(sentAt, [0, 0, 500, 500, 1000]);
  });
});
