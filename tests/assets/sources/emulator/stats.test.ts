import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildCatalogue } from '../../../../assets/sources/emulator/catalogue.ts';
import { createEmulator } from '../../../../assets/sources/emulator/emulator-app.ts';
import { discogsGet, tmdbGet } from './emulator-requests.ts';

describe('emulator stats', () => {
  const catalogue = buildCatalogue({ films: 400, seed: 2 });

  it('counts requests by endpoint, normalized query, page and status; a rerun shows only the pages it fetched', async () => {
    let now = 0;
    const emulator = createEmulator({ catalogue, clock: () => now, faults: { rules: [{ kind: '503', path: '/movie/popular', page: { from: 7, to: 9 } }] } });
    for (let page = 1; page <= 10; page++) {
      now += 100;
      await tmdbGet(emulator, `/movie/popular?language=en-US&page=${page}`);
    }
    assert.deepEqual(emulator.stats.pages({ path: '/movie/popular', status: 503 }), [7, 8, 9]);
    emulator.faults.clear();
    emulator.stats.reset();
    for (const page of [7, 8, 9]) await tmdbGet(emulator, `/movie/popular?page=${page}&language=en-US`);
    assert.deepEqual(emulator.stats.pages({ endpoint: '/movie/popular' }), [7, 8, 9]);
    assert.equal(emulator.stats.count({ status: 429 }), 0);
    const [record] = emulator.stats.requests({ page: 7 });
    assert.equal(record?.query, 'language=en-US', 'credentials and page are not part of the query');
    assert.equal(record?.api, 'tmdb');
  });

  it('names endpoints with ids replaced and matches queries as text or as parameters', async () => {
    const emulator = createEmulator({ catalogue, discogs: { rateLimit: false } });
    await discogsGet(emulator, '/database/search?type=release&q=score&per_page=100&page=2');
    await discogsGet(emulator, '/database/search?per_page=100&q=score&type=release');
    await discogsGet(emulator, `/releases/${catalogue.releases[0]!.id}`);
    await emulator.fetch(`${emulator.urls.discogs}/../nowhere`);
    assert.equal(emulator.stats.count({ query: 'per_page=100&q=score&type=release' }), 2);
    assert.equal(emulator.stats.count({ query: { q: 'score' } }), 2);
    assert.deepEqual(emulator.stats.pages({ endpoint: '/database/search' }), [1, 2]);
    assert.equal(emulator.stats.count({ endpoint: '/releases/:id', status: 200 }), 1);
    assert.equal(emulator.stats.count({ api: 'other', status: 404 }), 1);
    assert.equal(emulator.stats.count(), 4);
  });
});
