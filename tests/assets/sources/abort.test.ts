// Every wait of the source clients honours the caller's abort signal (a run's ctx.signal): the rate
// limiter's window and connection waits, the Retry-After and backoff sleeps, and the request in flight. An
// abort ends the call with the signal's reason, never a retry or a RetryAfterError, and nothing more is sent.
//
// The sleeps here never end on their own: only the abort can end them, so a wait that ignored the signal
// would hang until the test's timeout rather than pass.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createDiscogsClient } from '../../../assets/sources/discogs-client.ts';
import type { Sleep } from '../../../assets/sources/http/backoff.ts';
import type { FetchLike } from '../../../assets/sources/http/send-request.ts';
import { createTmdbClient } from '../../../assets/sources/tmdb-client.ts';
import { json, scriptedFetch, type Reply } from './http/scripted-fetch.ts';

const BOUND = { timeout: 10_000 };
const TMDB_KEY = '0123456789abcdef0123456789abcdef';
const discogsHeaders = (remaining: number) => ({ 'x-discogs-ratelimit': '60', 'x-discogs-ratelimit-remaining': String(remaining) });
const discogsPage = { pagination: { page: 1, pages: 1, per_page: 50, items: 1, urls: {} }, results: [] };

/** A sleep that ends only when its signal aborts; `entered` resolves with the duration of the first sleep. */
function sleepUntilAborted() {
  const durations: number[] = [];
  let enter!: (ms: number) => void;
  const entered = new Promise<number>((resolve) => (enter = resolve));
  const sleep: Sleep = (ms, signal) => {
    durations.push(ms);
    enter(ms);
    return new Promise<void>((_, reject) => {
      if (signal === undefined) return;
      if (signal.aborted) reject(signal.reason);
      signal.addEventListener('abort', () => reject(signal.reason), { once: true });
    });
  };
  return { sleep, entered, durations };
}

function discogs(replies: readonly Reply[], sleep: Sleep, options: { concurrency?: number; signal?: AbortSignal } = {}) {
  const fake = scriptedFetch(replies, () => 0);
  const client = createDiscogsClient({
    token: 'discogs-personal-token-0123456789', userAgent: 'MedallionTest/1.0', baseUrl: 'http://discogs.test', fetch: fake.fetch,
    rateLimit: { limit: 5, windowMs: 1000, marginMs: 0, concurrency: options.concurrency ?? 4 }, now: () => 0, sleep, random: () => 0.5,
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  });
  return { client, requests: fake.requests };
}

