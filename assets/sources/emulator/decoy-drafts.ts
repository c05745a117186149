/**
 * Releases a soundtrack search also returns that are NOT a soundtrack of a catalogue film: soundtracks of
 * other films (remakes outside the catalogue among them), TV and game scores, "Inspired by" albums, and
 * unrelated albums, many of them sharing a catalogue film's title.
 */
import { SAMPLE_DECOY_ARTISTS, SAMPLE_GAME_SOUNDTRACKS, SAMPLE_TV_SOUNDTRACKS, SAMPLE_UNRELATED_ALBUMS } from '../sample-decoys.ts';
import type { SampleDecoySpec } from '../sample-decoys.ts';
import { SAMPLE_COMPOSERS } from '../sample-films.ts';
import { writeOtherFilmRelease } from '../sample-release-titles.ts';
import type { SeededRandom } from '../seeded-random.ts';
import type { TmdbListItem } from '../tmdb-schemas.ts';
import type { AllocateId } from './catalogue-films.ts';
import { LAST_YEAR } from './film-specs.ts';
import { yearOf, type ReleaseDraft, type ReleaseKind } from './release-draft.ts';
import { withGenres } from './soundtrack-drafts.ts';
import { ADJECTIVES, GAME_SUFFIXES, INSPIRED_BY_FORMS, NOUNS, OTHER_GENRE_STYLES, SYNTHETIC_COMPOSERS, TV_SUFFIXES } from './vocabulary.ts';

type DecoyKind = Exclude<ReleaseKind, 'film-soundtrack'>;

/** How the decoys split by kind. */
export const DECOY_SHARES: Readonly<Record<DecoyKind, number>> = {
  'other-film-soundtrack': 0.36,
  'tv-soundtrack': 0.18,
  'game-soundtrack': 0.14,
  'inspired-by-album': 0.07,
  'unrelated-album': 0.25,
};

interface DecoyScope {
  random: SeededRandom;
  ids: AllocateId;
  /** Films with a release date: the ones a decoy can aim at. */
  dated: readonly TmdbListItem[];
  /** Loose keys of every film title, so made-up titles stay clear of them. */
  filmKeys: ReadonlySet<string>;
}

type DecoyWriter = (scope: DecoyScope) => ReleaseDraft;

const WRITERS: Readonly<Record<DecoyKind, DecoyWriter>> = {
  'other-film-soundtrack': otherFilmSoundtrack,
  'tv-soundtrack': tvSoundtrack,
  'game-soundtrack': gameSoundtrack,
  'inspired-by-album': inspiredByAlbum,
  'unrelated-album': unrelatedAlbum,
};

/** The sample's named decoys, then `total` synthetic ones split by `DECOY_SHARES`. */
export function decoyDrafts(random: SeededRandom, ids: AllocateId, films: readonly TmdbListItem[], total: number): ReleaseDraft[] {
  const dated = films.filter((film) => film.release_date !== '');
  const scope: DecoyScope = { random, ids, dated, filmKeys: new Set(films.map((film) => looseKey(film.title))) };
  const named = (kind: DecoyKind) => (spec: SampleDecoySpec): ReleaseDraft => {
    const [artist, title, year, genres, styles, notes] = spec;
    return { kind, artist, title, year: Number(year), genres: [...genres], styles: [...styles], notes: notes ?? [], masterId: ids(1_000, 3_500_000) };
  };
  const drafts = [
    ...SAMPLE_TV_SOUNDTRACKS.map(named('tv-soundtrack')),
    ...SAMPLE_GAME_SOUNDTRACKS.map(named('game-soundtrack')),
    ...SAMPLE_UNRELATED_ALBUMS.map(named('unrelated-album')),
  ];
  for (const [kind, share] of Object.entries(DECOY_SHARES) as Array<[DecoyKind, number]>) {
    for (let n = Math.round(total * share); n > 0; n--) drafts.push(WRITERS[kind](scope));
  }
  return drafts;
}

/** 15 % a same-titled film outside the catalogue, 8 to 30 years away; the rest a title no film has. */
function otherFilmSoundtrack(scope: DecoyScope): ReleaseDraft {
  const { random, ids } = scope;
  const target = random.chance(0.15) ? datedFilm(scope) : undefined;
  const targetYear = target === undefined ? null : yearOf(target.release_date);
  const title = target?.title ?? madeUpTitle(scope);
  const composer = random.chance(0.3) ? random.pick(SAMPLE_COMPOSERS) : random.chance(0.8) ? random.pick(SYNTHETIC_COMPOSERS) : 'Various';
  const written = writeOtherFilmRelease(random, title, composer);
  const year = targetYear === null ? random.int(1960, LAST_YEAR) : awayFrom(random, targetYear);
  const draft: ReleaseDraft = {
    kind: 'other-film-soundtrack', ...written, genres: [], year, notes: random.chance(0.5) ? ['film'] : [], masterId: ids(1_000, 3_500_000),
  };
  const decoy = withGenres(random, draft);
  return target === undefined ? decoy : { ...decoy, decoyOf: target.id };
}

