import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { createAssetGraph, defineAsset, SelectionError, selectAssets } from '../../../runtime/index.ts';
import { resolveSelection } from '../../../runtime/internal.ts';

const schema = z.object({ id: z.int() });
const leaf = (key: string, deps: Record<string, string> = {}) =>
  defineAsset({ key, schema, deps, codeVersion: '1', materialize: async () => ({ rows: [] }) });

// A diamond (tmdb_movies → movies, credits → matches) beside a chain (discogs_releases → releases →
// release_tracks → release_stats). Groups default to the layer: raw, intermediate, gold.
const graph = createAssetGraph([
  leaf('gold/matches', { movies: 'intermediate/movies', credits: 'intermediate/credits' }),
  leaf('intermediate/movies', { raw: 'raw/tmdb_movies' }),
  leaf('intermediate/credits', { raw: 'raw/tmdb_movies' }),
  leaf('raw/tmdb_movies'),
  leaf('gold/release_stats', { tracks: 'intermediate/release_tracks' }),
  leaf('intermediate/release_tracks', { releases: 'intermediate/releases' }),
  leaf('intermediate/releases', { raw: 'raw/discogs_releases' }),
  leaf('raw/discogs_releases'),
]);

const selects: [string, string[]][] = [
  ['gold/matches', ['gold/matches']],
  ['+gold/matches', ['raw/tmdb_movies', 'intermediate/credits', 'intermediate/movies', 'gold/matches']],
  ['1+gold/matches', ['intermediate/credits', 'intermediate/movies', 'gold/matches']],
  ['raw/tmdb_movies+', ['raw/tmdb_movies', 'intermediate/credits', 'intermediate/movies', 'gold/matches']],
  ['raw/discogs_releases+1', ['raw/discogs_releases', 'intermediate/releases']],
  ['raw/discogs_releases+2', ['raw/discogs_releases', 'intermediate/releases', 'intermediate/release_tracks']],
  ['2+gold/release_stats', ['intermediate/releases', 'intermediate/release_tracks', 'gold/release_stats']],
  ['+intermediate/release_tracks+', ['raw/discogs_releases', 'intermediate/releases', 'intermediate/release_tracks', 'gold/release_stats']],
  ['1+intermediate/release_tracks+1', ['intermediate/releases', 'intermediate/release_tracks', 'gold/release_stats']],
  // `+key+` is upstream ∪ downstream, not the descendants of the ancestors (which would add intermediate/credits).
  ['+intermediate/movies+', ['raw/tmdb_movies', 'intermediate/movies', 'gold/matches']],
  ['gold/matches+', ['gold/matches']],
  ['+raw/tmdb_movies', ['raw/tmdb_movies']],
  ['group:intermediate', ['intermediate/credits', 'intermediate/movies', 'intermediate/releases', 'intermediate/release_tracks']],
  ['group:raw+1', ['raw/discogs_releases', 'raw/tmdb_movies', 'intermediate/credits', 'intermediate/movies', 'intermediate/releases']],
  ['+group:gold', ['raw/discogs_releases', 'raw/tmdb_movies', 'intermediate/credits', 'intermediate/movies', 'intermediate/releases', 'gold/matches', 'intermediate/release_tracks', 'gold/release_stats']],
  ['*', [...graph.keys]],
  ['gold/release_stats, +gold/matches, raw/tmdb_movies', ['raw/tmdb_movies', 'intermediate/credits', 'intermediate/movies', 'gold/matches', 'gold/release_stats']],
  ['intermediate/movies,intermediate/movies+,1+gold/matches', ['intermediate/credits', 'intermediate/movies', 'gold/matches']],
];

describe('selectAssets', () => {
  it('builds the graph this suite assumes', () => {
    assert.deepEqual(graph.keys, [
      'raw/discogs_releases',
      'raw/tmdb_movies',
      'intermediate/credits',
      'intermediate/movies',
      'intermediate/releases',
      'gold/matches',
      'intermediate/release_tracks',
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
    assert.deepEqual(keys, ['raw/discogs_releases', 'raw/tmdb_movies', 'intermediate/credits', 'intermediate/movies', 'intermediate/releases', 'gold/matches']);
  });

  const unknownKeys: [string, string, string[]][] = [
    ['gold/matchs', 'Unknown asset "gold/matchs". Did you mean "gold/matches"?', ['gold/matches']],
    ['matches', 'Unknown asset "matches". Did you mean "gold/matches"?', ['gold/matches']],
    ['gold/Matches', 'Unknown asset "gold/Matches". Did you mean "gold/matches"?', ['gold/matches']],
    ['+raw/tmdb_movie', 'Unknown asset "raw/tmdb_movie". Did you mean "raw/tmdb_movies"?', ['raw/tmdb_movies']],
    ['raw/tmdb_movies, landing/weather+', 'Unknown asset "landing/weather". `medallion list` shows all asset keys.', []],
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
      () => selectAssets('group:intermediat', graph),
      (error: unknown) => {
        assert.ok(error instanceof SelectionError);
        assert.equal(error.code, 'SELECTION_UNKNOWN_GROUP');
        assert.equal(error.message, 'Unknown group "intermediat". Did you mean "intermediate"? Known groups: "gold", "intermediate", "raw".');
        assert.deepEqual(error.suggestions, ['intermediate']);
        return true;
      },
    );
    assert.throws(() => selectAssets('+group:nightly', graph), {
      name: 'SelectionError',
      code: 'SELECTION_UNKNOWN_GROUP',
      message: 'Unknown group "nightly". Known groups: "gold", "intermediate", "raw".',
    });
  });

  it('answers a Medallion layer name with the group of the same layer, named after its lake container', () => {
    for (const [old, current] of [['silver', 'intermediate'], ['bronze', 'raw']] as const) {
      assert.throws(() => selectAssets(`group:${old}`, graph), {
        name: 'SelectionError',
        code: 'SELECTION_UNKNOWN_GROUP',
        message: `Unknown group "${old}". Did you mean "${current}"? Known groups: "gold", "intermediate", "raw".`,
        suggestions: [current],
      });
    }
    // Only a group the graph has is suggested: a graph whose layers are named otherwise gets no such hint.
    const other = createAssetGraph([leaf('landing/films'), leaf('refined/films', { films: 'landing/films' })]);
    assert.throws(() => selectAssets('group:silver', other), {
      message: 'Unknown group "silver". Known groups: "landing", "refined".',
    });
  });
});
