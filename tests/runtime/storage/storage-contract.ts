/**
 * The contract every Storage backend passes (the local filesystem, Azure Blob Storage on Azurite). A backend's
 * test file calls `storageContract(name, makeStorage)`; each test gets a fresh, empty lake and cleans it up.
 */
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { StorageError } from '../../../runtime/index.ts';
import type { ErrorCode, Storage, StorageLock } from '../../../runtime/index.ts';

export interface StorageFixture {
  storage: Storage;
  cleanup(): Promise<void>;
}

const text = (body: Uint8Array | undefined) => (body === undefined ? undefined : new TextDecoder().decode(body));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A predicate for assert.rejects/throws: a StorageError with `code` whose message contains every `mentions`. */
export function storageError(code: ErrorCode, ...mentions: string[]) {
  return (error: unknown): boolean => {
    assert.ok(error instanceof StorageError, `expected a StorageError, got ${String(error)}`);
    assert.equal(error.code, code, error.message);
    for (const mention of mentions) assert.ok(error.message.includes(mention), `"${error.message}" should mention "${mention}"`);
    return true;
  };
}

/**
 * Registers the contract suite for one backend. `makeStorage` returns a fresh, empty lake and its cleanup.
 *
 * @example
 * storageContract('local filesystem', async () => {
 *   const root = await mkdtemp(join(tmpdir(), 'lake-'));
 *   return { storage: createLocalStorage(root), cleanup: () => rm(root, { recursive: true, force: true }) };
 * });
 */
