/**
 * The built-in sample: a deterministic catalogue of TMDB films and Discogs releases with its ground truth
 * (which release is a soundtrack of which film). Same seed, identical catalogue; no network, no dataset.
 */
import type { DiscogsSearchItem } from './discogs-schemas.ts';
import {
  SAMPLE_DECOY_ARTISTS,
  SAMPLE_GAME_SOUNDTRACKS,
  SAMPLE_TITLE_WORDS,
  SAMPLE_TV_SOUNDTRACKS,
  SAMPLE_UNRELATED_ALBUMS,
  type SampleDecoySpec,
} from './sample-decoys.ts';
import { SAMPLE_COMPOSERS, SAMPLE_FILMS, SAMPLE_LABELS, type SampleFilmSpec } from './sample-films.ts';
import { writeOtherFilmRelease, writeSoundtrackRelease, type WrittenRelease } from './sample-release-titles.ts';
import { createSeededRandom, type SeededRandom } from './seeded-random.ts';
import type { TmdbListItem } from './tmdb-schemas.ts';

export const DEFAULT_SAMPLE_SEED = 20251107;

export type SampleReleaseKind = 'film-soundtrack' | 'other-film-soundtrack' | 'tv-soundtrack' | 'game-soundtrack' | 'unrelated-album';

export interface SampleRelease {
  readonly item: DiscogsSearchItem;
  readonly kind: SampleReleaseKind;
  /** Lowercase words a free-text search can hit: title, genres, styles, and notes not in the item. */
  readonly searchWords: ReadonlySet<string>;
}

/** One true (film, soundtrack release) pair. */
export interface SoundtrackTruth {
  readonly tmdb_id: number;
  readonly discogs_id: number;
  /** Release year minus film year; null when either is unknown. */
  readonly year_offset: number | null;
  readonly is_reissue: boolean;
}

export interface SampleCatalogue {
  readonly seed: number;
  /** In TMDB's popular order (popularity descending). */
  readonly films: readonly TmdbListItem[];
  /** In search-relevance order (a seeded shuffle). */
  readonly releases: readonly SampleRelease[];
  readonly truth: readonly SoundtrackTruth[];
}

interface ReleaseDraft extends WrittenRelease {
  year: number | null;
  genres: string[];
  notes: readonly string[];
  masterId: number;
  isReissue?: boolean;
}

const LAST_YEAR = 2025;
// Reissues pressed exactly when a remake came out: the classic remake trap for year-window matching.
const FORCED_REISSUES: ReadonlyArray<readonly [string, number, number]> = [['Dune', 1984, 2021]];

export function buildSampleCatalogue(seed: number = DEFAULT_SAMPLE_SEED): SampleCatalogue {
  const random = createSeededRandom(seed);
  const ids = createIdAllocator(random);
  const films = SAMPLE_FILMS.map((spec) => buildFilm(random, ids, spec)).sort((a, b) => (b.popularity ?? 0) - (a.popularity ?? 0));
  const releases: SampleRelease[] = [];
  const truth: SoundtrackTruth[] = [];
  for (const film of films) {
    for (const draft of soundtrackDrafts(random, ids, film)) {
      const release = buildRelease(random, ids, draft, 'film-soundtrack');
      releases.push(release);
      const filmYear = yearOf(film.release_date);
      const yearOffset = filmYear === null || draft.year === null ? null : draft.year - filmYear;
      truth.push({ tmdb_id: film.id, discogs_id: release.item.id, year_offset: yearOffset, is_reissue: draft.isReissue === true });
    }
  }
  releases.push(...decoyReleases(random, ids, films));
  return { seed, films, releases: random.shuffle(releases), truth };
}

/** Draws ids unique across the whole catalogue (films, releases and masters). */
type AllocateId = (min: number, max: number) => number;

function createIdAllocator(random: SeededRandom): AllocateId {
  const used = new Set<number>();
  return (min, max) => {
    let id = random.int(min, max);
    while (used.has(id)) id = random.int(min, max);
    used.add(id);
    return id;
  };
}

