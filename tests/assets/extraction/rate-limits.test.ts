// Discogs' moving window over loopback HTTP: with a limit of L requests per W ms enforced by the emulator (as
// Discogs signals it, headers and 429s), the bulk landing provokes no 429 and takes at least the floor.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTempLake, type TempLake } from '../../support/temp-lake.ts';
import { FAST_CLIENT, liveEnv, runLive, serveTestEmulator } from '../../support/emulated-pipeline.ts';
import type { ServedEmulator } from '../../../assets/sources/emulator/serve-emulator.ts';

const LIMIT = 12;
const WINDOW_MS = 600;

describe('Discogs rate limit', () => {
  let lake: TempLake;
  let served: ServedEmulator;
  before(async () => {
    lake = await createTempLake();
    served = await serveTestEmulator({ discogs: { rateLimit: { limit: LIMIT, windowMs: WINDOW_MS } } });
  });
  after(async () => {
    await served.close();
    await lake.cleanup();
  });

  it(`is honoured: ${LIMIT} requests per ${WINDOW_MS} ms, no 429, and the landing takes at least the floor`, async () => {
    const client = { ...FAST_CLIENT, rateLimit: { limit: LIMIT, windowMs: WINDOW_MS, concurrency: 4 } };
    const { summary } = await runLive(lake.storage, liveEnv(served), 'raw/discogs_releases', client);
    assert.equal(summary.status, 'succeeded', JSON.stringify(summary.outcomes.filter((o) => o.type !== 'materialized')));
    const requests = served.emulator.stats.requests({ api: 'discogs' });
    assert.equal(served.emulator.stats.count({ api: 'discogs', status: 429 }), 0, 'no 429 was provoked');
    assert.ok(requests.length > 2 * LIMIT, `enough requests to hit the limit (${requests.length})`);
    // In any window of W ms the server saw at most L requests, and the whole landing spans at least the floor.
    const times = requests.map((request) => request.at).sort((a, b) => a - b);
    const floorMs = Math.floor((times.length - 1) / LIMIT) * WINDOW_MS;
    const spanMs = times.at(-1)! - times[0]!;
    assert.ok(spanMs >= floorMs, `span ${spanMs} ms ≥ floor ${floorMs} ms`);
    for (let i = LIMIT; i < times.length; i++) assert.ok(times[i]! - times[i - LIMIT]! >= WINDOW_MS, `request ${i} respects the window`);
  });
});
