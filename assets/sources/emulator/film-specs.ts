/**
 * Which films the catalogue holds: the real well-known titles first, then synthetic ones built from the
 * vocabulary (fresh titles, numbered sequels, remakes under the same title, foreign originals).
 */
import { SAMPLE_FILMS } from '../sample-films.ts';
import type { SeededRandom } from '../seeded-random.ts';
import { ADJECTIVES, FOREIGN_TITLE_PARTS, LANGUAGES, NAMES, NOUNS, PLACES, SEQUEL_FORMS, SUBTITLES } from './vocabulary.ts';

export interface FilmSpec {
  title: string;
  /** null: TMDB has no release date yet. */
  year: number | null;
  genreIds: readonly number[];
  originalTitle: string;
  language: string;
  isReal: boolean;
  /** Sequels: the franchise's first title and this film's number in it. */
  franchise?: { root: string; number: number };
}

export const LAST_YEAR = 2025;
const TMDB_GENRE_IDS: readonly number[] = [28, 12, 16, 35, 80, 99, 18, 10751, 14, 36, 27, 10402, 9648, 10749, 878, 10770, 53, 10752, 37];
const MAX_TITLE_DRAWS = 50;

/** `count` film specs: real first, in the sample's order, then synthetic. */
export function filmSpecs(random: SeededRandom, count: number): FilmSpec[] {
  const specs: FilmSpec[] = SAMPLE_FILMS.slice(0, count).map(([title, year, genreIds, originalTitle, language]) => ({
    title, year, genreIds, originalTitle: originalTitle ?? title, language: language ?? 'en', isReal: true,
  }));
  const used = new Set(specs.map((spec) => spec.title.toLowerCase()));
  while (specs.length < count) {
    const roll = random.next();
    const remake = roll >= 0.07 && roll < 0.1 ? remakeOf(random, specs) : undefined;
    const spec = (roll < 0.07 ? sequelOf(random, specs) : remake) ?? freshFilm(random, used);
    // Remakes reuse a title on purpose; anything else under a used title is redrawn.
    if (spec !== remake && used.has(spec.title.toLowerCase())) continue;
    used.add(spec.title.toLowerCase());
    used.add(spec.originalTitle.toLowerCase());
    specs.push(spec);
  }
  return specs;
}

function freshFilm(random: SeededRandom, used: ReadonlySet<string>): FilmSpec {
  let title = freshTitle(random);
  for (let draw = 0; draw < MAX_TITLE_DRAWS && used.has(title.toLowerCase()); draw++) title = freshTitle(random);
  const language = random.pick(LANGUAGES);
  return { title, year: filmYear(random), genreIds: genreIds(random), originalTitle: originalTitle(random, title, language, used), language, isReal: false };
}

function sequelOf(random: SeededRandom, specs: readonly FilmSpec[]): FilmSpec | undefined {
  const base = specs[random.int(0, specs.length - 1)];
  if (base === undefined || base.year === null || base.year > LAST_YEAR - 2 || base.language !== 'en') return undefined;
  const root = base.franchise?.root ?? base.title;
  const number = (base.franchise?.number ?? 1) + 1;
  const title = random.chance(0.25) ? `${root}: ${random.pick(SUBTITLES)}` : random.pick(SEQUEL_FORMS)(root, number);
  const year = Math.min(LAST_YEAR, base.year + random.int(2, 5));
  return { ...base, title, originalTitle: title, year, isReal: false, franchise: { root, number } };
}

function remakeOf(random: SeededRandom, specs: readonly FilmSpec[]): FilmSpec | undefined {
  const base = specs[random.int(0, specs.length - 1)];
  if (base === undefined || base.year === null || base.year > LAST_YEAR - 15 || base.franchise !== undefined) return undefined;
  const year = Math.min(LAST_YEAR, base.year + random.int(15, 40));
  return { ...base, year, genreIds: genreIds(random), isReal: false };
}

/**
 * A made-up title. Names, places and some adjectives are invented words part of the time, so the title space
 * grows with the catalogue as real titles do (a fixed vocabulary would make 100,000 titles near-duplicates).
 */
function freshTitle(random: SeededRandom): string {
  const shape = random.int(0, 9);
  const adjective = random.chance(0.4) ? inventedWord(random) : random.pick(ADJECTIVES);
  const noun = random.pick(NOUNS);
  const name = () => (random.chance(0.5) ? inventedWord(random) : random.pick(NAMES));
  const place = () => (random.chance(0.5) ? inventedWord(random) : random.pick(PLACES));
  switch (shape) {
    case 0:
    case 1: return `${adjective} ${noun}`;
    case 2: return `The ${adjective} ${noun}`;
    case 3: return `${noun} of ${place()}`;
    case 4: return `The ${noun} of the ${adjective} ${random.pick(NOUNS)}`;
    case 5: return `${name()}'s ${noun}`;
    case 6: return `${name()} and the ${adjective} ${noun}`;
    case 7: return `${adjective} ${noun}: ${random.pick(SUBTITLES)}`;
    case 8: return `${place()} ${random.chance(0.5) ? noun : random.int(7, 99)}`;
    default: return `${noun} & ${random.pick(NOUNS)}`;
  }
}

const ONSETS = ['b', 'br', 'c', 'd', 'dr', 'f', 'g', 'gr', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 's', 'st', 't', 'tr', 'v', 'z'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ae', 'ia', 'or', 'en'];

/** "Kelmira", "Varoth": a pronounceable made-up word of two or three syllables. */
function inventedWord(random: SeededRandom): string {
  let word = '';
  for (let syllable = random.int(2, 3); syllable > 0; syllable--) word += random.pick(ONSETS) + random.pick(VOWELS);
  if (random.chance(0.5)) word += random.pick(['n', 'r', 'th', 's', 'l']);
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** Recent years weigh more, as on TMDB's popular list; 1.5 % have no date yet. */
function filmYear(random: SeededRandom): number | null {
  if (random.chance(0.015)) return null;
  return 1930 + Math.floor((LAST_YEAR - 1930 + 1) * Math.pow(random.next(), 0.45));
}

/** One to three genres; 3 % none (TMDB's sparse records). */
function genreIds(random: SeededRandom): number[] {
  if (random.chance(0.03)) return [];
  const ids = new Set<number>();
  const count = random.int(1, 3);
  while (ids.size < count) ids.add(random.pick(TMDB_GENRE_IDS));
  return [...ids];
}

/**
 * A foreign original title, unused so far: TMDB's original titles are as distinct as its English ones. A
 * two-part draw that is taken is redrawn; after ten tries an invented name joins it (Latin scripts) or more
 * characters do (Japanese, Korean, Chinese), so the space grows with the catalogue.
 */
function originalTitle(random: SeededRandom, title: string, language: string, used: ReadonlySet<string>): string {
  const parts = FOREIGN_TITLE_PARTS[language];
  if (parts === undefined) return title;
  const isCjk = ['ja', 'ko', 'zh'].includes(language);
  let drawn = '';
  for (let draw = 0; draw < 40; draw++) {
    const head = random.pick(parts[0]);
    const widened = draw < 10 ? head : isCjk ? `${head}${random.pick(parts[0])}${random.pick(parts[0])}` : `${head} ${inventedWord(random)}`;
    drawn = `${widened}${random.pick(parts[1])}`;
    if (!used.has(drawn.toLowerCase())) return drawn;
  }
  return drawn;
}
