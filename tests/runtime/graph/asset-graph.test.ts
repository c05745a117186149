import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { createAssetGraph, defineAsset, DefinitionError } from '../../../runtime/index.ts';

const schema = z.object({ id: z.int() });
const leaf = (key: string, deps: Record<string, string> = {}) =>
  defineAsset({ key, schema, deps, codeVersion: '1', materialize: async () => ({ rows: [] }) });

describe('asset graph definition errors', () => {
  it('rejects a duplicate key and names it', () => {
    assert.throws(
      () => createAssetGraph([leaf('raw/a'), leaf('raw/a')]),
      (error: unknown) => error instanceof DefinitionError && error.code === 'DEFINITION_DUPLICATE_KEY' && /"raw\/a"/.test(error.message),
    );
  });

  it('rejects an unknown dependency, naming both assets and suggesting the nearest key', () => {
    assert.throws(
      () => createAssetGraph([leaf('raw/movies'), leaf('gold/matches', { m: 'raw/movie' })]),
      (error: unknown) =>
        error instanceof DefinitionError &&
        error.code === 'DEFINITION_UNKNOWN_DEPENDENCY' &&
        error.message.includes('"gold/matches"') &&
        error.message.includes('"raw/movie"') &&
        error.message.includes('Did you mean "raw/movies"'),
    );
  });

  it('rejects a cycle and names the path that closes it', () => {
    assert.throws(
      () => createAssetGraph([leaf('raw/a', { c: 'raw/c' }), leaf('raw/b', { a: 'raw/a' }), leaf('raw/c', { b: 'raw/b' })]),
      (error: unknown) =>
        error instanceof DefinitionError &&
        error.code === 'DEFINITION_CYCLE' &&
        /raw\/[abc] → raw\/[abc] → raw\/[abc] → raw\/[abc]/.test(error.message) &&
        ['raw/a', 'raw/b', 'raw/c'].every((key) => error.assets.includes(key)),
    );
  });

  it('rejects a self-dependency at defineAsset', () => {
    assert.throws(() => leaf('raw/a', { a: 'raw/a' }), /"raw\/a" depends on itself/);
  });

  it('rejects an invalid key with the reason', () => {
    assert.throws(() => leaf('matches'), /Invalid asset key "matches": it needs at least two segments/);
    assert.throws(() => leaf('gold/Matches'), /segment "Matches" must start with a lowercase letter/);
  });

  it('rejects a different definition of a key that is in the graph', () => {
    const a1 = leaf('raw/a');
    const a2 = leaf('raw/a');
    const b = defineAsset({ key: 'raw/b', schema, deps: { a: a2 }, codeVersion: '1', materialize: async () => ({ rows: [] }) });
    assert.throws(() => createAssetGraph([a1, b]), /different definition of "raw\/a"/);
  });

  it('rejects partitioned dependencies with different partition keys', () => {
    const a = defineAsset({ key: 'raw/a', schema, partitions: ['x', 'y'], codeVersion: '1', materialize: async () => ({ rows: [] }) });
    const b = defineAsset({ key: 'raw/b', schema, deps: { a }, partitions: ['x'], codeVersion: '1', materialize: async () => ({ rows: [] }) });
    assert.throws(() => createAssetGraph([a, b]), /"raw\/b" and its upstream "raw\/a" are both partitioned/);
  });
});

describe('asset graph queries', () => {
  const graph = createAssetGraph([
    leaf('gold/d', { b: 'raw/b', c: 'raw/c' }),
    leaf('raw/c', { a: 'raw/a' }),
    leaf('raw/b', { a: 'raw/a' }),
    leaf('raw/a'),
  ]);

  it('orders keys topologically with alphabetical ties', () => {
    assert.deepEqual(graph.keys, ['raw/a', 'raw/b', 'raw/c', 'gold/d']);
  });

  it('walks ancestors and descendants with and without depth', () => {
    assert.deepEqual([...graph.ancestors('gold/d')].sort(), ['raw/a', 'raw/b', 'raw/c']);
    assert.deepEqual([...graph.ancestors('gold/d', 1)].sort(), ['raw/b', 'raw/c']);
    assert.deepEqual([...graph.descendants('raw/a')].sort(), ['gold/d', 'raw/b', 'raw/c']);
    assert.deepEqual(graph.children('raw/a'), ['raw/b', 'raw/c']);
  });
});
