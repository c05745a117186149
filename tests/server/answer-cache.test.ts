// AnswerCache and its shared fingerprint reads, with fingerprints and computations the test controls: an
// answer is computed once per fingerprint and shared, recomputed when the fingerprint changes or its clock
// runs out, not kept when it fails, and the oldest entry goes when the cache is full. A request never takes
// the result of a fingerprint read that started before it arrived.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Hono } from 'hono';
import { AnswerCache, SharedReads, type Answer } from '../../server/answer-cache.ts';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((done, fail) => { resolve = done; reject = fail; });
  return { promise, resolve, reject };
}

/** An app answering `/:variant` from `cache`, with a fingerprint and answers the test sets. */
function cachedApp(cache: AnswerCache) {
  const state = { version: 'v1', computed: [] as string[], fail: false, expiresAt: undefined as number | undefined };
  const app = new Hono();
  app.onError((_error, c) => c.text('failed', 500));
  app.get('/:variant', (c) => cache.respond(c, {
    variant: c.req.param('variant'),
    fingerprint: 'test',
    readFingerprint: async () => state.version,
    compute: async (): Promise<Answer> => {
      state.computed.push(`${c.req.param('variant')}@${state.version}`);
      if (state.fail) throw new Error('the lake is unreadable');
      return { body: JSON.stringify({ variant: c.req.param('variant'), version: state.version }), contentType: 'application/json', expiresAt: state.expiresAt };
    },
  }));
  return { app, state };
}

describe('SharedReads', () => {
  it('gives a request that arrives during a read the next read, shared with everyone who arrived meanwhile', async () => {
    const reads = [deferred<string>(), deferred<string>()];
    let started = 0;
    const shared = new SharedReads();
    const read = () => reads[started++]!.promise;
    const first = shared.read('statuses', read);
    const second = shared.read('statuses', read);
    const third = shared.read('statuses', read);
    assert.equal(started, 1, 'the later requests wait instead of reading');
    reads[0]!.resolve('before the commit');
    assert.equal(await first, 'before the commit');
    reads[1]!.resolve('after the commit');
    assert.deepEqual(await Promise.all([second, third]), ['after the commit', 'after the commit']);
    assert.equal(started, 2);
    const other = deferred<string>();
    const fourth = shared.read('runs', () => other.promise);
    other.resolve('runs');
    assert.equal(await fourth, 'runs', 'kinds do not wait for each other');
  });

  it('starts the next read even when the one under way fails, and hands each its own outcome', async () => {
    const shared = new SharedReads();
    const failing = deferred<string>();
    const first = shared.read('k', () => failing.promise);
    const second = shared.read('k', async () => 'fresh');
    failing.reject(new Error('lake unreachable'));
    await assert.rejects(first, /lake unreachable/);
    assert.equal(await second, 'fresh');
  });
});

describe('AnswerCache', () => {
  it('computes once per fingerprint, shares a computation between concurrent requests, and recomputes after a change', async () => {
    const { app, state } = cachedApp(new AnswerCache());
    const bodies = await Promise.all([1, 2, 3].map(async () => (await app.request('/assets')).text()));
    assert.equal(new Set(bodies).size, 1);
    await app.request('/assets');
    assert.deepEqual(state.computed, ['assets@v1']);
    state.version = 'v2';
    assert.equal((JSON.parse(await (await app.request('/assets')).text()) as { version: string }).version, 'v2');
    assert.deepEqual(state.computed, ['assets@v1', 'assets@v2']);
  });

  it('derives the ETag from the bytes, so an unchanged answer keeps it across a fingerprint change', async () => {
    const cache = new AnswerCache();
    let body = 'same';
    let version = 1;
    const app = new Hono().get('/', (c) => cache.respond(c, {
      variant: 'v', fingerprint: 'f', readFingerprint: async () => String(version), compute: async () => ({ body, contentType: 'text/plain' }),
    }));
    const first = (await app.request('/')).headers.get('ETag');
    version = 2;
    assert.equal((await app.request('/')).headers.get('ETag'), first);
    version = 3;
    body = 'changed';
    assert.notEqual((await app.request('/')).headers.get('ETag'), first);
  });

  it('computes again once the answer\'s clock runs out, though the lake is unchanged', async () => {
    let now = 1_000;
    const { app, state } = cachedApp(new AnswerCache({ now: () => now }));
    state.expiresAt = 2_000;
    await app.request('/assets');
    now = 1_999;
    await app.request('/assets');
    assert.deepEqual(state.computed, ['assets@v1']);
    now = 2_000;
    await app.request('/assets');
    assert.deepEqual(state.computed, ['assets@v1', 'assets@v1']);
  });

  it('keeps no failed computation: the next request computes again', async () => {
    const { app, state } = cachedApp(new AnswerCache());
    state.fail = true;
    assert.equal((await app.request('/assets')).status, 500);
    state.fail = false;
    assert.equal((await app.request('/assets')).status, 200);
    assert.equal(state.computed.length, 2);
  });

  it('drops the least recently used answer when full', async () => {
    const { app, state } = cachedApp(new AnswerCache({ maxEntries: 2 }));
    for (const variant of ['a', 'b', 'a', 'c', 'a', 'b']) await app.request(`/${variant}`);
    // 'c' pushed out 'b' (used before the last 'a'), so 'b' is computed again; 'a' never is.
    assert.deepEqual(state.computed, ['a@v1', 'b@v1', 'c@v1', 'b@v1']);
  });
});