function buildFilm(random: SeededRandom, ids: AllocateId, spec: SampleFilmSpec): TmdbListItem {
  const [title, year, genreIds, originalTitle, language] = spec;
  const month = String(random.int(1, 12)).padStart(2, '0');
  const day = String(random.int(1, 28)).padStart(2, '0');
  return {
    adult: false,
    backdrop_path: random.chance(0.08) ? null : `/${randomSlug(random)}.jpg`,
    genre_ids: [...genreIds],
    id: ids(11, 1_300_000),
    original_language: language ?? 'en',
    original_title: originalTitle ?? title,
    overview: `${title}: the sample catalogue's stand-in overview.`,
    popularity: random.int(5_000, 400_000) / 1000,
    poster_path: random.chance(0.04) ? null : `/${randomSlug(random)}.jpg`,
    release_date: year === null ? '' : `${year}-${month}-${day}`,
    title,
    video: false,
    vote_average: random.int(5_500, 8_900) / 1000,
    vote_count: random.int(100, 35_000),
  };
}

function soundtrackDrafts(random: SeededRandom, ids: AllocateId, film: TmdbListItem): ReleaseDraft[] {
  const filmYear = yearOf(film.release_date);
  const roll = random.next();
  // A film without a date keeps one soundtrack, so the sample has a pair whose year is unknown on one side.
  const count = filmYear === null ? 1 : roll < 0.12 ? 0 : roll < 0.55 ? 1 : roll < 0.85 ? 2 : 3;
  const parts = { title: film.title, originalTitle: film.original_title ?? film.title, language: film.original_language ?? 'en' };
  const composer = parts.language === 'ja' ? 'Joe Hisaishi' : random.pick(SAMPLE_COMPOSERS);
  const drafts: ReleaseDraft[] = [];
  for (let index = 0; index < count; index++) {
    const isReissue = index > 0 && filmYear !== null && random.chance(0.55);
    const base = drafts[0];
    const written = isReissue && base !== undefined ? base : writeSoundtrackRelease(random, parts, composer);
    const year = filmYear === null ? 2024 : isReissue ? Math.min(LAST_YEAR, filmYear + random.int(3, 30)) : releaseYear(random, filmYear);
    const masterId = isReissue && base !== undefined ? base.masterId : ids(1_000, 3_500_000);
    const genres = isReissue && base !== undefined ? base.genres : soundtrackGenres(random);
    drafts.push({ ...written, year, genres, notes: filmNotes(random), masterId, isReissue });
  }
  for (const [title, year, reissueYear] of FORCED_REISSUES) {
    const base = drafts[0];
    if (film.title === title && filmYear === year && base !== undefined) drafts.push({ ...base, year: reissueYear, isReissue: true });
  }
  return drafts;
}

/** 72 % the film's year, 15 % a year later, 6 % a year earlier (promos), 7 % no year on Discogs. */
function releaseYear(random: SeededRandom, filmYear: number): number | null {
  const roll = random.next();
  if (roll < 0.72) return filmYear;
  if (roll < 0.87) return filmYear + 1;
  if (roll < 0.93) return filmYear - 1;
  return null;
}

function soundtrackGenres(random: SeededRandom): string[] {
  const extra = random.pick(['', '', 'Classical', 'Electronic', 'Pop', 'Rock']);
  return extra === '' ? ['Stage & Screen'] : [extra, 'Stage & Screen'].sort();
}

function filmNotes(random: SeededRandom): string[] {
  return random.chance(0.5) ? ['film'] : [];
}

function decoyReleases(random: SeededRandom, ids: AllocateId, films: readonly TmdbListItem[]): SampleRelease[] {
  const fromSpec = (kind: SampleReleaseKind) => (spec: SampleDecoySpec): SampleRelease => {
    const [artist, title, year, genres, styles, notes] = spec;
    const draft: ReleaseDraft = {
      artist, title, styles: [...styles], year: Number(year), genres: [...genres], notes: notes ?? [], masterId: ids(1_000, 3_500_000),
    };
    return buildRelease(random, ids, draft, kind);
  };
  const filmKeys = new Set(films.map((film) => looseKey(film.title)));
  const others: SampleRelease[] = [];
  while (others.length < 160) {
    const title = madeUpTitle(random);
    if (filmKeys.has(looseKey(title))) continue;
    const written = writeOtherFilmRelease(random, title, random.pick([...SAMPLE_COMPOSERS, 'Various']));
    const draft: ReleaseDraft = {
      ...written,
      year: random.int(1960, LAST_YEAR),
      genres: soundtrackGenres(random),
      notes: filmNotes(random),
      masterId: ids(1_000, 3_500_000),
    };
    others.push(buildRelease(random, ids, draft, 'other-film-soundtrack'));
  }
  const albums = Array.from({ length: 30 }, () => buildRelease(random, ids, unrelatedAlbumDraft(random, ids), 'unrelated-album'));
  return [
    ...SAMPLE_TV_SOUNDTRACKS.map(fromSpec('tv-soundtrack')),
    ...SAMPLE_GAME_SOUNDTRACKS.map(fromSpec('game-soundtrack')),
    ...SAMPLE_UNRELATED_ALBUMS.map(fromSpec('unrelated-album')),
    ...others,
    ...albums,
  ];
}

