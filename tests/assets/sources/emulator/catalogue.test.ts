import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildCatalogue, type Catalogue } from '../../../../assets/sources/emulator/catalogue.ts';
import { RELEASE_KINDS, TRUTH_KINDS } from '../../../../assets/sources/emulator/release-draft.ts';
import { discogsSearchItemSchema } from '../../../../assets/sources/discogs-schemas.ts';
import { tmdbListItemSchema } from '../../../../assets/sources/tmdb-schemas.ts';

/** Everything a catalogue serves or asserts, as one string: equal strings mean byte-identical output. */
function serialized(catalogue: Catalogue): string {
  return JSON.stringify({
    films: catalogue.films,
    facts: [...catalogue.filmFacts],
    releases: catalogue.releases.map((release) => [release.kind, release.filmId, release.decoyOf, release.item, release.facts]),
    truth: catalogue.truth,
  });
}

describe('emulator catalogue', () => {
  const catalogue = buildCatalogue({ films: 10_000, seed: 7 });

  it('builds 10,000 films with about three releases each', () => {
    assert.equal(catalogue.films.length, 10_000);
    assert.ok(catalogue.releases.length >= 27_000 && catalogue.releases.length <= 33_000, `${catalogue.releases.length} releases`);
    assert.equal(new Set(catalogue.films.map((film) => film.id)).size, catalogue.films.length);
    assert.equal(new Set(catalogue.releases.map((release) => release.id)).size, catalogue.releases.length);
  });

  it('is byte-identical when built twice from the same options, and differs under another seed', () => {
    const small = { films: 1_500, seed: 99 };
    assert.equal(serialized(buildCatalogue(small)), serialized(buildCatalogue(small)));
    assert.notEqual(serialized(buildCatalogue({ ...small, seed: 100 })), serialized(buildCatalogue(small)));
  });

  it('lists films in popular order and starts with the real titles’ vocabulary', () => {
    const popularity = catalogue.films.map((film) => film.popularity ?? 0);
    assert.deepEqual(popularity, [...popularity].sort((a, b) => b - a));
    assert.ok(catalogue.films.slice(0, 20).every((film) => catalogue.filmFacts.get(film.id)?.isReal));
  });

  it('serves records that pass the services’ declared schemas', () => {
    for (const film of catalogue.films) tmdbListItemSchema.parse(film);
    for (const release of catalogue.releases.slice(0, 3_000)) discogsSearchItemSchema.parse(release.item);
  });

  it('has ground truth whose ids all exist, each pair once, pointing at soundtracks of that film', () => {
    const films = new Set(catalogue.films.map((film) => film.id));
    const releases = new Map(catalogue.releases.map((release) => [release.id, release]));
    for (const pair of catalogue.truth) {
      assert.ok(films.has(pair.tmdb_id), `film ${pair.tmdb_id}`);
      const release = releases.get(pair.discogs_id);
      assert.equal(release?.kind, 'film-soundtrack');
      assert.equal(release?.filmId, pair.tmdb_id);
      assert.ok(pair.traits.includes(pair.kind) || pair.kind === 'original');
    }
    assert.equal(new Set(catalogue.truth.map((pair) => `${pair.tmdb_id}:${pair.discogs_id}`)).size, catalogue.truth.length);
    assert.equal(catalogue.truth.length, catalogue.releases.filter((release) => release.kind === 'film-soundtrack').length);
    for (const release of catalogue.releases) if (release.decoyOf !== undefined) assert.ok(films.has(release.decoyOf));
  });

  it('holds every release kind and every truth kind', () => {
    for (const kind of RELEASE_KINDS) assert.ok(catalogue.releases.some((release) => release.kind === kind), kind);
    for (const kind of TRUTH_KINDS) assert.ok(catalogue.truth.some((pair) => pair.kind === kind), kind);
  });

  it('files about a tenth of true soundtracks outside Stage & Screen / Soundtrack / Score', () => {
    const releases = new Map(catalogue.releases.map((release) => [release.id, release]));
    const outside = catalogue.truth.filter((pair) => {
      const item = releases.get(pair.discogs_id)!.item;
      return !item.genre.includes('Stage & Screen') && !item.style.some((style) => style === 'Soundtrack' || style === 'Score');
    });
    const share = outside.length / catalogue.truth.length;
    assert.ok(share > 0.07 && share < 0.13, `share ${share}`);
    assert.deepEqual(new Set(outside.map((pair) => pair.traits.includes('no-stage-and-screen'))), new Set([true]));
  });

  it('contains the data quirks the pipeline must survive', () => {
    const titles = catalogue.releases.map((release) => release.item.title);
    assert.ok(catalogue.films.some((film) => film.release_date === ''), 'a film without release date');
    assert.ok(catalogue.films.some((film) => film.genre_ids.length === 0), 'a film without genres');
    assert.ok(catalogue.releases.some((release) => release.item.year === undefined), 'a release without year');
    assert.ok(catalogue.releases.some((release) => release.item.master_id === 0), 'a release without master');
    assert.ok(titles.some((title) => / = /.test(title)), 'a bilingual title');
    assert.ok(titles.some((title) => title.startsWith('Various - ')), 'a compilation');
    assert.ok(catalogue.films.some((film) => /\b(II|2|Part 2|Returns)$/.test(film.title)), 'a numbered sequel');
    const byTitle = new Map<string, number>();
    for (const film of catalogue.films) byTitle.set(film.title, (byTitle.get(film.title) ?? 0) + 1);
    assert.ok([...byTitle.values()].some((count) => count > 1), 'a remake under the same title');
  });

  it('keeps reissues on their original’s master, years after the film', () => {
    const releases = new Map(catalogue.releases.map((release) => [release.id, release]));
    const reissues = catalogue.truth.filter((pair) => pair.is_reissue);
    assert.ok(reissues.length > 1_000);
    for (const pair of reissues) assert.ok(pair.year_offset !== null && pair.year_offset >= 3, `offset ${pair.year_offset}`);
    assert.ok(reissues.some((pair) => (releases.get(pair.discogs_id)!.item.master_id ?? 0) !== 0));
  });
});
