/** The in-memory lake `runtime/testing.ts` runs on: the same storage contract as the local and Azure backends. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createMemoryStorage } from '../../../runtime/storage/memory-storage.ts';
import { storageContract } from './storage-contract.ts';

storageContract('in memory', async () => ({ storage: createMemoryStorage(), cleanup: async () => {} }));

describe('in-memory storage', () => {
  it('stores a copy: changing the buffer given to put or returned by get changes nothing stored', async () => {
    const lake = createMemoryStorage();
    const bytes = Uint8Array.of(1, 2, 3);
    await lake.put('gold/a.bin', bytes);
    bytes[0] = 9;
    const read = await lake.get('gold/a.bin');
    assert.ok(read);
    read.body[1] = 9;
    assert.deepEqual([...((await lake.get('gold/a.bin'))?.body ?? [])], [1, 2, 3]);
  });

  it('stamps lastModified with the injected clock', async () => {
    const lake = createMemoryStorage({ now: () => new Date('2026-01-02T03:04:05.000Z') });
    const info = await lake.put('gold/a.json', '{}');
    assert.equal(info.lastModified.toISOString(), '2026-01-02T03:04:05.000Z');
    assert.equal((await lake.stat('gold/a.json'))?.lastModified.toISOString(), '2026-01-02T03:04:05.000Z');
  });
});
