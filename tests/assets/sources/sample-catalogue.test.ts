import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildSampleCatalogue, DEFAULT_SAMPLE_SEED } from '../../../assets/sources/sample-catalogue.ts';
import { discogsSearchItemSchema } from '../../../assets/sources/discogs-schemas.ts';
import { tmdbListItemSchema } from '../../../assets/sources/tmdb-schemas.ts';

describe('sample catalogue', () => {
  const catalogue = buildSampleCatalogue();

  it('is identical when built twice from the same seed', () => {
    const again = buildSampleCatalogue(DEFAULT_SAMPLE_SEED);
    assert.deepEqual(again.films, catalogue.films);
    assert.deepEqual(again.releases.map((release) => release.item), catalogue.releases.map((release) => release.item));
    assert.deepEqual(again.truth, catalogue.truth);
  });

  it('differs under another seed', () => {
    const other = buildSampleCatalogue(DEFAULT_SAMPLE_SEED + 1);
    assert.notDeepEqual(other.releases.map((release) => release.item.id), catalogue.releases.map((release) => release.item.id));
  });

  it('has about 150 films and 450 releases, with unique ids', () => {
    assert.ok(catalogue.films.length >= 140 && catalogue.films.length <= 180, `${catalogue.films.length} films`);
    assert.ok(catalogue.releases.length >= 400 && catalogue.releases.length <= 500, `${catalogue.releases.length} releases`);
    assert.equal(new Set(catalogue.films.map((film) => film.id)).size, catalogue.films.length);
    assert.equal(new Set(catalogue.releases.map((release) => release.item.id)).size, catalogue.releases.length);
  });

  it('serves records that pass the services’ declared schemas', () => {
    for (const film of catalogue.films) tmdbListItemSchema.parse(film);
    for (const release of catalogue.releases) discogsSearchItemSchema.parse(release.item);
  });

  it('has ground truth whose ids all exist, each pair once, pointing at film soundtracks', () => {
    const films = new Set(catalogue.films.map((film) => film.id));
    const kinds = new Map(catalogue.releases.map((release) => [release.item.id, release.kind]));
    assert.ok(catalogue.truth.length >= 150, `${catalogue.truth.length} true pairs`);
    for (const pair of catalogue.truth) {
      assert.ok(films.has(pair.tmdb_id), `film ${pair.tmdb_id}`);
      assert.equal(kinds.get(pair.discogs_id), 'film-soundtrack');
    }
    assert.equal(new Set(catalogue.truth.map((pair) => `${pair.tmdb_id}:${pair.discogs_id}`)).size, catalogue.truth.length);
  });

  it('contains the cases matching must handle', () => {
    const titles = catalogue.releases.map((release) => release.item.title);
    assert.ok(catalogue.films.some((film) => film.release_date === ''), 'a film without release date');
    assert.ok(catalogue.films.some((film) => film.genre_ids.length === 0), 'a film without genres');
    assert.ok(catalogue.films.filter((film) => film.title === 'Dune').length === 2, 'a remake');
    assert.ok(titles.some((title) => title.includes(' = ')), 'a bilingual title');
    assert.ok(titles.some((title) => title.startsWith('Various - ')), 'a compilation');
    assert.ok(catalogue.releases.some((release) => release.item.year === undefined), 'a release without year');
    assert.ok(catalogue.truth.some((pair) => pair.is_reissue), 'a reissue');
    for (const kind of ['tv-soundtrack', 'game-soundtrack', 'unrelated-album', 'other-film-soundtrack'] as const) {
      assert.ok(catalogue.releases.some((release) => release.kind === kind), kind);
    }
  });
});
