// The raw assets over the clients: a refused credential fails the asset at the first refusal, without a
// retry of the request or of the asset, naming the variable to fix; and an aborted run's signal (ctx.signal)
// ends the asset while its source waits, with the abort's own reason.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createDiscogsClient } from '../../../assets/sources/discogs-client.ts';
import type { ServedEmulator } from '../../../assets/sources/emulator/serve-emulator.ts';
import type { Sleep } from '../../../assets/sources/http/backoff.ts';
import { defineRawDiscogsReleases } from '../../../assets/raw/raw-discogs-releases.ts';
import { DEFAULT_QUERY_PLAN, SAMPLE_QUERY_PLAN } from '../../../assets/sources/query-plan.ts';
import { createTestContext } from '../../../runtime/testing.ts';
import type { RunResult } from '../../../runtime/index.ts';
import { createTestEmulator, liveEnv, runInProcess, runLive, serveTestEmulator, TEST_FILMS } from '../../support/emulated-pipeline.ts';
import { createTempLake, type TempLake } from '../../support/temp-lake.ts';
import { json, scriptedFetch } from '../sources/http/scripted-fetch.ts';

const WRONG_TOKEN = 'discogsWrongSecretToken0c0ffee';

function failures(summary: RunResult['summary'], key: string) {
  return summary.outcomes.filter((outcome) => outcome.asset === key);
}

describe('a refused credential fails the asset at once', () => {
  let lake: TempLake;
  before(async () => {
    lake = await createTempLake();
  });
  after(async () => {
    await lake.cleanup();
  });

  it('raw/discogs_releases: one request against a rate-limited Discogs, every partition failed once, DISCOGS_TOKEN named', async () => {
    // Discogs' own limits on, as the real service (60 a minute), and the clients' defaults.
    const served: ServedEmulator = await serveTestEmulator({ discogs: {} });
    try {
      const { summary } = await runLive(lake.storage, liveEnv(served, { DISCOGS_TOKEN: WRONG_TOKEN }), 'raw/discogs_releases');
      const outcomes = failures(summary, 'raw/discogs_releases');
      assert.deepEqual(outcomes.map((outcome) => outcome.partition), ['1990s', '2000s']);
      for (const outcome of outcomes) {
        assert.equal(outcome.type, 'failed');
        assert.equal(outcome.attempts, 1, 'the asset is not retried');
        assert.match(outcome.reason!, /401 Unauthorized.*DISCOGS_TOKEN/s);
        assert.ok(!outcome.reason!.includes(WRONG_TOKEN));
      }
      assert.equal(served.emulator.stats.count({ api: 'discogs' }), 1, 'the first refusal is the only request');
    } finally {
      await served.close();
    }
  });

  it('raw/tmdb_film_details: a key refused mid-run stops the details at the concurrency level, TMDB_API_KEY named', async () => {
    const emulator = createTestEmulator();
    const landed = await runInProcess(lake.storage, emulator, 'raw/tmdb_movies');
    assert.equal(failures(landed.summary, 'raw/tmdb_movies')[0]!.type, 'materialized');
    emulator.faults.add({ kind: '403', api: 'tmdb', path: '/movie/:id' });
    emulator.stats.reset();
    const { summary } = await runInProcess(lake.storage, emulator, 'raw/tmdb_film_details');
    const [outcome] = failures(summary, 'raw/tmdb_film_details');
    assert.equal(outcome!.type, 'failed');
    assert.equal(outcome!.attempts, 1);
    assert.match(outcome!.reason!, /403 Forbidden.*TMDB_API_KEY/s);
    const sent = emulator.stats.count({ api: 'tmdb' });
    const inFlight = SAMPLE_QUERY_PLAN.pacing.detailsInFlight;
    assert.ok(inFlight < TEST_FILMS);
    assert.ok(sent >= 1 && sent <= inFlight, `at most the ${inFlight} requests in flight were sent, not one per film (${sent})`);
    assert.equal(emulator.stats.count({ api: 'tmdb', status: 403 }), sent, 'every request sent was refused: none was retried after');
  });
});

describe('an aborted run', () => {
  it('ends raw/discogs_releases while its client waits for the rate-limit window, with the abort reason', { timeout: 10_000 }, async () => {
    const plan = { ...DEFAULT_QUERY_PLAN.discogs, fromYear: 1990, toYear: 1999 };
    const page = { pagination: { page: 1, pages: 1, per_page: 100, items: 0, urls: {} }, results: [] };
    const fake = scriptedFetch([json(200, page, { 'x-discogs-ratelimit': '60', 'x-discogs-ratelimit-remaining': '0' })], () => 0);
    let waiting!: () => void;
    const waits = new Promise<void>((resolve) => (waiting = resolve));
    // Ends only when aborted: an asset that did not pass ctx.signal on would hang here.
    const sleep: Sleep = (_ms, signal) => new Promise<void>((_, reject) => {
      waiting();
      signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
    });
    const releases = createDiscogsClient({ token: 'discogs-token-0123', userAgent: 'MedallionTest/1.0', baseUrl: 'http://discogs.test', fetch: fake.fetch, now: () => 0, sleep });
    const asset = defineRawDiscogsReleases(releases, { plan });
    const run = new AbortController();
    const materializing = asset.materialize(createTestContext({ partition: '1990s', signal: run.signal }), {});
    await waits;
    const reason = new Error('run interrupted');
    run.abort(reason);
    await assert.rejects(materializing, (error: unknown) => error === reason);
    assert.equal(fake.requests.length, 1, 'the server said none remain: nothing else was sent');
  });
});
