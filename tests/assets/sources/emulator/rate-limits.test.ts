import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildCatalogue } from '../../../../assets/sources/emulator/catalogue.ts';
import { createEmulator } from '../../../../assets/sources/emulator/emulator-app.ts';
import { createMovingWindow } from '../../../../assets/sources/emulator/rate-limits.ts';
import { jsonOf } from '../../../support/json.ts';
import { discogsGet, tmdbGet, USER_AGENT, type TmdbErrorBody } from './emulator-requests.ts';

const catalogue = buildCatalogue({ films: 400, seed: 5 });

function window(response: Response) {
  return ['x-discogs-ratelimit', 'x-discogs-ratelimit-used', 'x-discogs-ratelimit-remaining'].map((name) => response.headers.get(name));
}

describe('Discogs rate limit', () => {
  it('reports the moving window on every response, errors included', async () => {
    let now = 0;
    const emulator = createEmulator({ catalogue, clock: () => now, tmdb: { rateLimit: false } });
    assert.deepEqual(window(await discogsGet(emulator, '/database/search?q=score')), ['60', '1', '59']);
    assert.deepEqual(window(await discogsGet(emulator, '/releases/1')), ['60', '2', '58']);
    // Without valid credentials the anonymous tier applies, to the same per-source window.
    assert.deepEqual(window(await discogsGet(emulator, '/database/search', { authorization: 'Discogs token=wrong' })), ['25', '3', '22']);
    const anonymous = await emulator.fetch(`${emulator.urls.discogs}/releases/1`, { headers: { 'user-agent': USER_AGENT } });
    assert.deepEqual(window(anonymous), ['25', '4', '21']);
    assert.deepEqual(window(await emulator.fetch(`${emulator.urls.discogs}/releases/1`)), ['25', '5', '20'], 'the User-Agent block too');
  });

  it('answers 429 without Retry-After past the limit, counts only what it served, and recovers as the window moves', async () => {
    let now = 1_000;
    const emulator = createEmulator({ catalogue, clock: () => now, discogs: { rateLimit: { limit: 3, windowMs: 10_000 } } });
    for (const used of [1, 2, 3]) {
      assert.deepEqual(window(await discogsGet(emulator, '/database/search?q=score')), ['3', String(used), String(3 - used)]);
      now += 1_000;
    }
    const refused = await discogsGet(emulator, '/database/search?q=score');
    assert.equal(refused.status, 429);
    assert.equal(refused.headers.get('retry-after'), null);
    assert.deepEqual(await jsonOf<unknown>(refused), { message: 'You are making requests too quickly.' });
    assert.deepEqual(window(refused), ['3', '3', '0']);
    now = 11_000; // the first request (t=1000) left the 10 s window
    const next = await discogsGet(emulator, '/database/search?q=score');
    assert.equal(next.status, 200);
    assert.deepEqual(window(next), ['3', '3', '0']);
    now = 30_000;
    assert.deepEqual(window(await discogsGet(emulator, '/database/search?q=score')), ['3', '1', '2']);
    assert.equal(emulator.stats.count({ status: 429 }), 1);
  });

  it('can be switched off, headers with it', async () => {
    const emulator = createEmulator({ catalogue, discogs: { rateLimit: false } });
    for (let i = 0; i < 70; i++) assert.equal((await discogsGet(emulator, '/database/search?q=score')).status, 200);
    assert.equal((await discogsGet(emulator, '/releases/1')).headers.get('x-discogs-ratelimit'), null);
  });
});

describe('TMDB rate limit', () => {
  it('answers 429 code 25 above the per-second limit, without X-RateLimit headers or Retry-After', async () => {
    let now = 0;
    const emulator = createEmulator({ catalogue, clock: () => now, tmdb: { rateLimit: { requestsPerSecond: 40 } } });
    for (let i = 0; i < 40; i++) assert.equal((await tmdbGet(emulator, '/movie/popular')).status, 200);
    const refused = await tmdbGet(emulator, '/movie/popular');
    assert.equal(refused.status, 429);
    assert.deepEqual(await jsonOf<unknown>(refused), {
      success: false,
      status_code: 25,
      status_message: 'Your request count (#) is over the allowed limit of (40).',
    });
    assert.equal(refused.headers.get('retry-after'), null);
    assert.ok(![...refused.headers.keys()].some((name) => name.startsWith('x-ratelimit')));
    now = 1_000;
    assert.equal((await tmdbGet(emulator, '/movie/popular')).status, 200);
  });

  it('sends Retry-After only when configured, and is off with rateLimit: false', async () => {
    let now = 0;
    const emulator = createEmulator({ catalogue, clock: () => now, tmdb: { rateLimit: { requestsPerSecond: 1, retryAfterSeconds: 2 } } });
    await tmdbGet(emulator, '/movie/popular');
    const refused = await tmdbGet(emulator, '/movie/popular');
    assert.equal(refused.headers.get('retry-after'), '2');
    assert.match((await jsonOf<TmdbErrorBody>(refused)).status_message, /allowed limit of \(1\)/);
    const unlimited = createEmulator({ catalogue, tmdb: { rateLimit: false } });
    for (let i = 0; i < 100; i++) assert.equal((await tmdbGet(unlimited, '/movie/popular')).status, 200);
  });
});

describe('moving window', () => {
  it('counts requests in the last windowMs and never the refused ones', () => {
    const limiter = createMovingWindow({ limit: 2, windowMs: 100 });
    assert.deepEqual(limiter.take(0), { isAllowed: true, used: 1, remaining: 1, limit: 2 });
    assert.deepEqual(limiter.take(50), { isAllowed: true, used: 2, remaining: 0, limit: 2 });
    assert.equal(limiter.take(60).isAllowed, false);
    assert.deepEqual(limiter.take(100), { isAllowed: true, used: 2, remaining: 0, limit: 2 });
    assert.equal(limiter.take(100, 5).isAllowed, true);
    limiter.reset();
    assert.equal(limiter.take(101).used, 1);
  });
});