function unrelatedAlbumDraft(random: SeededRandom, ids: AllocateId): ReleaseDraft {
  return {
    artist: random.pick(SAMPLE_DECOY_ARTISTS),
    title: madeUpTitle(random),
    styles: [random.pick(['Indie Rock', 'Synth-pop', 'Post Rock', 'Soul-Jazz', 'Ambient'])],
    year: random.int(1970, LAST_YEAR),
    genres: [random.pick(['Rock', 'Pop', 'Jazz', 'Electronic'])],
    // What makes a free-text search return them: the words are in their notes or credits.
    notes: random.pick([['soundtrack'], ['score'], ['film', 'soundtrack'], ['motion', 'picture']]),
    masterId: random.chance(0.5) ? 0 : ids(1_000, 3_500_000),
  };
}

function madeUpTitle(random: SeededRandom): string {
  const { adjectives, nouns } = SAMPLE_TITLE_WORDS;
  const shape = random.int(0, 2);
  if (shape === 0) return `${random.pick(adjectives)} ${random.pick(nouns)}`;
  if (shape === 1) return `The ${random.pick(adjectives)} ${random.pick(nouns)}`;
  return `${random.pick(nouns)} Of The ${random.pick(adjectives)} ${random.pick(nouns)}`;
}

function buildRelease(random: SeededRandom, ids: AllocateId, draft: ReleaseDraft, kind: SampleReleaseKind): SampleRelease {
  const id = ids(10_000, 32_000_000);
  const fullTitle = `${draft.artist} - ${draft.title}`;
  const item: DiscogsSearchItem = {
    id,
    type: 'release',
    title: fullTitle,
    genre: draft.genres,
    style: draft.styles,
    format: random.pick([['CD', 'Album'], ['Vinyl', 'LP', 'Album'], ['File', 'FLAC', 'Album'], ['CD', 'Album', 'Limited Edition']]),
    ...(draft.year === null ? {} : { year: String(draft.year) }),
    ...(random.chance(0.06) ? {} : { country: random.pick(['US', 'UK', 'Europe', 'Japan', 'Germany', 'France', 'Italy']) }),
    master_id: draft.masterId,
    master_url: draft.masterId === 0 ? null : `https://api.discogs.com/masters/${draft.masterId}`,
    label: [random.pick(SAMPLE_LABELS)],
    catno: `${randomSlug(random).slice(0, 3).toUpperCase()}-${random.int(100, 9999)}`,
    barcode: random.chance(0.7) ? [String(random.int(100_000_000, 999_999_999)) + String(random.int(1000, 9999))] : [],
    // Empty, as the live API sends image URLs to unauthenticated searches (research §2.2).
    thumb: '',
    cover_image: '',
    uri: `/release/${id}-${fullTitle.replace(/[^\p{L}\p{N}]+/gu, '-')}`,
    resource_url: `https://api.discogs.com/releases/${id}`,
    community: { want: random.int(0, 5000), have: random.int(0, 9000) },
    format_quantity: 1,
  };
  const text = [fullTitle, ...draft.genres, ...draft.styles, ...draft.notes].join(' ').toLowerCase();
  return { item, kind, searchWords: new Set(text.match(/[\p{L}\p{N}]+/gu) ?? []) };
}

export function yearOf(date: string): number | null {
  const match = /^(\d{4})/.exec(date);
  return match === null ? null : Number(match[1]);
}

function looseKey(title: string): string {
  return title.toLowerCase().replace(/^the /, '').replace(/[^a-z0-9]/g, '');
}

function randomSlug(random: SeededRandom): string {
  return Array.from({ length: 27 }, () => 'abcdefghijklmnopqrstuvwxyz0123456789'[random.int(0, 35)]).join('');
}
