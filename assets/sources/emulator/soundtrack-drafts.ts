/**
 * The true soundtracks of one film: first pressings in or near the film's year, reissues years later on the
 * same master, and the ~10 % filed outside Stage & Screen that only a per-film search finds.
 */
import { writeSoundtrackRelease } from '../sample-release-titles.ts';
import type { SeededRandom } from '../seeded-random.ts';
import type { TmdbListItem } from '../tmdb-schemas.ts';
import type { AllocateId } from './catalogue-films.ts';
import { LAST_YEAR } from './film-specs.ts';
import { yearOf, type ReleaseDraft, type TruthKind } from './release-draft.ts';
import { OTHER_GENRE_STYLES } from './vocabulary.ts';

/** Share of true soundtracks Discogs files outside genre Stage & Screen / styles Soundtrack and Score. */
export const NO_STAGE_AND_SCREEN_SHARE = 0.1;
const OTHER_GENRES = Object.keys(OTHER_GENRE_STYLES);

export function soundtrackDrafts(random: SeededRandom, ids: AllocateId, film: TmdbListItem, composer: string): ReleaseDraft[] {
  const filmYear = yearOf(film.release_date);
  const count = filmYear === null ? (random.chance(0.6) ? 1 : 0) : soundtrackCount(random);
  const drafts: ReleaseDraft[] = [];
  for (let index = 0; index < count; index++) {
    const base = drafts[0];
    // A reissue comes out at least 3 years after the film, so recent films only get more first pressings.
    const canReissue = base !== undefined && filmYear !== null && filmYear <= LAST_YEAR - 3;
    const draft = canReissue && random.chance(0.5) ? reissueOf(random, base, filmYear) : firstPressing(random, ids, film, composer);
    drafts.push(withGenres(random, draft));
  }
  return drafts;
}

/** 12 % none, 38 % one, 30 % two, 14 % three, 6 % four: about 1.6 per dated film. */
function soundtrackCount(random: SeededRandom): number {
  const roll = random.next();
  return roll < 0.12 ? 0 : roll < 0.5 ? 1 : roll < 0.8 ? 2 : roll < 0.94 ? 3 : 4;
}

function firstPressing(random: SeededRandom, ids: AllocateId, film: TmdbListItem, composer: string): ReleaseDraft {
  const parts = { title: film.title, originalTitle: film.original_title ?? film.title, language: film.original_language ?? 'en' };
  const written = writeSoundtrackRelease(random, parts, composer);
  const filmYear = yearOf(film.release_date);
  const year = filmYear === null ? (random.chance(0.5) ? null : LAST_YEAR) : releaseYear(random, filmYear);
  const traits: TruthKind[] = [];
  if (written.form === 'bilingual') traits.push('bilingual');
  if (written.form === 'original-title') traits.push('original-title');
  if (written.form === 'variant') traits.push('variant-title');
  if (year === null) traits.push('unknown-year');
  return {
    kind: 'film-soundtrack',
    artist: written.artist,
    title: written.title,
    genres: ['Stage & Screen'],
    styles: written.styles,
    year,
    notes: random.chance(0.5) ? ['film'] : [],
    masterId: random.chance(0.85) ? ids(1_000, 3_500_000) : 0,
    filmId: film.id,
    traits,
  };
}

/** Same title and master, pressed again 3 to 30 years later. */
export function reissueOf(random: SeededRandom, base: ReleaseDraft, filmYear: number, year?: number): ReleaseDraft {
  const traits = (base.traits ?? []).filter((trait) => trait !== 'unknown-year' && trait !== 'no-stage-and-screen');
  return {
    ...base,
    genres: ['Stage & Screen'],
    styles: base.styles.filter((style) => style === 'Soundtrack' || style === 'Score'),
    year: year ?? Math.min(LAST_YEAR, filmYear + random.int(3, 30)),
    traits: [...traits, 'reissue'],
  };
}

/** 72 % the film's year, 15 % a year later, 6 % a year earlier (promos), 7 % no year on Discogs. */
function releaseYear(random: SeededRandom, filmYear: number): number | null {
  const roll = random.next();
  if (roll < 0.72) return filmYear;
  if (roll < 0.87) return filmYear + 1;
  if (roll < 0.93) return filmYear - 1;
  return null;
}

/**
 * Stage & Screen, sometimes beside a second genre; or, for `NO_STAGE_AND_SCREEN_SHARE` of them, another
 * genre with its own styles only. Their notes still say "soundtrack" mostly, so free text finds them.
 */
export function withGenres(random: SeededRandom, draft: ReleaseDraft): ReleaseDraft {
  const soundtrackStyles = draft.styles.length === 0 ? ['Soundtrack'] : draft.styles;
  if (random.chance(NO_STAGE_AND_SCREEN_SHARE)) {
    const genre = random.pick(OTHER_GENRES);
    const styles = [random.pick(OTHER_GENRE_STYLES[genre] ?? [])];
    const notes = random.chance(0.7) ? ['film', 'soundtrack'] : draft.notes;
    const traits = draft.traits === undefined ? {} : { traits: [...draft.traits, 'no-stage-and-screen' as const] };
    return { ...draft, genres: [genre], styles, notes, ...traits };
  }
  const extra = random.pick(['', '', '', 'Classical', 'Electronic', 'Pop', 'Rock']);
  return { ...draft, genres: extra === '' ? ['Stage & Screen'] : [extra, 'Stage & Screen'].sort(), styles: soundtrackStyles };
}
