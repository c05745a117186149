import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inputFromRows, materializeForTest } from '../../../runtime/testing.ts';
import { candidates, matches, movie, movies, release, releases, schemaAlignment } from '../silver/fixtures.ts';

// A labelled set: what the simple rule must call a match, and what it must not (with the rule that says so).
const FILMS = [movie(1, 'Heat', 1995), movie(2, 'Dune', 1984), movie(3, 'Dune', 2021), movie(4, 'Megalopolis', null), movie(5, 'Up', 2009)];
const RELEASES = [
  release(10, 'Heat (Music From The Motion Picture)', 1995), // same year: match
  release(11, 'HEAT OST', 1996), // a year later: match
  release(12, 'Heat', 1997), // two years: a candidate, not a match
  release(13, 'Heat', null), // year unknown: a candidate, not a match
  release(20, 'Dune (Original Motion Picture Soundtrack)', 1984), // match for 2, too far from 3
  release(21, 'Dune', 2021), // match for 3
  release(40, 'Megalopolis - Original Soundtrack', 2024), // film year unknown: not a match
  release(50, 'Upside Down', 2009), // different title: never a candidate
];

describe('gold/matches', () => {
  it('on a small labelled set, yields exactly the expected matches with the rule that decided each pair', async () => {
    const silver = await materializeForTest(candidates, {
      movies: inputFromRows(movies, FILMS),
      releases: inputFromRows(releases, RELEASES),
      schemaAlignment: inputFromRows(schemaAlignment, []),
    });
    const { rows, metadata } = await materializeForTest(matches, { candidates: inputFromRows(candidates, silver.rows) });
    const matched = rows.filter((row) => row.is_match).map((row) => [row.tmdb_id, row.discogs_id]);
    assert.deepEqual(matched, [[1, 10], [1, 11], [2, 20], [3, 21]]);
    const rule = new Map(rows.map((row) => [`${row.tmdb_id}:${row.discogs_id}`, row.rule]));
    assert.equal(rule.get('1:12'), 'exact_title_year_apart');
    assert.equal(rule.get('1:13'), 'exact_title_year_unknown');
    assert.equal(rule.get('4:40'), 'exact_title_year_unknown');
    assert.equal(rule.has('5:50'), false);
    assert.ok(rows.every((row) => row.score === 1));
    assert.deepEqual([metadata.candidates, metadata.matches, metadata.match_rate], [7, 4, 0.5714]);
  });

  it('leaves out pairs scoring below the threshold', async () => {
    const [pair] = (
      await materializeForTest(candidates, {
        movies: inputFromRows(movies, [movie(1, 'Heat', 1995)]),
        releases: inputFromRows(releases, [release(10, 'Heat', 1995)]),
        schemaAlignment: inputFromRows(schemaAlignment, []),
      })
    ).rows;
    assert.ok(pair !== undefined);
    const unequal = { ...pair, discogs_title_norm: 'heat wave' };
    const { rows, metadata } = await materializeForTest(matches, { candidates: inputFromRows(candidates, [pair, unequal]) });
    assert.equal(rows.length, 1);
    assert.equal(metadata.candidates, 2);
  });
});
