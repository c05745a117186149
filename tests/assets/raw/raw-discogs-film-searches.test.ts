import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defineRawDiscogsFilmSearches, SEARCH_LOG, uncoveredFilms } from '../../../assets/raw/raw-discogs-film-searches.ts';
import type { DiscogsSearchPage } from '../../../assets/sources/discogs-schemas.ts';
import { DEFAULT_QUERY_PLAN, type DiscogsPlan } from '../../../assets/sources/query-plan.ts';
import type { DiscogsSearchParams, ReleaseSource } from '../../../assets/sources/source.ts';
import { createTestContext, inputFromRows, materializeForTest, previousFrom } from '../../../runtime/testing.ts';
import { movie, movies, rawRelease, rawReleases } from '../intermediate/fixtures.ts';

const DAY = 86_400_000;

/** Answers `q=<title>` with two releases named after it (ids from the title's length); records every call. */
function searchSource() {
  const calls: Array<DiscogsSearchParams & { page: number }> = [];
  const source: ReleaseSource = {
    master: () => Promise.reject(new Error('not used')),
    async search(params, page) {
      calls.push({ ...params, page });
      const base = String(params.q).length * 100;
      const results = [1, 2].map((n) => ({
        id: base + n, type: 'release', title: `Composer - ${params.q} (Soundtrack ${n})`, year: '1994',
        genre: ['Stage & Screen'], style: ['Soundtrack'], format: ['CD'], country: 'US', master_id: 0,
      }));
      return { pagination: { page, pages: 1, per_page: 50, items: 2, urls: {} }, results } as DiscogsSearchPage;
    },
  };
  return { source, calls };
}

const plan = (targetedBudget: number): DiscogsPlan => ({ ...DEFAULT_QUERY_PLAN.discogs, targetedBudget, searchMaxAgeDays: 30 });
const catalogue = [movie(1, 'Heat', 1995, { popularity: 1 }), movie(2, 'Dune', 2021, { popularity: 3 }), movie(3, 'Up', 2009, { popularity: 2 })];

