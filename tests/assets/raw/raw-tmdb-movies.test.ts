import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defineRawTmdbMovies } from '../../../assets/raw/raw-tmdb-movies.ts';
import type { FilmSource } from '../../../assets/sources/source.ts';
import type { TmdbListPage } from '../../../assets/sources/tmdb-schemas.ts';
import { createTestContext, materializeForTest } from '../../../runtime/testing.ts';

const film = (id: number, extra: Record<string, unknown> = {}) => ({
  id, title: `Film ${id}`, original_title: `Film ${id}`, release_date: '1999-03-31', genre_ids: [878], popularity: 10, adult: false, ...extra,
});

/** `pages` pages of `perPage` films; counts calls per page; `failAt` throws once on that page. */
function popularSource(pages: number, perPage = 3, options: { failAt?: number; malformed?: Record<number, Record<string, unknown>> } = {}) {
  const calls: number[] = [];
  let failed = false;
  const page = (n: number): TmdbListPage => ({
    page: n,
    total_pages: pages,
    total_results: pages * perPage,
    results: Array.from({ length: perPage }, (_, i) => {
      const id = (n - 1) * perPage + i + 1;
      return options.malformed?.[id] ?? film(id);
    }) as TmdbListPage['results'],
  });
  const source: FilmSource = {
    movie: () => Promise.reject(new Error('not used')),
    async popularPage(n) {
      calls.push(n);
      if (n === options.failAt && !failed) {
        failed = true;
        throw new Error(`TMDB GET /movie/popular?page=${n} failed after 5 attempts: 503 Service Unavailable`);
      }
      return page(n);
    },
    discoverPage: () => Promise.reject(new Error('not used')),
  };
  return { source, calls };
}

describe('raw/tmdb_movies', () => {
  it('lands every page up to the last one, attaching each, and flattens one row per film with where it landed', async () => {
    const { source, calls } = popularSource(4);
    const asset = defineRawTmdbMovies(source, { plan: { kind: 'popular', pages: 500 }, pagesPerStep: 2 });
    const ctx = createTestContext();
    const { rows, quarantined, metadata } = await materializeForTest(asset, {}, ctx);
    assert.deepEqual([...calls].sort(), [1, 2, 3, 4]);
    assert.equal(rows.length, 12);
    assert.equal(quarantined.length, 0);
    assert.deepEqual(rows[4], { tmdb_id: 5, title: 'Film 5', original_title: 'Film 5', original_language: null, release_date: '1999-03-31', genre_ids: [878], popularity: 10, vote_average: null, vote_count: null, adult: false, listing: 'popular', page: 2, record_index: 1 });
    assert.deepEqual([...ctx.attachments.files.keys()].sort(), [1, 2, 3, 4].map((n) => `pages/popular-000${n}.json`));
    assert.deepEqual(ctx.stepsRun, ['popular-page-1', 'popular-pages-2-3', 'popular-pages-4-4']);
    assert.equal(metadata.pages_landed, 4);
  });

  it('stops at the plan\'s page count', async () => {
    const { source, calls } = popularSource(10);
    const asset = defineRawTmdbMovies(source, { plan: { kind: 'popular', pages: 3 } });
    const { rows, metadata } = await materializeForTest(asset, {});
    assert.deepEqual([...calls].sort(), [1, 2, 3]);
    assert.equal(rows.length, 9);
    assert.deepEqual(metadata.truncated_listings, ['popular']);
  });

  it('hands malformed records to the schema, which quarantines them with a reason, keeping the rest of the page', async () => {
    const { source } = popularSource(2, 3, { malformed: { 2: { ...film(2), id: '2' }, 5: { id: 5, release_date: '2001-01-01', genre_ids: [] } } });
    const asset = defineRawTmdbMovies(source, { plan: { kind: 'popular', pages: 500 } });
    const { rows, quarantined, metadata } = await materializeForTest(asset, {});
    assert.deepEqual(rows.map((row) => row.tmdb_id), [1, 3, 4, 6]);
    assert.deepEqual(quarantined.map((row) => row.reason), ['tmdb_id: expected number, received string', 'title: expected string, received undefined']);
    const profile = metadata.field_profile as { fields: Record<string, { types: Record<string, number> }> };
    assert.deepEqual(profile.fields.id!.types, { integer: 5, string: 1 });
  });

  it('resumes an interrupted landing without fetching again the pages already attached', async () => {
    const { source, calls } = popularSource(6, 3, { failAt: 4 });
    const asset = defineRawTmdbMovies(source, { plan: { kind: 'popular', pages: 500 }, pagesPerStep: 5, concurrency: 2 });
    const first = createTestContext({ asset: asset.key });
    await assert.rejects(asset.materialize(first, {}), /page=4 failed/);
    const fetchedBefore = [...calls];
    calls.length = 0;
    const { rows } = await materializeForTest(asset, {}, createTestContext({ resumeFrom: first }));
    assert.deepEqual([...fetchedBefore].sort(), [1, 2, 3, 4, 5, 6], 'the failed batch still landed its other pages');
    assert.deepEqual(calls, [4], 'only the page that failed is fetched again');
    assert.equal(rows.length, 18);
  });

  it('lists /discover/movie year by year with the discover plan', async () => {
    const seen: unknown[] = [];
    const source: FilmSource = {
      popularPage: () => Promise.reject(new Error('not used')),
      movie: () => Promise.reject(new Error('not used')),
      async discoverPage(params, page) {
        seen.push([params.primary_release_year, page]);
        return { page, total_pages: 1, total_results: 1, results: [film(params.primary_release_year!, { release_date: `${params.primary_release_year}-01-01` })] };
      },
    };
    const asset = defineRawTmdbMovies(source, { plan: { kind: 'discover-by-year', fromYear: 1999, toYear: 2001, pagesPerYear: 500 } });
    const { rows } = await materializeForTest(asset, {});
    assert.deepEqual(seen, [[1999, 1], [2000, 1], [2001, 1]]);
    assert.deepEqual(rows.map((row) => row.listing), ['discover-1999', 'discover-2000', 'discover-2001']);
  });
});
