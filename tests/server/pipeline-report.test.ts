// binScores: bins on multiples of the width, from the lowest score (or the threshold) up to 1, the last bin
// closed on the right; float division never moves a score that sits on an edge into the bin below.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { binScores } from '../../server/pipeline-report.ts';

const edges = (bins: ReturnType<typeof binScores>) => bins.map((bin) => [bin.from, bin.to, bin.count, bin.matches]);

describe('binScores', () => {
  it('starts at the bin of the lowest score or the threshold, whichever is lower, and ends at 1', () => {
    assert.deepEqual(edges(binScores([0.9, 1], [false, true], 0.05, 0.88)), [[0.85, 0.9, 0, 0], [0.9, 0.95, 1, 0], [0.95, 1, 1, 1]]);
    assert.deepEqual(edges(binScores([0.81, 0.95], [true, true], 0.05, 0.9)), [[0.8, 0.85, 1, 1], [0.85, 0.9, 0, 0], [0.9, 0.95, 0, 0], [0.95, 1, 1, 1]]);
  });

  it('puts a score on an edge in the bin it starts (0.88 / 0.02 is 43.99… in floating point)', () => {
    const bins = binScores([0.88, 0.9, 0.94], [true, true, true], 0.02, 0.88);
    assert.deepEqual(edges(bins), [[0.88, 0.9, 1, 1], [0.9, 0.92, 1, 1], [0.92, 0.94, 0, 0], [0.94, 0.96, 1, 1], [0.96, 0.98, 0, 0], [0.98, 1, 0, 0]]);
  });

  it('keeps a score of 1 in the last bin and extends past 1 only for scores above it', () => {
    assert.deepEqual(edges(binScores([1, 1], [true, false], 0.1, 0.95)), [[0.9, 1, 2, 1]]);
    assert.deepEqual(edges(binScores([1.05], [false], 0.1, null)).at(-1), [1, 1.1, 1, 0]);
  });

  it('gives the bins from the threshold to 1 when there are no scores', () => {
    assert.deepEqual(edges(binScores([], [], 0.05, 0.9)), [[0.9, 0.95, 0, 0], [0.95, 1, 0, 0]]);
    assert.deepEqual(edges(binScores([], [], 0.05, null)), [[0.95, 1, 0, 0]]);
  });
});
