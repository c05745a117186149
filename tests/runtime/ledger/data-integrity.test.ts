/**
 * A committed data file that is truncated, emptied, has bytes flipped or is deleted, on the local lake and on
 * Azurite: `status` calls its asset stale with cause `corrupt`, naming the file and the repair; a downstream
 * that reads it fails at once (no retries) with DATA_CORRUPT; a plain materialize (no force) rewrites it to the
 * same data version, and its downstream is fresh again without running.
 */
import assert from 'node:assert/strict';
import { open, rm, truncate, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { z } from 'zod';
import { createAssetGraph, createAzureBlobStorage, defineAsset, materialize, type Storage } from '../../../runtime/index.ts';
import { Ledger, readCommittedTable, resolverFor } from '../../../runtime/internal.ts';
import { startAzurite, type Azurite } from '../../support/azurite.ts';
import { noWait } from '../../support/emulated-pipeline.ts';
import { createTempLake, type TempLake } from '../../support/temp-lake.ts';

const films = defineAsset({
  key: 'raw/films', schema: z.object({ id: z.int(), title: z.string() }), codeVersion: '1', retry: { maxAttempts: 3 },
  async materialize() {
    return { rows: Array.from({ length: 50 }, (_, i) => ({ id: i, title: `Film number ${i}` })) };
  },
});
let matchRuns = 0;
const matches = defineAsset({
  key: 'gold/matches', schema: z.object({ id: z.int() }), codeVersion: '1', deps: { films }, retry: { maxAttempts: 3 },
  async materialize(_ctx, inputs) {
    matchRuns++;
    return { rows: (await inputs.films.rows()).map(({ id }) => ({ id })) };
  },
});
const graph = createAssetGraph([films, matches]);

type Damage = 'truncated' | 'emptied' | 'flipped' | 'deleted';
const DAMAGES: readonly Damage[] = ['truncated', 'emptied', 'flipped', 'deleted'];
/** What the message says about each damage. */
const SAYS: Record<Damage, RegExp> = {
  truncated: /holds [\d,]+ bytes where its commit wrote [\d,]+/,
  emptied: /is empty \(its commit wrote [\d,]+ bytes\)/,
  flipped: /does not match the checksum its commit recorded/,
  deleted: /is missing/,
};

interface Backend {
  readonly storage: Storage;
  damage(path: string, how: Damage): Promise<void>;
  cleanup(): Promise<void>;
}

/** Damages files as a user or a disk would: in place, on the file system. */
async function localBackend(): Promise<Backend> {
  const lake: TempLake = await createTempLake();
  const fileOf = (path: string) => join(lake.root, ...path.split('/'));
  return {
    storage: lake.storage,
    cleanup: lake.cleanup,
    async damage(path, how) {
      const file = fileOf(path);
      if (how === 'deleted') return rm(file);
      if (how === 'truncated') return truncate(file, 100);
      if (how === 'emptied') return truncate(file, 0);
      const handle = await open(file, 'r+');
      try {
        const byte = Buffer.alloc(1);
        await handle.read(byte, 0, 1, 200);
        await handle.write(Buffer.from([byte[0]! ^ 0xff]), 0, 1, 200);
      } finally {
        await handle.close();
      }
      // A later change: the clock's granularity must not let the file keep its committed modification time.
      await utimes(file, new Date('2020-01-01T00:00:00Z'), new Date('2020-01-01T00:00:00Z'));
    },
  };
}

/** Damages blobs by replacing or deleting them (what a tool or a person with write access would do). */
async function azuriteBackend(): Promise<Backend> {
  const azurite: Azurite = await startAzurite();
  const storage = createAzureBlobStorage({ connectionString: azurite.connectionString });
  return {
    storage,
    cleanup: () => azurite.stop(),
    async damage(path, how) {
      if (how === 'deleted') {
        await storage.delete(path);
        return;
      }
      const body = (await storage.get(path))!.body;
      const changed = how === 'truncated' ? body.slice(0, 100) : how === 'emptied' ? new Uint8Array(0) : flipByte(body, 200);
      await storage.put(path, changed);
    },
  };
}

function flipByte(bytes: Uint8Array, index: number): Uint8Array {
  const copy = bytes.slice();
  copy[index] = copy[index]! ^ 0xff;
  return copy;
}

const run = (storage: Storage, selection: string) => materialize({ graph, storage, selection, sleep: noWait });
const head = async (storage: Storage, key: string) => (await new Ledger(storage).readHead(key))!.record;

for (const [name, open] of [['local lake', localBackend], ['Azurite', azuriteBackend]] as const) {
  describe(`a damaged data file (${name})`, () => {
    let backend: Backend;
    before(async () => {
      backend = await open();
    });
    after(async () => {
      await backend.cleanup();
    });

    for (const how of DAMAGES) {
      it(`${how}: status says corrupt, a downstream fails at once naming it, a plain materialize repairs it`, async () => {
        const { storage } = backend;
        const first = await run(storage, '+gold/matches');
        assert.equal(first.summary.status, 'succeeded');
        const original = await head(storage, 'raw/films');
        assert.ok(original.files.dataDigest !== undefined, 'the commit recorded a digest of the data file');
        const committed = (await storage.stat(original.files.data!))!;
        assert.equal(original.files.dataDigest.bytes, committed.size);
        assert.equal(original.files.dataDigest.etag, committed.etag, 'an intact file passes on one stat, without a read');

        await backend.damage(original.files.data!, how);

        const resolver = resolverFor(graph, storage);
        const films = await resolver.assetStatus('raw/films');
        assert.equal(films.status, 'stale');
        assert.deepEqual(films.causes.map((cause) => cause.category), ['corrupt']);
        const reason = films.causes[0]!.reason;
        assert.ok(reason.includes(original.files.data!), reason);
        assert.match(reason, SAYS[how]);
        assert.match(reason, /"medallion materialize raw\/films" rewrites it/);
        const gold = await resolver.assetStatus('gold/matches');
        assert.equal(gold.status, 'stale');
        assert.deepEqual(gold.rootCauses.map((cause) => [cause.asset, cause.category]), [['raw/films', 'corrupt']]);

        matchRuns = 0;
        const downstream = await materialize({ graph, storage, selection: 'gold/matches', force: true, sleep: noWait });
        const failed = downstream.summary.outcomes.find((outcome) => outcome.asset === 'gold/matches')!;
        assert.equal(failed.type, 'failed');
        assert.equal(failed.attempts, 1, 'a corrupt input is not retried as if it were transient');
        assert.equal(matchRuns, 1);
        assert.equal(failed.error?.code, 'DATA_CORRUPT');
        assert.ok(failed.reason!.includes(original.files.data!), failed.reason!);
        assert.match(failed.reason!, /"medallion materialize raw\/films" rewrites it/);

        const repair = await run(storage, 'raw/films');
        assert.deepEqual(repair.summary.outcomes.map((outcome) => [outcome.asset, outcome.type]), [['raw/films', 'materialized']]);
        const repaired = await head(storage, 'raw/films');
        assert.equal(repaired.dataVersion, original.dataVersion);
        assert.notEqual(repaired.files.data, original.files.data, 'the repair wrote a new version folder');
        assert.equal((await readCommittedTable(storage, repaired)).numRows, 50);

        const after = resolverFor(graph, storage);
        assert.deepEqual(await Promise.all(['raw/films', 'gold/matches'].map(async (key) => (await after.assetStatus(key)).status)), ['fresh', 'fresh']);
      });
    }
  });
}

describe('a data file committed before digests were recorded', () => {
  let lake: TempLake;
  before(async () => {
    lake = await createTempLake();
  });
  after(async () => {
    await lake.cleanup();
  });

  it('is still checked by its recorded size, and bytes that are not Parquet are corrupt, not a crash', async () => {
    const { storage } = lake;
    assert.equal((await run(storage, 'raw/films')).summary.status, 'succeeded');
    const headPath = 'raw/films/_head.json';
    const record = JSON.parse(new TextDecoder().decode((await storage.get(headPath))!.body)) as { files: { dataDigest?: string } };
    delete record.files.dataDigest;
    await storage.put(headPath, JSON.stringify(record));
    const old = await head(storage, 'raw/films');
    assert.equal(old.files.dataDigest, undefined);
    assert.equal((await resolverFor(graph, storage).assetStatus('raw/films')).status, 'fresh');

    // Same size, footer magic overwritten: only decoding can tell.
    const bytes = (await storage.get(old.files.data!))!.body.slice();
    bytes.set(new TextEncoder().encode('XXXX'), bytes.length - 4);
    await storage.put(old.files.data!, bytes);
    await assert.rejects(readCommittedTable(storage, old), (error: Error & { code?: string }) => {
      assert.equal(error.code, 'DATA_CORRUPT');
      assert.match(error.message, /raw\/films.*data\.parquet.* is not readable Parquet.*"medallion materialize raw\/films" rewrites it/);
      return true;
    });

    await truncate(join(lake.root, ...old.files.data!.split('/')), 10);
    const status = await resolverFor(graph, storage).assetStatus('raw/films');
    assert.deepEqual([status.status, status.causes.map((cause) => cause.category)], ['stale', ['corrupt']]);
  });
});
