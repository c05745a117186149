// Integrity of the hand-written real-world matching data set (no matcher is run here).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  DECOY_KINDS,
  MATCHING_KINDS,
  REAL_WORLD_FILMS,
  REAL_WORLD_RELEASES,
  REAL_WORLD_TRUTH,
  summarizeRealWorldCases,
  type RealWorldReleaseKind,
} from './real-world-cases.ts';

function duplicates<T>(values: readonly T[]): T[] {
  const seen = new Set<T>();
  return values.filter((value) => (seen.has(value) ? true : (seen.add(value), false)));
}

const pairedReleases = new Set(REAL_WORLD_TRUTH.map((pair) => pair.discogs_id));

describe('real-world matching cases', () => {
  it('has unique film ids, release ids and truth pairs', () => {
    assert.deepEqual(duplicates(REAL_WORLD_FILMS.map((film) => film.tmdb_id)), []);
    assert.deepEqual(duplicates(REAL_WORLD_RELEASES.map((release) => release.discogs_id)), []);
    assert.deepEqual(duplicates(REAL_WORLD_TRUTH.map((pair) => `${pair.tmdb_id}/${pair.discogs_id}`)), []);
  });

  it('refers only to existing films and releases in every truth pair', () => {
    const films = new Set(REAL_WORLD_FILMS.map((film) => film.tmdb_id));
    const releases = new Set(REAL_WORLD_RELEASES.map((release) => release.discogs_id));
    const dangling = REAL_WORLD_TRUTH.filter((pair) => !films.has(pair.tmdb_id) || !releases.has(pair.discogs_id));
    assert.deepEqual(dangling, []);
    for (const pair of REAL_WORLD_TRUTH) assert.ok(pair.kind.length > 0, `pair ${pair.tmdb_id}/${pair.discogs_id} has a kind`);
  });

  it('labels at least 600 releases (cases): 400 true pairs and 200 releases without one, over 300 films', () => {
    assert.ok(REAL_WORLD_RELEASES.length >= 600, `${REAL_WORLD_RELEASES.length} releases`);
    assert.ok(REAL_WORLD_TRUTH.length >= 400, `${REAL_WORLD_TRUTH.length} true pairs`);
    const decoys = REAL_WORLD_RELEASES.filter((release) => !pairedReleases.has(release.discogs_id));
    assert.ok(decoys.length >= 200, `${decoys.length} decoys`);
    assert.ok(REAL_WORLD_FILMS.length >= 300, `${REAL_WORLD_FILMS.length} films`);
  });

  it('says where each release of the later parts comes from, and spans the decades and markets', () => {
    const later = REAL_WORLD_RELEASES.filter((release) => release.discogs_id >= 200_000);
    assert.deepEqual(later.filter((release) => !release.note).map((release) => release.title), [], 'every release of a later part has a note');
    const decades = new Set(REAL_WORLD_FILMS.map((film) => film.release_date.slice(0, 3)).filter((decade) => decade !== ''));
    for (const decade of ['193', '194', '195', '196', '197', '198', '199', '200', '201', '202']) assert.ok(decades.has(decade), `films of the ${decade}0s`);
    assert.ok(REAL_WORLD_FILMS.filter((film) => film.original_title !== undefined && film.original_title !== film.title).length >= 40, 'films known by another original title');
  });

  it('represents every release kind', () => {
    const kinds = new Set(REAL_WORLD_RELEASES.map((release) => release.kind));
    const expected: RealWorldReleaseKind[] = [
      'soundtrack', 'score', 'reissue', 'bilingual', 'compilation', 'tv-series', 'video-game', 'inspired-by',
      'unrelated-album', 'other-film', 'cast-recording',
    ];
    assert.deepEqual(expected.filter((kind) => !kinds.has(kind)), []);
    assert.deepEqual([...kinds].filter((kind) => !expected.includes(kind)), []);
  });

  it('pairs every matching kind and no decoy kind, and notes every decoy', () => {
    const unpaired = REAL_WORLD_RELEASES.filter((release) => MATCHING_KINDS.includes(release.kind) && !pairedReleases.has(release.discogs_id));
    assert.deepEqual(unpaired.map((release) => release.title), []);
    const pairedDecoys = REAL_WORLD_RELEASES.filter((release) => DECOY_KINDS.includes(release.kind) && pairedReleases.has(release.discogs_id));
    assert.deepEqual(pairedDecoys.map((release) => release.title), []);
    const unexplained = REAL_WORLD_RELEASES.filter((release) => DECOY_KINDS.includes(release.kind) && !release.note);
    assert.deepEqual(unexplained.map((release) => release.title), []);
  });

  it('writes titles, years and dates the way the APIs do', () => {
    for (const release of REAL_WORLD_RELEASES) {
      assert.match(release.title, /^\S.* - \S/, `"Artist - Title": ${release.title}`);
      assert.ok(release.year === null || /^\d{4}$/.test(release.year), `year string: ${release.title}`);
      assert.ok(release.genre.length > 0 && release.format.length > 0, `genre and format: ${release.title}`);
    }
    for (const film of REAL_WORLD_FILMS) {
      assert.ok(film.release_date === '' || /^\d{4}-\d{2}-\d{2}$/.test(film.release_date), `release_date: ${film.title}`);
    }
    assert.ok(REAL_WORLD_RELEASES.some((release) => release.year === null), 'some release has no year');
    assert.ok(REAL_WORLD_FILMS.some((film) => film.release_date === ''), 'some film has no date');
  });

  it('covers the required competition: sequels, remakes, short titles, non-English titles', () => {
    const titles = (title: string) => REAL_WORLD_FILMS.filter((film) => film.title === title).length;
    for (const remake of ['Dune', 'A Star Is Born', 'Psycho', "Ocean's Eleven", 'Total Recall', 'RoboCop', 'The Lion King', 'Little Women', 'West Side Story', 'Halloween']) {
      assert.ok(titles(remake) >= 2, `two films titled ${remake}`);
    }
    for (const short of ['Up', 'Her', 'Heat', 'Jaws', 'Us', 'It', 'Cars', 'Big', 'Alien', 'Aliens', 'Predator', 'Predators']) {
      assert.equal(titles(short), 1, `film ${short}`);
    }
    assert.ok(REAL_WORLD_FILMS.filter((film) => film.original_title && /[^\u0000-\u024f]/.test(film.original_title)).length >= 5, 'non-Latin original titles');
    // The Dune trap: a reissue of the 1984 album dated in the remake's year.
    const dune1984 = REAL_WORLD_FILMS.find((film) => film.title === 'Dune' && film.release_date.startsWith('1984'));
    assert.ok(dune1984);
    assert.ok(REAL_WORLD_TRUTH.some((pair) => pair.tmdb_id === dune1984.tmdb_id
      && REAL_WORLD_RELEASES.find((release) => release.discogs_id === pair.discogs_id)?.year === '2021'));
  });

  it('summarizes counts by kind consistently', () => {
    const summary = summarizeRealWorldCases();
    assert.equal(summary.films, REAL_WORLD_FILMS.length);
    assert.equal(summary.releases, REAL_WORLD_RELEASES.length);
    assert.equal(summary.truePairs, REAL_WORLD_TRUTH.length);
    assert.equal(Object.values(summary.releasesByKind).reduce((a, b) => a + b, 0), REAL_WORLD_RELEASES.length);
    assert.equal(Object.values(summary.pairsByKind).reduce((a, b) => a + b, 0), REAL_WORLD_TRUTH.length);
    assert.equal(summary.decoys, REAL_WORLD_RELEASES.length - pairedReleases.size);
  });
});
