import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildCatalogue } from '../../../assets/sources/emulator/catalogue.ts';
import { candidatesOf } from '../../../assets/intermediate/candidates.ts';
import { movieOf } from '../../../assets/intermediate/tmdb-movies.ts';
import { releaseOf } from '../../../assets/intermediate/discogs-releases.ts';
import { rawDiscogsReleaseSchema, discogsRowOf } from '../../../assets/raw/discogs-search-rows.ts';
import { rawTmdbMovieSchema } from '../../../assets/raw/raw-tmdb-movies.ts';
import { inputFromRows, materializeForTest } from '../../../runtime/testing.ts';
import { candidates, filmDetails, movie, movies, release, releases, schemaAlignment } from './fixtures.ts';

function block(movieRows: ReturnType<typeof movie>[], releaseRows: ReturnType<typeof release>[]) {
  return materializeForTest(candidates, {
    movies: inputFromRows(movies, movieRows),
    releases: inputFromRows(releases, releaseRows),
    details: inputFromRows(filmDetails, []),
    schemaAlignment: inputFromRows(schemaAlignment, []),
  });
}

/** Intermediate rows of a generated catalogue, as the intermediate assets would make them. */
function intermediateRowsOf(films: number) {
  const catalogue = buildCatalogue({ films });
  const movieRows = catalogue.films.map((film, index) =>
    movieOf(rawTmdbMovieSchema.parse({
      tmdb_id: film.id, title: film.title, original_title: film.original_title ?? null, original_language: null, release_date: film.release_date,
      genre_ids: [], popularity: film.popularity ?? null, vote_average: null, vote_count: null, adult: null, listing: 'popular', page: 1, record_index: index,
    })),
  );
  const releaseRows = catalogue.releases.map((entry, index) => releaseOf(rawDiscogsReleaseSchema.parse(discogsRowOf(entry.item, 'test', 1, index))));
  return { movieRows, releaseRows };
}

describe('intermediate/candidates', () => {
  it('pairs exact titles in any form, reordered words and one-edit typos, whatever the years', async () => {
    const { rows } = await block(
      [movie(1, 'Heat', 1995), movie(2, 'Dune', 1984), movie(3, 'Amélie', 2001, { original_title_norm: 'le fabuleux destin damelie poulain' }), movie(4, 'Titanic', 1997)],
      [
        release(10, 'Heat (Original Motion Picture Soundtrack)', 1995),
        release(11, 'Dune', 2021),
        release(12, 'Le Fabuleux Destin DAmélie Poulain', 2001),
        release(13, 'Titanc (Original Score)', 1997),
        release(14, 'Something Else Entirely', 1995),
      ],
    );
    assert.deepEqual(rows.map((row) => [row.tmdb_id, row.discogs_id, row.compared]).sort(), [
      [1, 10, 'title~title'],
      [2, 11, 'title~title'],
      [3, 12, 'original_title~title'],
      [4, 13, 'title~title'],
    ]);
    const typo = rows.find((row) => row.discogs_id === 13)!;
    assert.match(typo.blocked_by, /typo/);
    assert.doesNotMatch(typo.blocked_by, /exact/);
    assert.ok(typo.score > 0.85 && typo.score < 1, `a typo scores high but not 1 (${typo.score})`);
    assert.equal(rows.find((row) => row.discogs_id === 11)!.year_diff, 37);
  });

  it('records the sequel numbers of the compared forms', async () => {
    const { rows } = await block([movie(1, 'Rocky III', 1982), movie(2, 'Rocky IV', 1985)], [release(10, 'Rocky 3 (Original Motion Picture Score)', 1982), release(11, 'Rocky 5', 1990)]);
    const byPair = Object.fromEntries(rows.map((row) => [`${row.tmdb_id}:${row.discogs_id}`, [row.film_numbers, row.release_numbers]]));
    assert.deepEqual(byPair['1:10'], ['3', '3']);
    assert.equal(byPair['2:10'], undefined, 'an exact title leaves no room for near ones');
    assert.deepEqual(byPair['2:11'], ['4', '5']);
  });

  it('never compares films × releases: scored pairs grow linearly with the input', () => {
    const small = intermediateRowsOf(1_000);
    const large = intermediateRowsOf(4_000);
    const pairsOf = (rows: ReturnType<typeof intermediateRowsOf>) => candidatesOf(rows.movieRows, rows.releaseRows).stats;
    const [a, b] = [pairsOf(small), pairsOf(large)];
    assert.ok(a.pairs < a.naivePairs / 100, `${a.pairs} pairs scored of ${a.naivePairs}`);
    assert.ok(b.pairs < b.naivePairs / 300, `${b.pairs} pairs scored of ${b.naivePairs}`);
    const growth = b.pairs / a.pairs;
    const inputGrowth = b.releases / a.releases;
    assert.ok(growth < inputGrowth * 1.5, `pairs grew ${growth.toFixed(2)}× for ${inputGrowth.toFixed(2)}× the releases (films × releases grew ${(b.naivePairs / a.naivePairs).toFixed(1)}×)`);
  });
});
