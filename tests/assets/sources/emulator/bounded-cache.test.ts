import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { intersectSorted } from '../../../../assets/sources/emulator/bounded-cache.ts';
import { createSeededRandom } from '../../../../assets/sources/seeded-random.ts';

describe('intersectSorted', () => {
  it('equals a naive set intersection on lists of very different lengths', () => {
    const { next: random } = createSeededRandom(7);
    const sortedSample = (size: number, range: number) => [...new Set(Array.from({ length: size }, () => Math.floor(random() * range)))].sort((a, b) => a - b);
    for (let trial = 0; trial < 200; trial++) {
      const lists = Array.from({ length: 1 + Math.floor(random() * 4) }, () => sortedSample(Math.floor(random() * 2_000), 5_000));
      const naive = lists[0]!.filter((value) => lists.every((list) => list.includes(value)));
      assert.deepEqual(intersectSorted(lists), naive);
    }
  });

  it('handles no lists, an empty list, and values at both ends', () => {
    assert.deepEqual(intersectSorted([]), []);
    assert.deepEqual(intersectSorted([[1, 2, 3], []]), []);
    assert.deepEqual(intersectSorted([[0, 9], [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]]), [0, 9]);
  });
});
