/**
 * How alike a film's title and a release's title are, over every normalized form of each (title, original
 * title, main title; release title and its bilingual alternative), keeping the best-scoring pair of forms.
 * The score is the best of edit similarity (typos) and token-sort similarity (reordered words), both with
 * fastest-levenshtein on forms prepared once per record. Token-set similarity (rapidfuzz's) and natural's
 * Jaro-Winkler are reported beside it for the best pair, never trusted alone: token-set calls "Alien" and
 * "Alien Resurrection" identical.
 */
import { distance } from 'fastest-levenshtein';
// The one module, not natural's root (which prints to stdout, reads .env and takes ~0.7 s) nor its distance
// index (which loads every distance and underscore). Typed in natural-jaro-winkler.d.ts.
import JaroWinklerDistance from 'natural/lib/natural/distance/jaro-winkler_distance.js';
import { tokenSetRatio } from './fuzz-ratios.ts';

export type FilmForm = 'title' | 'original_title' | 'main_title' | 'alternative_title';
export type ReleaseForm = 'title' | 'title_alt' | 'title_part';

export interface PreparedForm<N extends string> {
  readonly name: N;
  readonly text: string;
  /** The words, in order. */
  readonly words: readonly string[];
  /** The words sorted, for token-sort similarity. */
  readonly sorted: string;
}

export interface PairScore {
  /** max(levenshtein, tokenSort) over the forms, in [0, 1]. */
  readonly score: number;
  readonly levenshtein: number;
  readonly tokenSort: number;
  /** Computed for pairs scoring at least `detailFrom`, else 0. */
  readonly tokenSet: number;
  readonly jaroWinkler: number;
  /** Which forms met, e.g. `original_title~title_alt`. */
  readonly compared: `${FilmForm}~${ReleaseForm}`;
  readonly filmForm: string;
  readonly releaseForm: string;
}

export function prepareForms<N extends string>(forms: readonly (readonly [N, string | null])[]): PreparedForm<N>[] {
  return forms
    .filter((form): form is readonly [N, string] => form[1] !== null && form[1] !== '')
    .map(([name, text]) => {
      const words = text.split(' ');
      return { name, text, words, sorted: [...words].sort().join(' ') };
    });
}

/**
 * @param detailFrom token-set and Jaro-Winkler are computed only for pairs scoring at least this (they are
 * for people reading gold, and cost more than the score itself).
 */
export function scorePair(film: readonly PreparedForm<FilmForm>[], release: readonly PreparedForm<ReleaseForm>[], detailFrom = 0): PairScore {
  let best: { film: PreparedForm<FilmForm>; release: PreparedForm<ReleaseForm>; levenshtein: number; tokenSort: number; score: number } | undefined;
  scoring: for (const filmForm of film) {
    for (const releaseForm of release) {
      const levenshtein = editSimilarity(filmForm.text, releaseForm.text);
      const tokenSort = filmForm.sorted === filmForm.text && releaseForm.sorted === releaseForm.text ? levenshtein : editSimilarity(filmForm.sorted, releaseForm.sorted);
      const score = Math.max(levenshtein, tokenSort);
      // On a tie the full title wins over the main title: "mad max" is a weaker witness than "mad max fury road".
      if (best === undefined || score > best.score || (score === best.score && best.film.name === 'main_title' && filmForm.name !== 'main_title')) {
        best = { film: filmForm, release: releaseForm, levenshtein, tokenSort, score };
        // Nothing beats a full title met exactly (most pairs: blocking pairs identical titles first).
        if (score === 1 && filmForm.name !== 'main_title') break scoring;
      }
    }
  }
  if (best === undefined) return { score: 0, levenshtein: 0, tokenSort: 0, tokenSet: 0, jaroWinkler: 0, compared: 'title~title', filmForm: '', releaseForm: '' };
  const detailed = best.score >= detailFrom;
  return {
    score: best.score,
    levenshtein: best.levenshtein,
    tokenSort: best.tokenSort,
    tokenSet: detailed ? tokenSetRatio(best.film.text, best.release.text) / 100 : 0,
    jaroWinkler: detailed ? JaroWinklerDistance(best.film.text, best.release.text, { ignoreCase: false }) : 0,
    compared: `${best.film.name}~${best.release.name}`,
    filmForm: best.film.text,
    releaseForm: best.release.text,
  };
}

/** 1 − Levenshtein distance / longer length (fastest-levenshtein: Myers' bit-parallel algorithm). */
export function editSimilarity(a: string, b: string): number {
  // Most blocked pairs meet on an identical form first: Myers' algorithm would still walk it.
  if (a === b) return 1;
  const longer = Math.max(a.length, b.length);
  return longer === 0 ? 1 : 1 - distance(a, b) / longer;
}