describe('aborting a source call', () => {
  it('ends a wait for the rate-limit window with the abort reason, sending nothing more', BOUND, async () => {
    const { sleep, entered } = sleepUntilAborted();
    const { client, requests } = discogs([json(200, discogsPage, discogsHeaders(0))], sleep);
    await client.search({ q: 'a' }, 1);
    const run = new AbortController();
    const waiting = client.search({ q: 'a' }, 2, { signal: run.signal });
    assert.ok((await entered) > 0, 'the second search waits for the window (the server said none remain)');
    const reason = new Error('run interrupted');
    run.abort(reason);
    await assert.rejects(waiting, (error: unknown) => error === reason);
    assert.equal(requests.length, 1);
  });

  it('ends a wait for a connection slot with the abort reason', BOUND, async () => {
    const { sleep } = sleepUntilAborted();
    // One connection, held by a request that is never answered.
    const fetch: FetchLike = (_url, init) => new Promise<Response>((_, reject) => init.signal?.addEventListener('abort', () => reject(init.signal?.reason), { once: true }));
    const run = new AbortController();
    const client = createTmdbClient({ apiKey: TMDB_KEY, baseUrl: 'http://tmdb.test/3', fetch, rateLimit: { concurrency: 1 }, now: () => 0, sleep, signal: run.signal });
    const holding = client.popularPage(1);
    const queued = client.popularPage(2);
    const reason = new Error('run interrupted');
    run.abort(reason);
    await assert.rejects(holding, (error: unknown) => error === reason);
    await assert.rejects(queued, (error: unknown) => error === reason);
  });

  it('ends a Retry-After wait with the abort reason, not a RetryAfterError, and does not retry', BOUND, async () => {
    const { sleep, entered } = sleepUntilAborted();
    const fake = scriptedFetch([json(429, { status_code: 25, status_message: 'over' }, { 'retry-after': '60' }), json(200, {})], () => 0);
    const tmdb = createTmdbClient({ apiKey: TMDB_KEY, baseUrl: 'http://tmdb.test/3', fetch: fake.fetch, rateLimit: false, now: () => 0, sleep, random: () => 0.5 });
    const run = new AbortController();
    const waiting = tmdb.popularPage(1, { signal: run.signal });
    assert.equal(await entered, 60_000, 'the client waits out Retry-After');
    const reason = new Error('run interrupted');
    run.abort(reason);
    await assert.rejects(waiting, (error: unknown) => error === reason);
    assert.equal(fake.requests.length, 1);
  });

  it('ends a backoff sleep with the abort reason', BOUND, async () => {
    const { sleep, entered } = sleepUntilAborted();
    const run = new AbortController();
    const { client, requests } = discogs([json(500, { message: 'Query time exceeded.' }, discogsHeaders(50))], sleep, { signal: run.signal });
    const waiting = client.release(1);
    assert.equal(await entered, 250, 'full jitter at 0.5 of the first retry ceiling');
    const reason = new Error('run interrupted');
    run.abort(reason);
    await assert.rejects(waiting, (error: unknown) => error === reason);
    assert.equal(requests.length, 1);
  });

  it('aborts the request in flight with the abort reason', BOUND, async () => {
    let sent!: () => void;
    const inFlight = new Promise<void>((resolve) => (sent = resolve));
    const fetch: FetchLike = (_url, init) => new Promise<Response>((_, reject) => {
      init.signal?.addEventListener('abort', () => reject(init.signal?.reason), { once: true });
      sent();
    });
    const { sleep } = sleepUntilAborted();
    const tmdb = createTmdbClient({ apiKey: TMDB_KEY, baseUrl: 'http://tmdb.test/3', fetch, rateLimit: false, now: () => 0, sleep });
    const run = new AbortController();
    const waiting = tmdb.movie(550, { signal: run.signal });
    await inFlight;
    const reason = new Error('run interrupted');
    run.abort(reason);
    await assert.rejects(waiting, (error: unknown) => error === reason);
  });

  it('lets dozens of calls in flight wait on one run signal without a listener-leak warning, and aborts them all', BOUND, async () => {
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on('warning', onWarning);
    try {
      const calls = 32;
      const { sleep } = sleepUntilAborted();
      // Once with a run's signal on every call, once with the client's own signal only.
      for (const signalOf of [(run: AbortController) => run.signal, () => undefined]) {
        let sent = 0;
        let allSent!: () => void;
        const inFlight = new Promise<void>((resolve) => (allSent = resolve));
        const fetch: FetchLike = (_url, init) => new Promise<Response>((_, reject) => {
          init.signal?.addEventListener('abort', () => reject(init.signal?.reason), { once: true });
          if (++sent === calls) allSent();
        });
        const client = new AbortController();
        const tmdb = createTmdbClient({ apiKey: TMDB_KEY, baseUrl: 'http://tmdb.test/3', fetch, rateLimit: false, now: () => 0, sleep, signal: client.signal });
        const run = new AbortController();
        const waiting = Array.from({ length: calls }, (_, index) => tmdb.movie(index + 1, { signal: signalOf(run) }));
        await inFlight;
        const reason = new Error('run interrupted');
        (signalOf(run) === undefined ? client : run).abort(reason);
        for (const call of waiting) await assert.rejects(call, (error: unknown) => error === reason);
      }
      // Warnings are emitted on the next tick.
      await new Promise((resolve) => setImmediate(resolve));
      assert.deepEqual(warnings.filter((warning) => warning.name === 'MaxListenersExceededWarning').map((warning) => warning.message), []);
    } finally {
      process.off('warning', onWarning);
    }
  });

  it('throws at once, without a request, when the signal is already aborted', async () => {
    const { sleep } = sleepUntilAborted();
    const { client, requests } = discogs([json(200, discogsPage, discogsHeaders(50))], sleep);
    const reason = new Error('run interrupted');
    await assert.rejects(client.search({ q: 'a' }, 1, { signal: AbortSignal.abort(reason) }), (error: unknown) => error === reason);
    assert.equal(requests.length, 0);
    await client.search({ q: 'a' }, 1);
    assert.equal(requests.length, 1, 'another call of the same client is not affected');
  });
});
