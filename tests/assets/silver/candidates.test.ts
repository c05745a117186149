import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DiscogsRelease } from '../../../assets/silver/discogs-releases.ts';
import type { TmdbMovie } from '../../../assets/silver/tmdb-movies.ts';
import { inputFromRows, materializeForTest } from '../../../runtime/testing.ts';
import { candidates, movie, movies, release, releases, schemaAlignment } from './fixtures.ts';

function block(movieRows: TmdbMovie[], releaseRows: DiscogsRelease[]) {
  return materializeForTest(candidates, {
    movies: inputFromRows(movies, movieRows),
    releases: inputFromRows(releases, releaseRows),
    schemaAlignment: inputFromRows(schemaAlignment, []),
  });
}

describe('intermediate/candidates', () => {
  it('pairs equal normalized titles within ±2 years and blocks pairs further apart', async () => {
    const { rows, metadata } = await block(
      [movie(1, 'Heat', 1995)],
      [release(10, 'Heat', 1993), release(11, 'Heat (Original Score)', 1997), release(12, 'HEAT', 1998), release(13, 'Heat', 1992)],
    );
    assert.deepEqual(rows.map((row) => [row.discogs_id, row.year_diff]), [[10, -2], [11, 2]]);
    assert.equal(metadata.blocked_by_year, 2);
  });

  it('keeps a pair whose year is unknown on either side, flagged', async () => {
    const { rows } = await block(
      [movie(1, 'Megalopolis', null), movie(2, 'Heat', 1995)],
      [release(10, 'Megalopolis', 2024), release(11, 'Heat OST', null)],
    );
    assert.deepEqual(rows.map((row) => [row.tmdb_id, row.discogs_id, row.year_diff, row.year_unknown]), [
      [1, 10, null, true],
      [2, 11, null, true],
    ]);
  });

  it('keeps remakes apart by year', async () => {
    const { rows } = await block([movie(1, 'Dune', 1984), movie(2, 'Dune', 2021)], [release(10, 'Dune', 1984), release(11, 'Dune', 2021)]);
    assert.deepEqual(rows.map((row) => [row.tmdb_id, row.discogs_id]), [[1, 10], [2, 11]]);
  });

  it('matches the alternative form of a bilingual title and the original title, saying which met', async () => {
    const { rows } = await block(
      [movie(1, 'Spirited Away', 2001), movie(2, 'Amélie', 2001, { original_title_norm: 'le fabuleux destin damelie poulain' })],
      [
        release(10, '千と千尋の神隠し = Spirited Away', 2001, { title_norm: '千と千尋の神隠し', title_alt_norm: 'spirited away' }),
        release(11, "Le Fabuleux Destin D'Amélie Poulain (Bande Originale Du Film)", 2001),
      ],
    );
    assert.deepEqual(rows.map((row) => [row.discogs_id, row.matched_on, row.match_key]), [
      [10, 'title~title_alt', 'spirited away'],
      [11, 'original_title~title', 'le fabuleux destin damelie poulain'],
    ]);
  });

  it('emits one row per pair even when several forms meet', async () => {
    const { rows } = await block(
      [movie(1, 'Akira', 1988, { original_title_norm: 'akira x' })],
      [release(10, 'Akira = Akira X', 1988, { title_norm: 'akira', title_alt_norm: 'akira x' })],
    );
    assert.equal(rows.length, 1);
    assert.equal(rows[0]?.matched_on, 'title~title');
  });

  it('compares only pairs sharing a title, never all films × releases', async () => {
    const films = Array.from({ length: 200 }, (_, index) => movie(index + 1, `Film Number ${index}`, 2000));
    const discs = Array.from({ length: 300 }, (_, index) => release(1000 + index, `Album Number ${index}`, 2000));
    discs.push(release(5000, 'Film Number 7 (Original Motion Picture Soundtrack)', 2001), release(5001, 'Film Number 7', 1990));
    const { rows, metadata } = await block(films, discs);
    assert.equal(metadata.naive_pairs, 200 * 302);
    assert.equal(metadata.pairs_compared, 2, 'only the two releases titled "Film Number 7" were looked at');
    assert.deepEqual(rows.map((row) => [row.tmdb_id, row.discogs_id]), [[8, 5000]]);
  });
});
