/**
 * The vocabulary of the catalogue's ground truth: what each release is (a film's soundtrack or which kind
 * of decoy), what makes a true pair hard to find, and the draft a release is written from.
 */

export const RELEASE_KINDS = [
  'film-soundtrack',
  'other-film-soundtrack',
  'tv-soundtrack',
  'game-soundtrack',
  'inspired-by-album',
  'unrelated-album',
] as const;
export type ReleaseKind = (typeof RELEASE_KINDS)[number];

/**
 * What a true (film, release) pair is like, hardest first: a pair's `kind` is the first of these its traits
 * hold. `no-stage-and-screen`: filed outside genre Stage & Screen and styles Soundtrack/Score, so a bulk
 * genre/style search misses it. `remake-year-reissue`: reissued in the year a same-titled remake came out.
 */
export const TRUTH_KINDS = [
  'no-stage-and-screen',
  'remake-year-reissue',
  'reissue',
  'unknown-year',
  'bilingual',
  'original-title',
  'variant-title',
  'original',
] as const;
export type TruthKind = (typeof TRUTH_KINDS)[number];

/** A release before ids and search fields are drawn. */
export interface ReleaseDraft {
  kind: ReleaseKind;
  /** "Various" for compilations. */
  artist: string;
  /** Without the artist. */
  title: string;
  genres: string[];
  styles: string[];
  year: number | null;
  /** Words Discogs' free-text `q` also reads (notes, credits) that the search item does not show. */
  notes: readonly string[];
  /** 0: no master. */
  masterId: number;
  /** `film-soundtrack`: the film it belongs to. */
  filmId?: number;
  /** A decoy aimed at this film (same or near title). */
  decoyOf?: number;
  /** `film-soundtrack`: what makes the pair hard, `kind` order. */
  traits?: TruthKind[];
}

/** The first of `TRUTH_KINDS` among the traits. */
export function truthKindOf(traits: readonly TruthKind[]): TruthKind {
  return TRUTH_KINDS.find((kind) => traits.includes(kind)) ?? 'original';
}

/** The year of a TMDB date ("1999-10-15"), or null for "" (no date yet). */
export function yearOf(date: string): number | null {
  const year = date.length >= 4 ? Number(date.slice(0, 4)) : Number.NaN;
  return Number.isInteger(year) ? year : null;
}
