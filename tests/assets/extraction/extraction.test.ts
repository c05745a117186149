// Extraction through the real clients against the emulator: complete pagination, faults, resume, quarantine
// and auth errors. Loopback HTTP where sockets matter (live mode), the in-process fetch elsewhere.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { rowsFromTable, tableFromParquet } from '../../../runtime/data-plane.ts';
import { Ledger, quarantineSchema } from '../../../runtime/internal.ts';
import { createTempLake, type TempLake } from '../../support/temp-lake.ts';
import { createTestEmulator, liveEnv, runInProcess, runLive, serveTestEmulator, TEST_FILMS } from '../../support/emulated-pipeline.ts';

const outcomeOf = (summary: { outcomes: { asset: string; partition: string | null }[] }, asset: string) =>
  summary.outcomes.find((outcome) => outcome.asset === asset && outcome.partition === null)! as (typeof summary.outcomes)[number] & {
    type: string; reason: string | null; rows: number; quarantined: number; attempts: number;
  };

describe('extraction', () => {
  let lake: TempLake;
  beforeEach(async () => { lake = await createTempLake(); });
  afterEach(async () => { await lake.cleanup(); });

  it('paginates every listing to its end over loopback HTTP, landing every record and every raw page', async () => {
    const served = await serveTestEmulator();
    try {
      const { summary } = await runLive(lake.storage, liveEnv(served), '+raw/tmdb_movies,raw/discogs_releases');
      assert.equal(summary.status, 'succeeded');
      const { emulator } = served;
      assert.deepEqual(emulator.stats.pages({ path: '/movie/popular' }), Array.from({ length: TEST_FILMS / 20 }, (_, i) => i + 1));
      assert.equal(outcomeOf(summary, 'raw/tmdb_movies').rows, TEST_FILMS);
      const head = await new Ledger(lake.storage).readHead('raw/tmdb_movies');
      assert.equal(head!.record.files.attachments.length, TEST_FILMS / 20);

      // Discogs: every (style, year) search fetched pages 1..pages, and the raw layer holds exactly what matched.
      const expected = emulator.catalogue.releases.filter((release) => {
        const year = Number(release.item.year);
        return release.item.genre.includes('Stage & Screen') && year >= 1990 && year <= 2009;
      });
      const expectedRows = expected.reduce((sum, release) => sum + ['Soundtrack', 'Score'].filter((style) => release.item.style.includes(style)).length, 0);
      const bulkRows = summary.outcomes.filter((o) => o.asset === 'raw/discogs_releases').reduce((sum, o) => sum + o.rows, 0);
      assert.equal(bulkRows, expectedRows);
      for (const request of emulator.stats.requests({ path: '/database/search' })) {
        const last = emulator.stats.requests({ path: '/database/search', query: request.query }).map((r) => r.page ?? 0);
        assert.deepEqual([...new Set(last)].sort((a, b) => a - b), Array.from({ length: Math.max(...last) }, (_, i) => i + 1));
      }
    } finally {
      await served.close();
    }
  });

  it('with random 429s, 5xx, resets and truncated bodies, gold comes out identical to a fault-free run', async () => {
    const clean = await runInProcess(lake.storage, createTestEmulator());
    assert.equal(clean.summary.status, 'succeeded');
    const faulty = createTestEmulator({ faults: { seed: 7, rates: { '429': 0.04, '500': 0.02, '502': 0.02, '503': 0.04, reset: 0.02, truncated: 0.02 } } });
    const other = await createTempLake();
    try {
      const run = await runInProcess(other.storage, faulty);
      assert.equal(run.summary.status, 'succeeded', JSON.stringify(run.summary.outcomes.filter((o) => o.type !== 'materialized')));
      assert.ok(faulty.faults.injected().length >= 20, `faults were injected (${faulty.faults.injected().length})`);
      const [a, b] = await Promise.all([new Ledger(lake.storage).readHead('gold/matches'), new Ledger(other.storage).readHead('gold/matches')]);
      assert.equal(b!.record.dataVersion, a!.record.dataVersion);
      assert.ok(a!.record.rows > 0);
    } finally {
      await other.cleanup();
    }
  });

  it('a page that keeps failing fails the run naming it; after the fault clears, the rerun fetches only that page', async () => {
    const emulator = createTestEmulator();
    emulator.faults.add({ kind: '503', api: 'tmdb', path: '/movie/popular', page: 7 });
    const failed = await runInProcess(lake.storage, emulator, 'raw/tmdb_movies');
    const outcome = outcomeOf(failed.summary, 'raw/tmdb_movies');
    assert.equal(outcome.type, 'failed');
    assert.match(outcome.reason!, /TMDB GET \/movie\/popular\?page=7 failed after \d+ attempts: 503/);
    assert.deepEqual(emulator.stats.pages({ path: '/movie/popular' }), Array.from({ length: 15 }, (_, i) => i + 1));

    emulator.faults.clear();
    emulator.stats.reset();
    const rerun = await runInProcess(lake.storage, emulator, 'raw/tmdb_movies');
    const resumed = outcomeOf(rerun.summary, 'raw/tmdb_movies');
    assert.equal(resumed.type, 'materialized', resumed.reason ?? '');
    assert.deepEqual(emulator.stats.pages({ path: '/movie/popular' }), [7], 'only the missing page is fetched again');
    assert.equal(emulator.stats.count({ path: '/movie/popular' }), 1);
    assert.equal(resumed.rows, TEST_FILMS);
  });

  it('quarantines malformed records with their reasons, keeps the rest of their pages, and counts them', async () => {
    const emulator = createTestEmulator({ faults: { seed: 3, rules: [{ kind: 'malformed', api: 'tmdb', recordRate: 0.06 }] } });
    const { summary } = await runInProcess(lake.storage, emulator, 'raw/tmdb_movies');
    const outcome = outcomeOf(summary, 'raw/tmdb_movies');
    const malformed = new Set(emulator.faults.malformedRecords().map((record) => record.id));
    assert.ok(malformed.size >= 5, `some records were malformed (${malformed.size})`);
    assert.equal(outcome.quarantined, malformed.size);
    assert.equal(outcome.rows, TEST_FILMS - malformed.size);
    const head = await new Ledger(lake.storage).readHead('raw/tmdb_movies');
    const quarantine = rowsFromTable(tableFromParquet((await lake.storage.get(head!.record.files.quarantine!))!.body), quarantineSchema);
    assert.equal(quarantine.length, malformed.size);
    for (const row of quarantine) assert.match(row.reason, /^(tmdb_id|title|genre_ids|release_date)(\[\d+\])?: /);
  });

  it('a bad key fails at once with a clear message, after exactly one request', async () => {
    const served = await serveTestEmulator();
    try {
      const { summary } = await runLive(lake.storage, liveEnv(served, { TMDB_API_KEY: 'not-the-key' }), 'raw/tmdb_movies');
      const outcome = outcomeOf(summary, 'raw/tmdb_movies');
      assert.equal(outcome.type, 'failed');
      assert.equal(outcome.attempts, 1);
      assert.equal(served.emulator.stats.count({ api: 'tmdb' }), 1);
      assert.match(outcome.reason!, /401.*TMDB_API_KEY/s);
      assert.doesNotMatch(outcome.reason!, /not-the-key/);
    } finally {
      await served.close();
    }
  });
});
