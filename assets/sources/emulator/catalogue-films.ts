/**
 * Films as TMDB lists them (`/movie/popular` items, keys in the spec's alphabetical order), plus the facts
 * the catalogue keeps beside each one for its soundtracks and its `/movie/{id}` details.
 */
import { SAMPLE_COMPOSERS } from '../sample-films.ts';
import type { SeededRandom } from '../seeded-random.ts';
import type { TmdbListItem } from '../tmdb-schemas.ts';
import type { FilmSpec } from './film-specs.ts';
import { SYNTHETIC_COMPOSERS } from './vocabulary.ts';

export interface FilmFacts {
  /** Credited as "Original Music Composer"; the artist of most of its soundtracks. */
  readonly composer: string;
  /** Sequels and their originals share one collection (TMDB's `belongs_to_collection`). */
  readonly collection?: string;
  readonly isReal: boolean;
}

/** Draws ids unique across the whole catalogue (films, releases and masters). */
export type AllocateId = (min: number, max: number) => number;

export function createIdAllocator(random: SeededRandom): AllocateId {
  const used = new Set<number>();
  return (min, max) => {
    let id = random.int(min, max);
    while (used.has(id)) id = random.int(min, max);
    used.add(id);
    return id;
  };
}

export function buildFilm(random: SeededRandom, ids: AllocateId, spec: FilmSpec): { film: TmdbListItem; facts: FilmFacts } {
  const month = String(random.int(1, 12)).padStart(2, '0');
  const day = String(random.int(1, 28)).padStart(2, '0');
  const film: TmdbListItem = {
    adult: false,
    backdrop_path: random.chance(0.08) ? null : `/${randomSlug(random)}.jpg`,
    genre_ids: [...spec.genreIds],
    id: ids(11, 1_300_000),
    original_language: spec.language,
    original_title: spec.originalTitle,
    overview: `${spec.title}: the emulated catalogue's stand-in overview.`,
    popularity: popularity(random, spec.isReal),
    poster_path: random.chance(0.04) ? null : `/${randomSlug(random)}.jpg`,
    release_date: spec.year === null ? '' : `${spec.year}-${month}-${day}`,
    title: spec.title,
    video: false,
    vote_average: spec.year === null ? 0 : random.int(4_500, 8_900) / 1000,
    vote_count: spec.year === null ? 0 : random.int(20, 35_000),
  };
  const collection = spec.franchise === undefined ? undefined : `${spec.franchise.root} Collection`;
  return { film, facts: { composer: composerFor(random, spec), isReal: spec.isReal, ...(collection === undefined ? {} : { collection }) } };
}

/** Real titles lead the popular list; the synthetic ones form its long tail. */
function popularity(random: SeededRandom, isReal: boolean): number {
  const value = isReal ? 40 + 360 * random.next() : 1 + 300 * Math.pow(random.next(), 4);
  return Math.round(value * 1000) / 1000;
}

function composerFor(random: SeededRandom, spec: FilmSpec): string {
  if (spec.language === 'ja' && random.chance(spec.isReal ? 1 : 0.3)) return 'Joe Hisaishi';
  return spec.isReal || random.chance(0.2) ? random.pick(SAMPLE_COMPOSERS) : random.pick(SYNTHETIC_COMPOSERS);
}

/** A 27-character lowercase slug, as TMDB image paths have ("/pB8BM7pdSp6B6Ih7QZ4DrQ3PmJK.jpg"). */
export function randomSlug(random: SeededRandom): string {
  let slug = '';
  while (slug.length < 27) slug += random.int(0, 2_176_782_335).toString(36).padStart(6, '0');
  return slug.slice(0, 27);
}

/** Popularity descending; ties by id, so the order is total. */
export function byPopularity(a: TmdbListItem, b: TmdbListItem): number {
  return (b.popularity ?? 0) - (a.popularity ?? 0) || a.id - b.id;
}
