// binScores: bins on multiples of the width, from the lowest score (or the threshold) up to 1, the last bin
// closed on the right; float division never moves a score that sits on an edge into the bin below. And
// lastScoreColumns: one decoding per data file, whatever the bin widths asked.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createLocalStorage } from '../../runtime/index.ts';
import { Ledger, type CommittedMaterialization } from '../../runtime/internal.ts';
import { binScores, lastScoreColumns, type ScoreColumns } from '../../server/pipeline-report.ts';

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

describe('lastScoreColumns', () => {
  const ledger = new Ledger(createLocalStorage('unused-lake'));
  const columns: ScoreColumns = { rows: 1, scores: [0.9], matched: [true] };
  // Only the data file's path matters to the cache.
  const headOf = (data: string) => ({ files: { data } }) as CommittedMaterialization;
  const names = { column: 'score', acceptedColumn: 'is_match' };

  it('decodes a data file once for every read of it, and again when the head names another file', async () => {
    const decoded: string[] = [];
    const read = lastScoreColumns(async (_ledger, head) => { decoded.push(head.files.data!); return columns; });
    await Promise.all([read(ledger, headOf('gold/matches/a/data.parquet'), names), read(ledger, headOf('gold/matches/a/data.parquet'), names)]);
    assert.equal(await read(ledger, headOf('gold/matches/a/data.parquet'), names), columns);
    await read(ledger, headOf('gold/matches/b/data.parquet'), names);
    assert.deepEqual(decoded, ['gold/matches/a/data.parquet', 'gold/matches/b/data.parquet']);
  });

  it('keeps no failed read: the next one decodes again', async () => {
    let calls = 0;
    const read = lastScoreColumns(async () => { calls += 1; if (calls === 1) throw new Error('truncated file'); return columns; });
    await assert.rejects(read(ledger, headOf('gold/matches/a/data.parquet'), names), /truncated file/);
    assert.equal(await read(ledger, headOf('gold/matches/a/data.parquet'), names), columns);
    assert.equal(calls, 2);
  });
});
