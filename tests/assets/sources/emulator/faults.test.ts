import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildCatalogue } from '../../../../assets/sources/emulator/catalogue.ts';
import { createEmulator } from '../../../../assets/sources/emulator/emulator-app.ts';
import { parseFaultSpec } from '../../../../assets/sources/emulator/fault-spec.ts';
import { recordDefect } from '../../../../assets/sources/emulator/malformed-records.ts';
import { jsonOf } from '../../../support/json.ts';
import { discogsGet, tmdbGet, type TmdbErrorBody, type TmdbFilmPage } from './emulator-requests.ts';

/** A page whose records may be malformed: the tests read them untyped. */
type MalformedPage = { readonly results: readonly Record<string, unknown>[] };

const catalogue = buildCatalogue({ films: 600, seed: 21 });
const unlimited = { catalogue, tmdb: { rateLimit: false as const }, discogs: { rateLimit: false as const } };

describe('faults over the in-process fetch', () => {
  it('serves each error status with the service’s own body', async () => {
    const emulator = createEmulator(unlimited);
    const tmdbCodes = { 429: 25, 500: 11, 502: 43, 503: 9 } as const;
    for (const [status, code] of Object.entries(tmdbCodes)) {
      emulator.faults.clear();
      emulator.faults.add({ kind: status as '429', api: 'tmdb', path: '/movie/popular' });
      const response = await tmdbGet(emulator, '/movie/popular');
      assert.equal(response.status, Number(status));
      const body = await jsonOf<TmdbErrorBody>(response);
      assert.deepEqual([body.success, body.status_code], [false, code]);
      assert.equal(emulator.stats.requests({ status: Number(status) })[0]?.fault, status);
    }
    // An injected TMDB 429 is the rate limit's own: Retry-After when the service is set to send one.
    const withRetryAfter = createEmulator({ ...unlimited, tmdb: { rateLimit: { requestsPerSecond: 10_000, retryAfterSeconds: 3 } } });
    withRetryAfter.faults.add({ kind: '429', api: 'tmdb', path: '/movie/popular' });
    assert.equal((await tmdbGet(withRetryAfter, '/movie/popular')).headers.get('retry-after'), '3');
    assert.equal((await tmdbGet(emulator, '/movie/popular')).headers.get('retry-after'), null);
    emulator.faults.clear();
    emulator.faults.add({ kind: '429', api: 'discogs', path: '/database/search' });
    const tooQuick = await discogsGet(emulator, '/database/search?q=score');
    assert.equal(tooQuick.status, 429);
    assert.equal(tooQuick.headers.get('retry-after'), null);
    assert.deepEqual(await jsonOf<unknown>(tooQuick), { message: 'You are making requests too quickly.' });
    emulator.faults.clear();
    emulator.faults.add({ kind: '503', api: 'discogs' });
    const unavailable = await discogsGet(emulator, '/database/search?q=score');
    assert.equal(unavailable.status, 503);
    assert.match(unavailable.headers.get('content-type') ?? '', /text\/html/);
  });

  it('drops the connection: the fetch rejects as undici does, and the stats record status 0', async () => {
    const emulator = createEmulator({ ...unlimited, faults: { rules: [{ kind: 'reset', path: '/movie/popular', page: 2 }] } });
    assert.equal((await tmdbGet(emulator, '/movie/popular?page=1')).status, 200);
    await assert.rejects(tmdbGet(emulator, '/movie/popular?page=2'), (error: TypeError & { cause: { code: string } }) => {
      assert.equal(error.name, 'TypeError');
      assert.equal(error.message, 'fetch failed');
      assert.equal(error.cause.code, 'UND_ERR_SOCKET');
      return true;
    });
    assert.deepEqual(emulator.stats.requests({ page: 2 }).map((record) => [record.status, record.fault]), [[0, 'reset']]);
  });

  it('delays slow responses, and a client that gives up gets its abort', async () => {
    const waits: number[] = [];
    const emulator = createEmulator({ ...unlimited, sleep: async (ms) => void waits.push(ms), faults: { slowMs: 1_500, rules: [{ kind: 'slow', api: 'discogs' }] } });
    assert.equal((await discogsGet(emulator, '/database/search?q=score')).status, 200);
    emulator.faults.add({ kind: 'slow', api: 'tmdb', delayMs: 250 });
    assert.equal((await tmdbGet(emulator, '/movie/popular')).status, 200);
    assert.deepEqual(waits, [1_500, 250]);
    const real = createEmulator({ ...unlimited, faults: { rules: [{ kind: 'slow', delayMs: 10_000 }] } });
    // The fault waits 10 s: a rejection at all means the client's abort ended the wait.
    await assert.rejects(tmdbGet(real, '/movie/popular', { signal: AbortSignal.timeout(50) }), { name: 'TimeoutError' });
  });

  it('truncates the body mid-way with a 200', async () => {
    const emulator = createEmulator({ ...unlimited, faults: { rules: [{ kind: 'truncated', api: 'discogs', times: 1 }] } });
    const response = await discogsGet(emulator, '/database/search?q=score');
    assert.equal(response.status, 200);
    const text = await response.text();
    assert.throws(() => JSON.parse(text), SyntaxError);
    const intact = await (await discogsGet(emulator, '/database/search?q=score')).text();
    assert.equal(text, intact.slice(0, Math.floor(intact.length / 2)));
  });

  it('malforms exactly the records the rate picks by id, and logs each', async () => {
    const emulator = createEmulator({ ...unlimited, faults: { seed: 4, rules: [{ kind: 'malformed', api: 'tmdb', page: 1, recordRate: 0.3 }] } });
    const { results } = await jsonOf<MalformedPage>(tmdbGet(emulator, '/movie/popular?page=1'));
    const expected = catalogue.films.slice(0, 20).flatMap((film) => {
      const defect = recordDefect(4, 'tmdb', film.id, 0.3);
      return defect === undefined ? [] : [{ id: film.id, defect }];
    });
    assert.ok(expected.length > 0);
    assert.deepEqual(emulator.faults.malformedRecords().map(({ id, defect }) => ({ id, defect })), expected);
    results.forEach((record, index) => {
      const film = catalogue.films[index]!;
      const defect = expected.find((entry) => entry.id === film.id)?.defect;
      if (defect === undefined) return assert.deepEqual(record, film);
      if (defect === 'id-as-string') assert.equal(record.id, String(film.id));
      if (defect === 'title-missing') assert.ok(!('title' in record));
      if (defect === 'list-as-string') assert.equal(typeof record.genre_ids, 'string');
      if (defect === 'date-retyped') assert.equal(record.release_date, null);
    });
    const page2 = await jsonOf<TmdbFilmPage>(tmdbGet(emulator, '/movie/popular?page=2'));
    assert.deepEqual(page2.results, catalogue.films.slice(20, 40), 'the rule only matches page 1');
  });

  it('malforms Discogs search items too', async () => {
    const emulator = createEmulator({ ...unlimited, faults: { rules: [{ kind: 'malformed', api: 'discogs', recordRate: 1 }] } });
    const { results } = await jsonOf<MalformedPage>(discogsGet(emulator, '/database/search?q=score&per_page=20'));
    assert.equal(emulator.faults.malformedRecords().length, 20);
    assert.ok(results.every((item) => typeof item.id === 'string' || !('title' in item) || typeof item.genre === 'string' || typeof item.year !== 'string'));
  });

  it('applies a rule a set number of times, and rules change at runtime', async () => {
    const emulator = createEmulator(unlimited);
    const id = emulator.faults.add({ kind: '503', path: '/movie/popular', page: 7, times: 3 });
    const statuses = [];
    for (let attempt = 0; attempt < 4; attempt++) statuses.push((await tmdbGet(emulator, '/movie/popular?page=7')).status);
    assert.deepEqual(statuses, [503, 503, 503, 200]);
    assert.deepEqual(emulator.faults.rules().map((rule) => [rule.id, rule.remaining]), [[id, 0]]);
    const forever = emulator.faults.add({ kind: '502', path: '/movie/:id' });
    assert.equal((await tmdbGet(emulator, `/movie/${catalogue.films[0]!.id}`)).status, 502);
    assert.equal(emulator.faults.remove(forever), true);
    assert.equal((await tmdbGet(emulator, `/movie/${catalogue.films[0]!.id}`)).status, 200);
    assert.deepEqual(emulator.faults.injected().map((fault) => [fault.kind, fault.path, fault.page]), [
      ['503', '/movie/popular', 7], ['503', '/movie/popular', 7], ['503', '/movie/popular', 7], ['502', `/movie/${catalogue.films[0]!.id}`, 1],
    ]);
  });

  it('draws random faults from its seed: the same sequence for the same seed', async () => {
    const run = async () => {
      const emulator = createEmulator({ ...unlimited, faults: { seed: 9, rates: { '503': 0.2, '500': 0.1 } } });
      const statuses: number[] = [];
      for (let page = 1; page <= 60; page++) statuses.push((await tmdbGet(emulator, `/movie/popular?page=${page}`)).status);
      return statuses;
    };
    const first = await run();
    assert.deepEqual(await run(), first);
    const faulted = first.filter((status) => status !== 200).length;
    assert.ok(faulted > 5 && faulted < 35, `${faulted} faulted`);
  });
});

describe('fault spec', () => {
  it('reads random rates and targeted rules', () => {
    assert.deepEqual(parseFaultSpec('reset:0.01, slow:0.05,503@tmdb/movie/popular#7-9*3,truncated@discogs/database/search#2'), {
      rates: { reset: 0.01, slow: 0.05 },
      rules: [
        { kind: '503', api: 'tmdb', path: '/movie/popular', page: { from: 7, to: 9 }, times: 3 },
        { kind: 'truncated', api: 'discogs', path: '/database/search', page: 2 },
      ],
    });
    assert.throws(() => parseFaultSpec('boom:0.1'), /unknown kind "boom"/);
    assert.throws(() => parseFaultSpec('503:7'), /between 0 and 1/);
    assert.throws(() => parseFaultSpec('503@elsewhere'), /expected KIND:RATE/);
  });
});