export function storageContract(name: string, makeStorage: () => Promise<StorageFixture>): void {
  describe(`storage contract: ${name}`, () => {
    let fixture: StorageFixture;
    let lake: Storage;
    beforeEach(async () => {
      fixture = await makeStorage();
      lake = fixture.storage;
    });
    afterEach(() => fixture.cleanup());

    describe('objects', () => {
      it('get and stat of a missing object return undefined, also in a missing container', async () => {
        assert.equal(await lake.get('gold/missing.json'), undefined);
        assert.equal(await lake.stat('gold/missing.json'), undefined);
        assert.equal(await lake.get('nowhere/deep/missing.json'), undefined);
        assert.equal(await lake.stat('nowhere/deep/missing.json'), undefined);
      });

      it('put then get round-trips bytes, and put, stat and get agree on path, size and etag', async () => {
        const bytes = Uint8Array.from({ length: 600 }, (_, i) => (i * 7) % 256);
        const written = await lake.put('raw/tmdb/page-1.bin', bytes);
        assert.equal(written.path, 'raw/tmdb/page-1.bin');
        assert.equal(written.size, 600);
        assert.ok(written.etag.length > 0);
        assert.ok(written.lastModified instanceof Date && !Number.isNaN(written.lastModified.getTime()));
        const read = await lake.get('raw/tmdb/page-1.bin');
        assert.ok(read);
        assert.deepEqual(new Uint8Array(read.body), bytes);
        assert.equal(read.etag, written.etag);
        assert.equal(read.size, 600);
        const stat = await lake.stat('raw/tmdb/page-1.bin');
        assert.deepEqual({ ...stat }, { path: written.path, size: 600, etag: written.etag, lastModified: read.lastModified });
      });

      it('a string body is stored as its UTF-8 bytes, and an empty body is an object of size 0', async () => {
        const info = await lake.put('gold/notes/é.txt', 'héllo ✓');
        assert.equal(info.size, new TextEncoder().encode('héllo ✓').length);
        assert.equal(text((await lake.get('gold/notes/é.txt'))?.body), 'héllo ✓');
        await lake.put('gold/notes/empty', '');
        assert.equal((await lake.get('gold/notes/empty'))?.size, 0);
        assert.equal((await lake.stat('gold/notes/empty'))?.size, 0);
      });

      it('overwriting replaces the content and changes the etag, even with identical bytes', async () => {
        const first = await lake.put('gold/a.json', 'same');
        const second = await lake.put('gold/a.json', 'same');
        const third = await lake.put('gold/a.json', 'other');
        assert.equal(new Set([first.etag, second.etag, third.etag]).size, 3);
        assert.equal(text((await lake.get('gold/a.json'))?.body), 'other');
        assert.equal((await lake.stat('gold/a.json'))?.etag, third.etag);
      });

      it('delete returns true once, then false; a recreated object gets a new etag', async () => {
        const first = await lake.put('gold/a.json', 'one');
        assert.equal(await lake.delete('gold/a.json'), true);
        assert.equal(await lake.get('gold/a.json'), undefined);
        assert.equal(await lake.delete('gold/a.json'), false);
        assert.equal(await lake.delete('nowhere/a.json'), false);
        const again = await lake.put('gold/a.json', 'one');
        assert.notEqual(again.etag, first.etag);
      });
    });

    describe('conditional writes', () => {
      it('ifNoneMatch "*" creates once: a second create conflicts, names the path and keeps the original', async () => {
        const created = await lake.put('gold/_commit.json', 'first', { ifNoneMatch: '*' });
        await assert.rejects(lake.put('gold/_commit.json', 'second', { ifNoneMatch: '*' }), (error: unknown) => {
          storageError('STORAGE_CONFLICT', 'gold/_commit.json')(error);
          return (error as StorageError).path === 'gold/_commit.json';
        });
        const read = await lake.get('gold/_commit.json');
        assert.equal(text(read?.body), 'first');
        assert.equal(read?.etag, created.etag);
      });

      it('ifMatch with the current etag replaces the object and returns a new etag', async () => {
        const base = await lake.put('gold/state.json', 'v1');
        const next = await lake.put('gold/state.json', 'v2', { ifMatch: base.etag });
        assert.notEqual(next.etag, base.etag);
        const read = await lake.get('gold/state.json');
        assert.equal(text(read?.body), 'v2');
        assert.equal(read?.etag, next.etag);
      });

      it('ifMatch with a stale etag conflicts and changes nothing', async () => {
        const base = await lake.put('gold/state.json', 'v1');
        const current = await lake.put('gold/state.json', 'v2');
        await assert.rejects(lake.put('gold/state.json', 'v3', { ifMatch: base.etag }), storageError('STORAGE_CONFLICT', 'gold/state.json'));
        const read = await lake.get('gold/state.json');
        assert.equal(text(read?.body), 'v2');
        assert.equal(read?.etag, current.etag);
      });

      it('ifMatch on a missing object conflicts and creates nothing', async () => {
        const gone = await lake.put('gold/state.json', 'v1');
        await lake.delete('gold/state.json');
        await assert.rejects(lake.put('gold/state.json', 'v2', { ifMatch: gone.etag }), storageError('STORAGE_CONFLICT', 'gold/state.json'));
        await assert.rejects(lake.put('gold/never.json', 'v2', { ifMatch: gone.etag }), storageError('STORAGE_CONFLICT', 'gold/never.json'));
        assert.equal(await lake.stat('gold/state.json'), undefined);
        assert.equal(await lake.stat('gold/never.json'), undefined);
      });

      it('delete with ifMatch: a stale etag or a missing object conflicts; the current etag deletes', async () => {
        const base = await lake.put('gold/state.json', 'v1');
        const current = await lake.put('gold/state.json', 'v2');
        await assert.rejects(lake.delete('gold/state.json', { ifMatch: base.etag }), storageError('STORAGE_CONFLICT', 'gold/state.json'));
        assert.equal(text((await lake.get('gold/state.json'))?.body), 'v2');
        assert.equal(await lake.delete('gold/state.json', { ifMatch: current.etag }), true);
        assert.equal(await lake.stat('gold/state.json'), undefined);
        await assert.rejects(lake.delete('gold/state.json', { ifMatch: current.etag }), storageError('STORAGE_CONFLICT', 'gold/state.json'));
      });

      it('of many concurrent ifMatch writers from one etag, exactly one wins and its body is stored', async () => {
        const base = await lake.put('gold/counter.json', 'base');
        const results = await Promise.allSettled(
          Array.from({ length: 12 }, (_, i) => lake.put('gold/counter.json', `writer ${i}`, { ifMatch: base.etag })),
        );
        const winners = results.flatMap((result, i) => (result.status === 'fulfilled' ? [{ i, info: result.value }] : []));
        assert.equal(winners.length, 1);
        for (const result of results) if (result.status === 'rejected') storageError('STORAGE_CONFLICT')(result.reason);
        const read = await lake.get('gold/counter.json');
        assert.equal(text(read?.body), `writer ${winners[0]?.i}`);
        assert.equal(read?.etag, winners[0]?.info.etag);
      });

      it('of many concurrent create-once writers, exactly one wins', async () => {
        const results = await Promise.allSettled(
          Array.from({ length: 12 }, (_, i) => lake.put('gold/_commit.json', `writer ${i}`, { ifNoneMatch: '*' })),
        );
        const winners = results.flatMap((result, i) => (result.status === 'fulfilled' ? [i] : []));
        assert.equal(winners.length, 1);
        for (const result of results) if (result.status === 'rejected') storageError('STORAGE_CONFLICT')(result.reason);
        assert.equal(text((await lake.get('gold/_commit.json'))?.body), `writer ${winners[0]}`);
      });
    });

    describe('list', () => {
      const paths = [
        'gold/matches/part-1.parquet',
        'gold/materialized.json',
        'gold/matches/part-0.parquet',
        'gold/matches_v2/x.json',
        'gold/Upper.json',
        'gold/z/deep/nested/a.json',
        'golden/x.json',
        'raw/tmdb/page-1.json',
      ];
      const seed = () => Promise.all(paths.map((path) => lake.put(path, path)));
      const listed = async (prefix: string) => (await lake.list(prefix)).map((info) => info.path);

      it('lists every object under a container, nested ones too, in lexicographic path order', async () => {
        await seed();
        assert.deepEqual(await listed('gold/'), [
          'gold/Upper.json',
          'gold/matches/part-0.parquet',
          'gold/matches/part-1.parquet',
          'gold/matches_v2/x.json',
          'gold/materialized.json',
          'gold/z/deep/nested/a.json',
        ]);
        assert.deepEqual(await listed('gold/matches/'), ['gold/matches/part-0.parquet', 'gold/matches/part-1.parquet']);
        assert.deepEqual(await listed('gold/z/'), ['gold/z/deep/nested/a.json']);
      });

      it('a prefix need not end at a "/"', async () => {
        await seed();
        assert.deepEqual(await listed('gold/mat'), [
          'gold/matches/part-0.parquet',
          'gold/matches/part-1.parquet',
          'gold/matches_v2/x.json',
          'gold/materialized.json',
        ]);
        assert.deepEqual(await listed('gold/matches/part-1'), ['gold/matches/part-1.parquet']);
        assert.deepEqual(await listed('gold/matches/part-1.parquet'), ['gold/matches/part-1.parquet']);
        assert.deepEqual(await listed('gold'), [...(await listed('gold/')), 'golden/x.json']);
        assert.deepEqual(await listed(''), [...paths].sort());
      });

      it('a prefix with no objects gives an empty list', async () => {
        await seed();
        assert.deepEqual(await lake.list('metrics/'), []);
        assert.deepEqual(await lake.list('gold/nothing'), []);
        assert.deepEqual(await lake.list('gold/matches/part-9'), []);
        assert.deepEqual(await lake.list('nowhere/at/all/'), []);
      });

      it('listed objects carry the same size and etag as stat, and deletes are reflected', async () => {
        await seed();
        const replaced = await lake.put('gold/materialized.json', 'a longer body than before');
        await lake.delete('gold/matches/part-0.parquet');
        const infos = await lake.list('gold/mat');
        assert.deepEqual(
          infos.map((info) => info.path),
          ['gold/matches/part-1.parquet', 'gold/matches_v2/x.json', 'gold/materialized.json'],
        );
        for (const info of infos) {
          const stat = await lake.stat(info.path);
          assert.equal(info.etag, stat?.etag);
          assert.equal(info.size, stat?.size);
        }
        assert.equal(infos.at(-1)?.etag, replaced.etag);
        assert.equal(infos.at(-1)?.size, 'a longer body than before'.length);
      });
    });

    describe('locks', () => {
      const held: StorageLock[] = [];
      const lock = async (name: string, options?: Parameters<Storage['lock']>[1]) => {
        const acquired = await lake.lock(name, options);
        held.push(acquired);
        return acquired;
      };
      afterEach(async () => {
        await Promise.all(held.splice(0).map((acquired) => acquired.release()));
      });

      it('a held lock is exclusive: a second lock with waitMs 0 fails with STORAGE_LOCKED naming the holder', async () => {
        const first = await lock('ledger', { owner: 'run 2026-01-01/pid 42' });
        assert.equal(first.name, 'ledger');
        assert.equal(first.owner, 'run 2026-01-01/pid 42');
        first.assertHeld();
        await assert.rejects(lake.lock('ledger', { waitMs: 0 }), storageError('STORAGE_LOCKED', 'ledger', 'run 2026-01-01/pid 42'));
        await first.release();
        assert.throws(() => first.assertHeld(), storageError('STORAGE_LOCKED', 'ledger'));
        (await lock('ledger', { waitMs: 0 })).assertHeld();
      });

      it('a waiter with waitMs gets the lock once the holder releases it', async () => {
        const holder = await lock('ledger', { owner: 'holder' });
        const waiting = lock('ledger', { owner: 'waiter', waitMs: 5_000 });
        await sleep(60);
        await holder.release();
        const waiter = await waiting;
        assert.equal(waiter.owner, 'waiter');
        waiter.assertHeld();
        await assert.rejects(lake.lock('ledger', { waitMs: 0 }), storageError('STORAGE_LOCKED', 'waiter'));
      });

      it('locks with different names are independent, whatever characters the names hold', async () => {
        const names = ['ledger', 'Ledger', 'ledger/gold matches', '../ledger', 'ünïcode ✓', 'x'.repeat(300)];
        const locks = await Promise.all(names.map((name) => lock(name, { waitMs: 0 })));
        for (const acquired of locks) acquired.assertHeld();
        for (const name of names) await assert.rejects(lake.lock(name, { waitMs: 0 }), storageError('STORAGE_LOCKED'));
      });

      it('locks are not objects: they never show up in list', async () => {
        await lake.put('gold/a.json', 'a');
        await lock('ledger');
        assert.deepEqual((await lake.list('')).map((info) => info.path), ['gold/a.json']);
      });

      it('a held lease is renewed, so it outlives its ttl', async () => {
        const holder = await lock('ledger', { owner: 'long run', ttlMs: 200 });
        await sleep(500);
        holder.assertHeld();
        await assert.rejects(lake.lock('ledger', { waitMs: 0 }), storageError('STORAGE_LOCKED', 'long run'));
      });

      it('a lease that stops renewing expires and is taken over; the old holder learns it and its release is harmless', async () => {
        const stalled = await lock('ledger', { owner: 'stalled', ttlMs: 150, renew: false });
        const taker = await lock('ledger', { owner: 'taker', waitMs: 5_000 });
        taker.assertHeld();
        assert.throws(() => stalled.assertHeld(), storageError('STORAGE_LOCKED', 'ledger', 'stalled'));
        await stalled.release();
        await assert.rejects(lake.lock('ledger', { waitMs: 0 }), storageError('STORAGE_LOCKED', 'taker'));
      });

      it('of many concurrent takers of an expired lease, exactly one wins', async () => {
        await lock('ledger', { owner: 'stalled', ttlMs: 100, renew: false });
        await sleep(150);
        const results = await Promise.allSettled(Array.from({ length: 6 }, (_, i) => lock('ledger', { owner: `taker ${i}`, waitMs: 0 })));
        assert.equal(results.filter((result) => result.status === 'fulfilled').length, 1);
        for (const result of results) if (result.status === 'rejected') storageError('STORAGE_LOCKED', 'taker')(result.reason);
      });

      it('a wait for a held lock ends at once when its signal aborts, with the signal\'s reason', async () => {
        await lock('ledger', { owner: 'holder' });
        const controller = new AbortController();
        const waiting = lake.lock('ledger', { owner: 'waiter', waitMs: 600_000, signal: controller.signal });
        controller.abort(new Error('SIGTERM received'));
        await assert.rejects(waiting, (error: Error) => error.name === 'AbortError' || error.message === 'SIGTERM received');
      });
    });

    describe('leftovers', () => {
      it('collecting leftovers (where the backend keeps any) never removes or hides an object', async () => {
        const paths = ['gold/matches/20261126T124501123Z-3f9a1c/data.parquet', 'gold/matches/_head.json', 'metrics/_runs/run.json'];
        for (const path of paths) await lake.put(path, 'x');
        const removed = (await lake.collectLeftovers?.({ olderThan: new Date(Date.now() + 3_600_000) })) ?? [];
        assert.deepEqual(removed.filter((leftover) => paths.some((path) => path === leftover.path || path.startsWith(`${leftover.path}/`))), []);
        assert.deepEqual((await lake.list('')).map((object) => object.path), [...paths].sort());
        await lake.put('gold/matches/again.json', 'y');
        assert.equal(text((await lake.get('gold/matches/again.json'))?.body), 'y', 'writes still work afterwards');
      });
    });
  });
}
