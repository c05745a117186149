// Lake fingerprints change with exactly what their readers read: a commit changes the status and heads
// fingerprints of its slot (and its history's), an observation only the status one, a run summary only the runs
// one; reads change nothing. Writes go through a second Storage over the same folder, as another process's.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { z } from 'zod';
import { createAssetGraph, createLocalStorage, defineAsset, materialize } from '../../../runtime/index.ts';
import { headsFingerprint, historyFingerprint, observeAsset, runsFingerprint, statusFingerprint } from '../../../runtime/internal.ts';
import { createTempLake, type TempLake } from '../../support/temp-lake.ts';

const films = defineAsset({
  key: 'raw/films', schema: z.object({ id: z.int() }), codeVersion: '1',
  async materialize() { return { rows: [{ id: 1 }] }; },
});
const graph = createAssetGraph([films]);
const slots = [{ asset: 'raw/films', partition: null }];

describe('lake fingerprints', () => {
  let lake: TempLake;
  let fingerprints: () => Promise<Record<'status' | 'heads' | 'history' | 'runs', string>>;
  beforeEach(async () => {
    lake = await createTempLake();
    fingerprints = async () => ({
      status: await statusFingerprint(lake.storage, slots),
      heads: await headsFingerprint(lake.storage, slots),
      history: await historyFingerprint(lake.storage, 'raw/films'),
      runs: await runsFingerprint(lake.storage),
    });
  });
  afterEach(async () => { await lake.cleanup(); });

  it('change with a commit by another writer, and not with reads', async () => {
    const empty = await fingerprints();
    assert.deepEqual(await fingerprints(), empty);
    await materialize({ graph, storage: createLocalStorage(lake.root) });
    const committed = await fingerprints();
    for (const kind of ['status', 'heads', 'history', 'runs'] as const) assert.notEqual(committed[kind], empty[kind], kind);
    await lake.storage.get('raw/films/_head.json');
    assert.deepEqual(await fingerprints(), committed);
  });

  it('an observation changes the status fingerprint alone', async () => {
    await materialize({ graph, storage: lake.storage });
    const before = await fingerprints();
    await observeAsset(createLocalStorage(lake.root), { asset: 'raw/films', source: 'raw/landing/films.json', version: '"0x1"' });
    const after = await fingerprints();
    assert.notEqual(after.status, before.status);
    assert.deepEqual({ ...after, status: before.status }, before);
  });
});