describe('raw/discogs_film_searches', () => {
  it('orders films the bulk landing has no release for (same title within the year window) first, most popular first', () => {
    const films = [
      movie(1, 'Heat', 1995, { popularity: 5 }),
      movie(2, 'Dune', 2021, { popularity: 9 }),
      movie(3, 'Alien', 1979, { popularity: 7 }),
      movie(4, 'Up', 2009, { popularity: 8 }),
    ];
    const bulk = [
      rawRelease(10, 'Elliot Goldenthal - Heat (Original Motion Picture Soundtrack)', '1995'),
      rawRelease(11, 'Toto - Dune (Original Motion Picture Soundtrack)', '1984'),
      rawRelease(12, 'Jerry Goldsmith - Alien = エイリアン', null),
    ];
    assert.deepEqual(uncoveredFilms(films, bulk).map((film) => film.tmdb_id), [2, 4]);
  });

  it('spends its budget on films the bulk found nothing for first, and leaves the rest as a backlog', async () => {
    const { source, calls } = searchSource();
    const asset = defineRawDiscogsFilmSearches(source, movies, rawReleases, { plan: plan(2) });
    const bulk = [rawRelease(10, 'Elliot Goldenthal - Heat (Original Motion Picture Soundtrack)', '1995')];
    const { rows, metadata, backlog } = await materializeForTest(asset, { films: inputFromRows(movies, catalogue), bulk: inputFromRows(rawReleases, bulk) });
    assert.deepEqual(calls.map((call) => [call.q, call.type, call.page, call.per_page]), [['Dune', 'release', 1, 50], ['Up', 'release', 1, 50]]);
    assert.deepEqual([...new Set(rows.map((row) => row.query))], ['film=2', 'film=3']);
    assert.deepEqual([metadata.searched, metadata.never_searched, metadata.backlog, metadata.budget], [2, 3, 1, 2]);
    assert.equal(backlog?.pending, 1);
    assert.equal(backlog?.unit, 'films');
  });

  it('builds on its previous version: a second run searches only what is due and keeps the rest', async () => {
    let now = Date.parse('2026-12-01T00:00:00.000Z');
    const { source, calls } = searchSource();
    const asset = defineRawDiscogsFilmSearches(source, movies, rawReleases, { plan: plan(2), now: () => now });
    const inputs = { films: inputFromRows(movies, catalogue), bulk: inputFromRows(rawReleases, []) };
    const first = await materializeForTest(asset, inputs);
    assert.ok(first.attachments?.has('searches/batch-0001.json') && first.attachments.has(SEARCH_LOG));

    now += DAY;
    calls.length = 0;
    const second = await materializeForTest(asset, inputs, createTestContext({ previous: previousFrom(asset, first) }));
    assert.deepEqual(calls.map((call) => call.q), ['Heat'], 'only the film the first run\'s budget did not reach');
    assert.deepEqual([...new Set(second.rows.map((row) => row.query))], ['film=1', 'film=2', 'film=3']);
    assert.deepEqual(second.rows.filter((row) => row.query !== 'film=1'), first.rows, 'the kept films\' rows are the previous version\'s');
    assert.equal(second.backlog?.pending, 0);
    assert.equal(second.backlog?.dueAt, '2026-12-31T00:00:00.000Z', 'the oldest search falls due 30 days after it was made');

    calls.length = 0;
    const third = await materializeForTest(asset, inputs, createTestContext({ previous: previousFrom(asset, second) }));
    assert.equal(calls.length, 0, 'nothing is due');
    assert.deepEqual(third.rows, second.rows);

    now = Date.parse('2027-01-01T12:00:00.000Z');
    calls.length = 0;
    const renamed = { films: inputFromRows(movies, [movie(1, 'Heat', 1995), movie(2, 'Dune: Part One', 2021), movie(3, 'Up', 2009)]), bulk: inputs.bulk };
    await materializeForTest(asset, renamed, createTestContext({ previous: previousFrom(asset, third) }));
    assert.deepEqual(calls.map((call) => call.q), ['Dune: Part One', 'Up'], 'a renamed film first, then the oldest search past the age limit');
  });

  it('keeps the results of an overdue search the budget did not reach, until it does', async () => {
    let now = Date.parse('2026-12-01T00:00:00.000Z');
    const { source, calls } = searchSource();
    const asset = defineRawDiscogsFilmSearches(source, movies, rawReleases, { plan: plan(1), now: () => now });
    const two = { films: inputFromRows(movies, catalogue.slice(0, 2)), bulk: inputFromRows(rawReleases, []) };
    const first = await materializeForTest(asset, two);
    now += 86_400_000;
    const second = await materializeForTest(asset, two, createTestContext({ previous: previousFrom(asset, first) }));
    assert.equal(second.backlog?.pending, 0);
    now = Date.parse('2027-02-01T00:00:00.000Z'); // both searches are past 30 days now
    calls.length = 0;
    const third = await materializeForTest(asset, two, createTestContext({ previous: previousFrom(asset, second) }));
    assert.deepEqual(calls.map((call) => call.q), ['Dune'], 'the oldest search (Dune, the more popular, went first) within the budget of 1');
    assert.deepEqual([...new Set(third.rows.map((row) => row.query))], ['film=1', 'film=2'], 'the other overdue film keeps its results');
    assert.equal(third.backlog?.pending, 1);
    const log = JSON.parse(new TextDecoder().decode(third.attachments?.get(SEARCH_LOG))) as { items: Array<{ id: number; fetched_at: string }> };
    assert.deepEqual(log.items.map((item) => [item.id, item.fetched_at]), [[1, '2026-12-02T00:00:00.000Z'], [2, '2027-02-01T00:00:00.000Z']]);
  });

  it('a film that left the catalogue leaves the rows and the log', async () => {
    const { source } = searchSource();
    const asset = defineRawDiscogsFilmSearches(source, movies, rawReleases, { plan: plan(10) });
    const first = await materializeForTest(asset, { films: inputFromRows(movies, catalogue), bulk: inputFromRows(rawReleases, []) });
    const second = await materializeForTest(
      asset,
      { films: inputFromRows(movies, catalogue.slice(1)), bulk: inputFromRows(rawReleases, []) },
      createTestContext({ previous: previousFrom(asset, first) }),
    );
    assert.deepEqual([...new Set(second.rows.map((row) => row.query))], ['film=2', 'film=3']);
    const log = JSON.parse(new TextDecoder().decode(second.attachments?.get(SEARCH_LOG))) as { items: Array<{ id: number; asked: string; records: number }> };
    assert.deepEqual(log.items.map((entry) => [entry.id, entry.asked, entry.records]), [[2, 'Dune', 2], [3, 'Up', 2]]);
  });

  it('a resumed materialization reuses the batches it attached instead of searching again', async () => {
    const { source, calls } = searchSource();
    const asset = defineRawDiscogsFilmSearches(source, movies, rawReleases, { plan: plan(10), batchSize: 2 });
    const inputs = { films: inputFromRows(movies, catalogue), bulk: inputFromRows(rawReleases, []) };
    // Called directly, as a run killed before its commit would have: the journal and attachments stay.
    const interrupted = createTestContext({ asset: asset.key });
    await asset.materialize(interrupted, inputs);
    interrupted.journal.delete('searches-batch-2'); // as if the crash came after batch 2 was attached, before its step was journaled
    calls.length = 0;
    const context = createTestContext({ resumeFrom: interrupted });
    const resumed = await materializeForTest(asset, inputs, context);
    assert.equal(calls.length, 0);
    assert.deepEqual(context.stepsRun, ['searches-batch-2'], 'the step ran again, and found its batch attached');
    assert.equal(resumed.metadata.batches_fetched, 0);
    assert.equal(resumed.rows.length, 6);
  });
});
