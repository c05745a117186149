import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defineRawTmdbMovies } from '../../../assets/bronze/raw-tmdb-movies.ts';
import { createSampleSources } from '../../../assets/sources/sample-source.ts';
import type { FilmSource } from '../../../assets/sources/source.ts';
import type { TmdbListPage } from '../../../assets/sources/tmdb-schemas.ts';
import { createTestContext, materializeForTest } from '../../../runtime/testing.ts';

function countingSource(inner: FilmSource, failOnce?: number) {
  const calls: number[] = [];
  let failed = false;
  const source: FilmSource = {
    async popularPage(page) {
      calls.push(page);
      if (page === failOnce && !failed) {
        failed = true;
        throw new Error(`connection reset on page ${page}`);
      }
      return inner.popularPage(page);
    },
  };
  return { source, calls };
}

const film = (id: number, extra: Record<string, unknown> = {}) => ({ id, title: `Film ${id}`, release_date: '1999-03-31', genre_ids: [18], ...extra });

function pagesSource(pages: unknown[][]): FilmSource {
  return {
    async popularPage(page) {
      const results = pages[page - 1] ?? [];
      const total = pages.reduce((sum, records) => sum + records.length, 0);
      return { page, results, total_pages: pages.length, total_results: total } as TmdbListPage;
    },
  };
}

describe('raw/tmdb_movies', () => {
  it('flattens one row per film with fields as landed', async () => {
    const asset = defineRawTmdbMovies(pagesSource([[film(1, { release_date: '', original_title: 'Eins', backdrop_path: null })], [film(2)]]));
    const { rows, quarantined, metadata } = await materializeForTest(asset, {});
    assert.equal(quarantined.length, 0);
    assert.deepEqual(rows[0], {
      tmdb_id: 1, title: 'Film 1', original_title: 'Eins', original_language: null, release_date: '', genre_ids: [18],
      popularity: null, vote_average: null, vote_count: null, adult: null, page: 1,
    });
    assert.equal(rows[1]?.page, 2);
    assert.equal(metadata.pages_fetched, 2);
    assert.equal(metadata.records, 2);
  });

  it('keeps records failing the TMDB item schema out, counts them, and does not fail', async () => {
    const asset = defineRawTmdbMovies(pagesSource([[film(1), { id: 'x', title: 3 }, film(3, { genre_ids: null })]]));
    const { rows, metadata } = await materializeForTest(asset, {});
    assert.deepEqual(rows.map((row) => row.tmdb_id), [1]);
    assert.equal(metadata.rejected_records, 2);
    assert.match(JSON.stringify(metadata.rejected_examples), /pages\/popular-0001\.json#1/);
  });

  it('profiles the landed fields: JSON types, nulls and absences, rejected records included', async () => {
    const asset = defineRawTmdbMovies(pagesSource([[film(1, { backdrop_path: null }), film(2, { backdrop_path: '/a.jpg' }), { id: 'x', title: 'Bad' }]]));
    const { metadata } = await materializeForTest(asset, {});
    const profile = metadata.field_profile as { records: number; fields: Record<string, { types: Record<string, number>; nulls: number; absent: number }> };
    assert.equal(profile.records, 3);
    assert.deepEqual(profile.fields.id?.types, { integer: 2, string: 1 });
    assert.deepEqual(profile.fields.backdrop_path, { types: { string: 1 }, present: 2, nulls: 1, absent: 1 });
  });

  it('lands pages in journaled batches, staging and attaching every raw page', async () => {
    const { source, calls } = countingSource(createSampleSources().films);
    const ctx = createTestContext();
    const result = await defineRawTmdbMovies(source, { pagesPerStep: 4 }).materialize(ctx, {});
    const pages = Math.ceil(result.rows.length / 20);
    assert.deepEqual(calls, Array.from({ length: pages }, (_, index) => index + 1));
    assert.deepEqual(ctx.stepsRun, ['popular-pages-1-4', 'popular-pages-5-8', 'popular-pages-9-12'].slice(0, Math.ceil(pages / 4)));
    assert.equal((await ctx.staging.list()).length, pages);
    assert.ok(ctx.attachments.files.has('pages/popular-0001.json'));
    const attached = JSON.parse(new TextDecoder().decode(ctx.attachments.files.get('pages/popular-0001.json')));
    assert.equal(attached.results.length, 20);
  });

  it('replays a completed extraction from the journal without calling the source', async () => {
    const { source, calls } = countingSource(createSampleSources().films);
    const asset = defineRawTmdbMovies(source, { pagesPerStep: 4 });
    const first = createTestContext();
    const firstResult = await asset.materialize(first, {});
    const callsAfterFirst = calls.length;
    const second = createTestContext({ resumeFrom: first });
    const secondResult = await asset.materialize(second, {});
    assert.equal(calls.length, callsAfterFirst);
    assert.deepEqual(second.stepsRun, []);
    assert.deepEqual(second.stepsReplayed, first.stepsRun);
    assert.deepEqual(secondResult, firstResult);
  });

  it('resumes an interrupted extraction at the batch that failed', async () => {
    const { source, calls } = countingSource(createSampleSources().films, 6);
    const asset = defineRawTmdbMovies(source, { pagesPerStep: 4 });
    const first = createTestContext();
    await assert.rejects(asset.materialize(first, {}), /page 6/);
    assert.deepEqual(first.stepsRun, ['popular-pages-1-4']);
    calls.length = 0;
    const resumed = createTestContext({ resumeFrom: first });
    const result = await asset.materialize(resumed, {});
    assert.equal(calls[0], 5, 'resumes at page 5, not page 1');
    assert.deepEqual(resumed.stepsReplayed, ['popular-pages-1-4']);
    const clean = await defineRawTmdbMovies(createSampleSources().films).materialize(createTestContext(), {});
    assert.deepEqual(result.rows, clean.rows);
  });

  it('produces identical rows and metadata from identical source data (no time-varying values)', async () => {
    const run = () => defineRawTmdbMovies(createSampleSources().films).materialize(createTestContext(), {});
    assert.deepEqual(await run(), await run());
  });

  it('stops at maxPages', async () => {
    const { source, calls } = countingSource(createSampleSources().films);
    const { metadata } = await materializeForTest(defineRawTmdbMovies(source, { maxPages: 3, pagesPerStep: 2 }), {});
    assert.deepEqual(calls, [1, 2, 3]);
    assert.equal(metadata.rows, 60);
  });
});
