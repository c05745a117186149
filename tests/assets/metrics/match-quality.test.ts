import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defineMatchQuality } from '../../../assets/metrics/match-quality.ts';
import { inputFromRows, materializeForTest } from '../../../runtime/testing.ts';
import { candidates, matches, movie, movies, release, releases } from '../intermediate/fixtures.ts';

const goldRow = (tmdb_id: number, discogs_id: number, is_match: boolean) => ({
  tmdb_id, tmdb_title: 'T', tmdb_year: 2000, discogs_id, discogs_artist: null, discogs_title: 'T', discogs_year: 2000, discogs_master_id: null, discogs_master_year: null,
  score: 1, levenshtein: 1, token_sort: 1, token_set: 1, jaro_winkler: 1, compared: 'title~title', year_diff: 0, rule: 'title_and_year' as const, is_match,
});

describe('metrics/match_quality', () => {
  it('measures precision, recall and F1 against the ground truth, over all pairs, landed pairs and per kind', async () => {
    const truth = [
      { tmdb_id: 1, discogs_id: 10, kind: 'original' },
      { tmdb_id: 2, discogs_id: 20, kind: 'reissue' },
      { tmdb_id: 3, discogs_id: 30, kind: 'reissue' },
      { tmdb_id: 4, discogs_id: 40, kind: 'original' }, // never landed
    ];
    const asset = defineMatchQuality({ pairs: async () => truth }, { matches, candidates, releases, movies });
    const { rows, metadata } = await materializeForTest(asset, {
      matches: inputFromRows(matches, [goldRow(1, 10, true), goldRow(2, 20, true), goldRow(9, 30, true), goldRow(3, 30, false)]),
      candidates: inputFromRows(candidates, []),
      releases: inputFromRows(releases, [release(10, 'A', 2000), release(20, 'B', 2000), release(30, 'C', 2000)]),
      movies: inputFromRows(movies, [movie(1, 'A', 2000), movie(2, 'B', 2000), movie(3, 'C', 2000)]),
    });
    const byScope = Object.fromEntries(rows.map((row) => [row.scope, row]));
    assert.deepEqual([byScope.all!.true_positives, byScope.all!.false_positives, byScope.all!.false_negatives], [2, 1, 2]);
    assert.equal(byScope.all!.precision, 0.6667);
    assert.equal(byScope.all!.recall, 0.5);
    assert.equal(byScope.landed!.recall, 0.6667);
    assert.deepEqual([byScope['kind:reissue']!.truth_pairs, byScope['kind:reissue']!.recall], [2, 0.5]);
    assert.deepEqual([metadata.precision, metadata.recall, metadata.recall_landed, metadata.matches, metadata.films], [0.6667, 0.5, 0.6667, 3, 3]);
  });
});
