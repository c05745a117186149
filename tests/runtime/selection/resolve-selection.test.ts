import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { createAssetGraph, defineAsset, SelectionError, selectAssets } from '../../../runtime/index.ts';
import { resolveSelection } from '../../../runtime/internal.ts';

const schema = z.object({ id: z.int() });
const leaf = (key: string, deps: Record<string, string> = {}) =>
  defineAsset({ key, schema, deps, codeVersion: '1', materialize: async () => ({ rows: [] }) });

// A diamond (tmdb_movies → movies, credits → matches) beside a chain (discogs_releases → releases →
// release_tracks → release_stats). Groups default to the layer: raw, silver, gold.
const graph = createAssetGraph([
  leaf('gold/matches', { movies: 'silver/movies', credits: 'silver/credits' }),
  leaf('silver/movies', { raw: 'raw/tmdb_movies' }),
  leaf('silver/credits', { raw: 'raw/tmdb_movies' }),
  leaf('raw/tmdb_movies'),
  leaf('gold/release_stats', { tracks: 'silver/release_tracks' }),
  leaf('silver/release_tracks', { releases: 'silver/releases' }),
  leaf('silver/releases', { raw: 'raw/discogs_releases' }),
  leaf('raw/discogs_releases'),
]);

const selects: [string, string[]][] = [
  ['gold/matches', ['gold/matches']],
  ['+gold/matches', ['raw/tmdb_movies', 'silver/credits', 'silver/movies', 'gold/matches']],
  ['1+gold/matches', ['silver/credits', 'silver/movies', 'gold/matches']],
  ['raw/tmdb_movies+', ['raw/tmdb_movies', 'silver/credits', 'silver/movies', 'gold/matches']],
  ['raw/discogs_releases+1', ['raw/discogs_releases', 'silver/releases']],
  ['raw/discogs_releases+2', ['raw/discogs_releases', 'silver/releases', 'silver/release_tracks']],
  ['2+gold/release_stats', ['silver/releases', 'silver/release_tracks', 'gold/release_stats']],
  ['+silver/release_tracks+', ['raw/discogs_releases', 'silver/releases', 'silver/release_tracks', 'gold/release_stats']],
  ['1+silver/release_tracks+1', ['silver/releases', 'silver/release_tracks', 'gold/release_stats']],
  // `+key+` is upstream ∪ downstream, not the descendants of the ancestors (which would add silver/credits).
  ['+silver/movies+', ['raw/tmdb_movies', 'silver/movies', 'gold/matches']],
  ['gold/matches+', ['gold/matches']],
  ['+raw/tmdb_movies', ['raw/tmdb_movies']],
  ['group:silver', ['silver/credits', 'silver/movies', 'silver/releases', 'silver/release_tracks']],
  ['group:raw+1', ['raw/discogs_releases', 'raw/tmdb_movies', 'silver/credits', 'silver/movies', 'silver/releases']],
  ['+group:gold', ['raw/discogs_releases', 'raw/tmdb_movies', 'silver/credits', 'silver/movies', 'silver/releases', 'gold/matches', 'silver/release_tracks', 'gold/release_stats']],
  ['*', [...graph.keys]],
  ['gold/release_stats, +gold/matches, raw/tmdb_movies', ['raw/tmdb_movies', 'silver/credits', 'silver/movies', 'gold/matches', 'gold/release_stats']],
  ['silver/movies,silver/movies+,1+gold/matches', ['silver/credits', 'silver/movies', 'gold/matches']],
];

describe('selectAssets', () => {
  it('builds the graph this suite assumes', () => {
    assert.deepEqual(graph.keys, [
      'raw/discogs_releases',
      'raw/tmdb_movies',
      'silver/credits',
      'silver/movies',
      'silver/releases',
      'gold/matches',
      'silver/release_tracks',
      'gold/release_stats',
    ]);
  });

  for (const [selection, expected] of selects) {
    it(`selects ${JSON.stringify(selection)} in topological order, without duplicates`, () => {
      assert.deepEqual(selectAssets(selection, graph), expected);
    });
  }

  it('passes syntax errors through from the parser', () => {
    assert.throws(() => selectAssets('gold/matches+x', graph), (error: unknown) => error instanceof SelectionError && error.code === 'SELECTION_SYNTAX');
  });
});

describe('resolveSelection', () => {
  it('resolves a hand-built selection without any string syntax', () => {
    const keys = resolveSelection(
      { kind: 'union', members: [{ kind: 'downstream', of: { kind: 'group', name: 'raw' }, depth: 1 }, { kind: 'key', key: 'gold/matches' }] },
      graph,
    );
    assert.deepEqual(keys, ['raw/discogs_releases', 'raw/tmdb_movies', 'silver/credits', 'silver/movies', 'silver/releases', 'gold/matches']);
  });

  const unknownKeys: [string, string, string[]][] = [
    ['gold/matchs', 'Unknown asset "gold/matchs". Did you mean "gold/matches"?', ['gold/matches']],
    ['matches', 'Unknown asset "matches". Did you mean "gold/matches"?', ['gold/matches']],
    ['gold/Matches', 'Unknown asset "gold/Matches". Did you mean "gold/matches"?', ['gold/matches']],
    ['+silver/movie', 'Unknown asset "silver/movie". Did you mean "silver/movies"?', ['silver/movies']],
    ['raw/tmdb_movies, bronze/weather+', 'Unknown asset "bronze/weather". `medallion list` shows all asset keys.', []],
  ];
  for (const [selection, message, suggestions] of unknownKeys) {
    it(`rejects ${JSON.stringify(selection)} with the nearest known keys`, () => {
      assert.throws(
        () => selectAssets(selection, graph),
        (error: unknown) => {
          assert.ok(error instanceof SelectionError);
          assert.equal(error.code, 'SELECTION_UNKNOWN_KEY');
          assert.equal(error.message, message);
          assert.deepEqual(error.suggestions, suggestions);
          return true;
        },
      );
    });
  }

  it('rejects an unknown group, suggesting the nearest and naming every known group', () => {
    assert.throws(
      () => selectAssets('group:silvr', graph),
      (error: unknown) => {
        assert.ok(error instanceof SelectionError);
        assert.equal(error.code, 'SELECTION_UNKNOWN_GROUP');
        assert.equal(error.message, 'Unknown group "silvr". Did you mean "silver"? Known groups: "gold", "raw", "silver".');
        assert.deepEqual(error.suggestions, ['silver']);
        return true;
      },
    );
    assert.throws(() => selectAssets('+group:nightly', graph), {
      name: 'SelectionError',
      code: 'SELECTION_UNKNOWN_GROUP',
      message: 'Unknown group "nightly". Known groups: "gold", "raw", "silver".',
    });
  });
});
