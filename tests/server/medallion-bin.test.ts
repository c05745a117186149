// The `npm start` path as a user runs it: the medallion executable, as a separate process, on the built-in
// sample, into an empty lake; then again, which must do nothing and say so.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createTempLake, type TempLake } from '../support/temp-lake.ts';

const bin = fileURLToPath(new URL('../../server/bin.mjs', import.meta.url));

function medallion(...args: string[]) {
  return medallionWith({}, ...args);
}

function medallionWith(env: Record<string, string>, ...args: string[]) {
  const result = spawnSync(process.execPath, ['--require', './tests/support/netguard.cjs', bin, ...args], {
    cwd: fileURLToPath(new URL('../..', import.meta.url)),
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', MEDALLION_SOURCE: '', MEDALLION_SAMPLE_FILMS: '300', MEDALLION_DISCOGS_YEARS: '1990-2009', ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the medallion executable', () => {
  let lake: TempLake;
  before(async () => { lake = await createTempLake(); });
  after(async () => { await lake.cleanup(); });

  it('materializes the whole pipeline offline, with progress and a summary', () => {
    const run = medallion('materialize', '--all', '--lake', lake.root);
    assert.equal(run.code, 0, run.stderr);
    for (const key of ['raw/tmdb_movies', 'raw/discogs_releases\\[1990s\\]', 'raw/discogs_releases\\[2000s\\]', 'intermediate/tmdb_movies', 'raw/tmdb_film_details', 'raw/discogs_masters',
      'raw/discogs_film_searches', 'intermediate/discogs_releases', 'intermediate/candidates', 'intermediate/schema_alignment', 'gold/matches', 'metrics/match_quality']) {
      assert.match(run.stderr, new RegExp(`✓ ${key}\\s+[\\d,]+ rows`), `progress shows ${key}`);
      assert.match(run.stdout, new RegExp(`${key}\\s+materialized`), `the summary lists ${key}`);
    }
    assert.match(run.stdout, /matches=\d+/);
    assert.match(run.stdout, /12 materialized, 0 skipped, 0 failed/);
    assert.match(run.stdout, /metrics\/match_quality\s+materialized.*precision=0\.\d+ recall=0\.\d+ f1=0\.\d+/);
    assert.doesNotMatch(run.stderr, /netguard/);
  });

  it('materializes nothing on a second run, and says so', () => {
    const run = medallion('materialize', '--all', '--lake', lake.root);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^Nothing to materialize: all 11 assets \(12 with their partitions\) in "\*" are fresh/);
  });

  it('spreads the per-film search over runs within its budget: status shows the backlog, and the next run continues it', async () => {
    const spread = await createTempLake();
    try {
      const budget = { MEDALLION_DISCOGS_TARGETED_BUDGET: '200' };
      const first = medallionWith(budget, 'materialize', '+raw/discogs_film_searches', '--lake', spread.root);
      assert.equal(first.code, 0, first.stderr);
      assert.match(first.stdout, /raw\/discogs_film_searches\s+materialized.*searched=200 kept=0/);
      const status = medallionWith(budget, 'status', 'raw/discogs_film_searches', '--lake', spread.root);
      assert.match(status.stdout, /stale/);
      assert.match(status.stdout, /backlog: 100 films left for a later run/);
      const second = medallionWith(budget, 'materialize', '+raw/discogs_film_searches', '--lake', spread.root);
      assert.match(second.stdout, /raw\/discogs_film_searches\s+materialized.*searched=100 kept=200/);
      assert.match(medallionWith(budget, 'status', 'raw/discogs_film_searches', '--lake', spread.root).stdout, /fresh/);
    } finally {
      await spread.cleanup();
    }
  });

  it('publishes gold/matches with the columns downstream users rely on', () => {
    const show = medallion('show', 'gold/matches', '--json', '--limit', '3', '--lake', lake.root);
    assert.equal(show.code, 0, show.stderr);
    const body = JSON.parse(show.stdout) as { totalRows: number; rows: Record<string, unknown>[] };
    assert.ok(body.totalRows > 0);
    for (const column of ['tmdb_id', 'tmdb_title', 'tmdb_year', 'discogs_id', 'discogs_title', 'discogs_year', 'score', 'year_diff', 'is_match']) {
      assert.ok(column in body.rows[0]!, `gold/matches has ${column}`);
    }
  });

  it('exits non-zero with a clear message for an unknown source', () => {
    const result = spawnSync(process.execPath, [bin, 'status', '--lake', lake.root], {
      encoding: 'utf8', env: { ...process.env, MEDALLION_SOURCE: 'nasa' },
    });
    assert.equal(result.status, 4);
    assert.match(result.stderr, /MEDALLION_SOURCE="nasa" is not a source: use "sample"/);
  });
});