function tvSoundtrack(scope: DecoyScope): ReleaseDraft {
  const { random, ids } = scope;
  const target = random.chance(0.35) ? datedFilm(scope) : undefined;
  const base = target?.title ?? madeUpTitle(scope);
  const season = random.chance(0.4) ? `: Season ${random.int(1, 6)}` : '';
  const filmYear = target === undefined ? null : yearOf(target.release_date);
  return {
    kind: 'tv-soundtrack',
    artist: random.chance(0.7) ? random.pick(SYNTHETIC_COMPOSERS) : random.pick(SAMPLE_COMPOSERS),
    title: `${base}${season} ${random.pick(TV_SUFFIXES)}`,
    genres: ['Stage & Screen'],
    styles: random.chance(0.5) ? ['Soundtrack'] : ['Soundtrack', 'Score'],
    year: filmYear === null ? random.int(1965, LAST_YEAR) : Math.min(LAST_YEAR, filmYear + random.int(1, 25)),
    notes: ['tv', 'series'],
    masterId: random.chance(0.6) ? ids(1_000, 3_500_000) : 0,
    ...(target === undefined ? {} : { decoyOf: target.id }),
  };
}

function gameSoundtrack(scope: DecoyScope): ReleaseDraft {
  const { random, ids } = scope;
  const target = random.chance(0.25) ? datedFilm(scope) : undefined;
  const base = target?.title ?? madeUpTitle(scope);
  const filmYear = target === undefined ? null : yearOf(target.release_date);
  const isPlain = random.chance(0.3);
  return {
    kind: 'game-soundtrack',
    artist: random.pick(SYNTHETIC_COMPOSERS),
    title: isPlain ? base : `${base} ${random.pick(GAME_SUFFIXES)}`,
    genres: random.chance(0.4) ? ['Electronic', 'Stage & Screen'] : ['Stage & Screen'],
    styles: isPlain ? ['Score', 'Video Game Music'] : ['Soundtrack'],
    year: filmYear === null ? random.int(1985, LAST_YEAR) : Math.min(LAST_YEAR, filmYear + random.int(0, 6)),
    notes: ['video', 'game'],
    masterId: random.chance(0.5) ? ids(1_000, 3_500_000) : 0,
    ...(target === undefined ? {} : { decoyOf: target.id }),
  };
}

/** Songs "inspired by" a catalogue film, out with it: the film's title and year, not its soundtrack. */
function inspiredByAlbum(scope: DecoyScope): ReleaseDraft {
  const { random, ids } = scope;
  const target = datedFilm(scope);
  if (target === undefined) return unrelatedAlbum(scope);
  const filmYear = yearOf(target.release_date);
  const isFiledAsSoundtrack = random.chance(0.3);
  return {
    kind: 'inspired-by-album',
    artist: random.chance(0.6) ? 'Various' : random.pick(SAMPLE_DECOY_ARTISTS),
    title: random.pick(INSPIRED_BY_FORMS)(target.title),
    genres: isFiledAsSoundtrack ? ['Pop', 'Stage & Screen'] : [random.pick(['Pop', 'Rock'])],
    styles: isFiledAsSoundtrack ? ['Soundtrack'] : [random.pick(['Pop Rock', 'Ballad', 'Indie Rock'])],
    year: filmYear === null || random.chance(0.05) ? null : filmYear + random.int(0, 1),
    notes: ['film', 'inspired'],
    masterId: random.chance(0.5) ? ids(1_000, 3_500_000) : 0,
    decoyOf: target.id,
  };
}

/** 40 % carry a film's exact title ("Drive"), a fifth of those within a year of the film. */
function unrelatedAlbum(scope: DecoyScope): ReleaseDraft {
  const { random, ids } = scope;
  const target = random.chance(0.4) ? datedFilm(scope) : undefined;
  const filmYear = target === undefined ? null : yearOf(target.release_date);
  const genre = random.pick(Object.keys(OTHER_GENRE_STYLES));
  const year = filmYear !== null && random.chance(0.2) ? filmYear + random.int(-1, 1) : random.int(1965, LAST_YEAR);
  return {
    kind: 'unrelated-album',
    artist: random.pick(SAMPLE_DECOY_ARTISTS),
    title: target?.title ?? madeUpTitle(scope),
    genres: [genre],
    styles: [random.pick(OTHER_GENRE_STYLES[genre] ?? [])],
    year: Math.min(LAST_YEAR, year),
    // What makes a free-text search return them: the words are in their notes or credits.
    notes: random.chance(0.6) ? random.pick([['soundtrack'], ['score'], ['film', 'soundtrack'], ['motion', 'picture']]) : [],
    masterId: random.chance(0.5) ? 0 : ids(1_000, 3_500_000),
    ...(target === undefined ? {} : { decoyOf: target.id }),
  };
}

function datedFilm(scope: DecoyScope): TmdbListItem | undefined {
  return scope.dated.length === 0 ? undefined : scope.random.pick(scope.dated);
}

function awayFrom(random: SeededRandom, year: number): number {
  const later = year + random.int(8, 30);
  return later <= LAST_YEAR ? later : Math.max(1930, year - random.int(8, 30));
}

function madeUpTitle(scope: DecoyScope): string {
  const { random } = scope;
  for (;;) {
    const shape = random.int(0, 2);
    const title =
      shape === 0 ? `${random.pick(ADJECTIVES)} ${random.pick(NOUNS)}`
      : shape === 1 ? `The ${random.pick(ADJECTIVES)} ${random.pick(NOUNS)}`
      : `${random.pick(NOUNS)} Of The ${random.pick(ADJECTIVES)} ${random.pick(NOUNS)}`;
    if (!scope.filmKeys.has(looseKey(title))) return title;
  }
}

export function looseKey(title: string): string {
  return title.toLowerCase().replace(/^the /, '').replace(/[^a-z0-9]/g, '');
}
