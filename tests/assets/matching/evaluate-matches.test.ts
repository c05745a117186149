import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evaluateMatches } from '../../../assets/matching/evaluate-matches.ts';

describe('evaluateMatches', () => {
  it('counts true and false positives and negatives over pairs, duplicates once', () => {
    const truth = [{ tmdb_id: 1, discogs_id: 10 }, { tmdb_id: 2, discogs_id: 20 }, { tmdb_id: 3, discogs_id: 30 }];
    const predicted = [{ tmdb_id: 1, discogs_id: 10 }, { tmdb_id: 1, discogs_id: 10 }, { tmdb_id: 2, discogs_id: 99 }];
    const quality = evaluateMatches(predicted, truth);
    assert.deepEqual(
      { tp: quality.truePositives, fp: quality.falsePositives, fn: quality.falseNegatives },
      { tp: 1, fp: 1, fn: 2 },
    );
    assert.equal(quality.precision, 0.5);
    assert.equal(quality.recall, 1 / 3);
    assert.equal(quality.f1, 0.4);
  });

  it('gives an empty prediction precision 1 and recall 0', () => {
    const quality = evaluateMatches([], [{ tmdb_id: 1, discogs_id: 10 }]);
    assert.deepEqual([quality.precision, quality.recall, quality.f1], [1, 0, 0]);
  });
});
