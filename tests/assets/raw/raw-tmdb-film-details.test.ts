import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defineRawTmdbFilmDetails, DETAILS_LOG } from '../../../assets/raw/raw-tmdb-film-details.ts';
import { HttpRefusalError } from '../../../assets/sources/http/request-errors.ts';
import type { FilmSource } from '../../../assets/sources/source.ts';
import { createTestContext, inputFromRows, materializeForTest, previousFrom } from '../../../runtime/testing.ts';
import { rawMovie, rawMovies } from '../intermediate/fixtures.ts';

/** Details as TMDB sends them with `append_to_response=credits,alternative_titles`; id 4 is gone (404). */
function detailsSource(options: { failOnce?: number } = {}) {
  const calls: number[] = [];
  let failed = false;
  const source: FilmSource = {
    popularPage: () => Promise.reject(new Error('not used')),
    discoverPage: () => Promise.reject(new Error('not used')),
    async movie(id, movieOptions) {
      calls.push(id);
      assert.deepEqual(movieOptions?.appendToResponse, ['credits', 'alternative_titles']);
      if (id === options.failOnce && !failed) {
        failed = true;
        throw new Error(`TMDB GET /movie/${id} failed after 5 attempts: 503 Service Unavailable`);
      }
      if (id === 4) throw new HttpRefusalError('not-found', 404, `GET /movie/${id}`, 'HTTP 404: The resource you requested could not be found.');
      return {
        id, title: `Film ${id}`,
        credits: { cast: [{ name: 'An Actor', character: 'Someone' }], crew: [{ job: 'Original Music Composer', name: `Composer ${id}` }, { job: 'Director', name: 'A Director' }, { job: 'Music', name: `Composer ${id}` }] },
        alternative_titles: { titles: [{ iso_3166_1: 'DE', title: `Film ${id} (DE)`, type: '' }] },
      };
    },
  };
  return { source, calls };
}

const landedMovies = (ids: number[]) => ({ movies: inputFromRows(rawMovies, ids.map((id) => rawMovie(id, `Film ${id}`, '1999-01-01'))) });

describe('raw/tmdb_film_details', () => {
  it('lands each film\'s credits and alternative titles in attached batches, one row per film, and flags a film TMDB no longer knows', async () => {
    const { source, calls } = detailsSource();
    const asset = defineRawTmdbFilmDetails(source, rawMovies, { batchSize: 2, now: () => Date.parse('2026-12-01T00:00:00.000Z') });
    const ctx = createTestContext();
    const { rows, metadata } = await materializeForTest(asset, landedMovies([1, 2, 3, 4, 5]), ctx);
    assert.deepEqual([...calls].sort(), [1, 2, 3, 4, 5]);
    assert.deepEqual(rows[0], { tmdb_id: 1, composers: ['Composer 1'], alternative_titles: ['Film 1 (DE)'], missing: false, batch: 1 });
    assert.deepEqual(rows.map((row) => [row.tmdb_id, row.missing, row.batch]), [[1, false, 1], [2, false, 1], [3, false, 2], [4, true, 2], [5, false, 3]]);
    assert.deepEqual([...ctx.attachments.files.keys()].sort(), ['details.json', 'details/batch-0001.json', 'details/batch-0002.json', 'details/batch-0003.json']);
    assert.deepEqual(ctx.stepsRun, ['plan', 'details-batch-1', 'details-batch-2', 'details-batch-3']);
    assert.equal(metadata.missing, 1);
    assert.equal(metadata.with_composers, 4);
  });

  it('resumes an interrupted landing without fetching the batches already attached', async () => {
    const { source, calls } = detailsSource({ failOnce: 3 });
    const asset = defineRawTmdbFilmDetails(source, rawMovies, { batchSize: 2, concurrency: 1 });
    const first = createTestContext({ asset: asset.key });
    await assert.rejects(asset.materialize(first, { movies: landedMovies([1, 2, 3, 5]).movies } as never), /movie\/3 failed/);
    calls.length = 0;
    const { rows, metadata } = await materializeForTest(asset, landedMovies([1, 2, 3, 5]), createTestContext({ resumeFrom: first }));
    assert.deepEqual(calls, [3, 5], 'only the batch that failed is fetched again');
    assert.equal(rows.length, 4);
    assert.equal(metadata.batches_resumed, 1);
  });

  it('builds on its previous version: only films new to the listing, or fetched over the age limit ago, are asked for', async () => {
    let now = Date.parse('2026-12-01T00:00:00.000Z');
    const { source, calls } = detailsSource();
    const asset = defineRawTmdbFilmDetails(source, rawMovies, { batchSize: 2, maxAgeDays: 90, now: () => now });
    const first = await materializeForTest(asset, landedMovies([1, 2, 3]));
    assert.equal(first.backlog?.dueAt, '2027-03-01T00:00:00.000Z');
    now += 10 * 86_400_000;
    calls.length = 0;
    const second = await materializeForTest(asset, landedMovies([2, 3, 5]), createTestContext({ previous: previousFrom(asset, first) }));
    assert.deepEqual(calls, [5], 'film 1 left the listing; 2 and 3 are kept');
    assert.deepEqual(second.rows.map((row) => [row.tmdb_id, row.composers]), [[2, ['Composer 2']], [3, ['Composer 3']], [5, ['Composer 5']]]);
    const log = JSON.parse(new TextDecoder().decode(second.attachments?.get(DETAILS_LOG))) as { items: Array<{ id: number; fetched_at: string }> };
    assert.deepEqual(log.items.map((item) => [item.id, item.fetched_at]), [[2, '2026-12-01T00:00:00.000Z'], [3, '2026-12-01T00:00:00.000Z'], [5, '2026-12-11T00:00:00.000Z']]);
    assert.deepEqual([second.metadata.fetched, second.metadata.kept], [1, 2]);
    now = Date.parse('2027-03-05T00:00:00.000Z');
    calls.length = 0;
    await materializeForTest(asset, landedMovies([2, 3, 5]), createTestContext({ previous: previousFrom(asset, second) }));
    assert.deepEqual(calls.sort(), [2, 3], 'past 90 days, fetched again');
  });

  it('does not build on a version written by other code', async () => {
    const { source, calls } = detailsSource();
    const asset = defineRawTmdbFilmDetails(source, rawMovies, { batchSize: 2 });
    const first = await materializeForTest(asset, landedMovies([1, 2]));
    calls.length = 0;
    await materializeForTest(asset, landedMovies([1, 2]), createTestContext({ previous: previousFrom(asset, first, { codeVersion: '1' }) }));
    assert.deepEqual(calls.sort(), [1, 2]);
  });
});
