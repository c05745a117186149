import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { checkAssetPartition, checkSelectionPartition, slotsOf, upstreamSlots } from '../../../runtime/graph/slots.ts';
import { didYouMean } from '../../../runtime/graph/nearest-keys.ts';
import { createAssetGraph, defineAsset, SelectionError } from '../../../runtime/index.ts';

const schema = z.object({ n: z.int() });
const rows = async () => ({ rows: [] });
const films = defineAsset({ key: 'raw/films', schema, codeVersion: '1', partitions: ['1990s', '2000s'], materialize: rows });
const genres = defineAsset({ key: 'raw/genres', schema, codeVersion: '1', materialize: rows });
const perDecade = defineAsset({ key: 'intermediate/per_decade', schema, codeVersion: '1', partitions: ['1990s', '2000s'], deps: { films, genres }, materialize: rows });
const total = defineAsset({ key: 'gold/total', schema, codeVersion: '1', deps: { films }, materialize: rows });
const graph = createAssetGraph([films, genres, perDecade, total]);

function refusal(check: () => void): SelectionError {
  try {
    check();
  } catch (error) {
    assert.ok(error instanceof SelectionError, String(error));
    assert.equal(error.code, 'PARTITION_UNKNOWN');
    return error;
  }
  assert.fail('the partition was accepted');
}

describe('slots', () => {
  it('writes "no partition" as null in every slot', () => {
    assert.deepEqual(slotsOf(graph, ['raw/genres', 'gold/total']), [
      { asset: 'raw/genres', partition: null },
      { asset: 'gold/total', partition: null },
    ]);
    assert.deepEqual(slotsOf(graph, ['raw/films', 'gold/total'], '2000s'), [
      { asset: 'raw/films', partition: '2000s' },
      { asset: 'gold/total', partition: null },
    ]);
  });

  it('reads partition to partition, every partition into an unpartitioned asset, and a whole unpartitioned upstream', () => {
    assert.deepEqual(upstreamSlots(graph, perDecade, '1990s'), [
      { asset: 'raw/films', partition: '1990s' },
      { asset: 'raw/genres', partition: null },
    ]);
    assert.deepEqual(upstreamSlots(graph, total), [
      { asset: 'raw/films', partition: '1990s' },
      { asset: 'raw/films', partition: '2000s' },
    ]);
  });

  it('refuses a partition with one error class and one message, naming the nearest partitions', () => {
    const unknown = refusal(() => checkSelectionPartition(graph, ['raw/films', 'gold/total'], '1990'));
    assert.equal(unknown.message, 'Asset "raw/films" has no partition "1990". Did you mean "1990s"? Its partitions: 1990s, 2000s.');
    assert.deepEqual(unknown.suggestions, ['1990s']);
    assert.equal(refusal(() => checkAssetPartition(films, '1990')).message, unknown.message);
    assert.match(refusal(() => checkSelectionPartition(graph, ['raw/genres'], '1990s')).message, /none of the selected assets \(raw\/genres\) is partitioned/);
    assert.match(refusal(() => checkAssetPartition(genres, '1990s')).message, /"raw\/genres" is not partitioned; leave out the partition/);
    assert.match(refusal(() => checkAssetPartition(films, null)).message, /"raw\/films" is partitioned; name one partition \(1990s, 2000s\)/);
    assert.doesNotThrow(() => checkAssetPartition(films, '2000s'));
    assert.doesNotThrow(() => checkAssetPartition(genres, null));
  });

  it('builds every "Did you mean" hint the same way, and none without suggestions', () => {
    assert.equal(didYouMean(['gold/matches', 'gold/match']), ' Did you mean "gold/matches" or "gold/match"?');
    assert.equal(didYouMean([]), '');
  });
});
