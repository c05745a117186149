/**
 * Blocking: which (film, release) pairs are worth scoring. Four cheap keys, so the pairs grow with the
 * releases, never as films × releases:
 *  - `exact`: a normalized form of the release title equals a form of the film's (title, original title,
 *    main title without its subtitle), or has the same words in another order;
 *  - `contains`: a form of the release title holds a form of the film's, its words in order ("back to
 *    titanic", "saga episode 3 x"; matching/title-containment.ts). Film forms are indexed by their rarest word,
 *    so each release word looks up the few films anchored on it; a one-word film title takes part only from
 *    five letters ("up" would be in every "… up …");
 *  - `typo`: a title up to `typoMaxLength` characters one edit away (both sides indexed by their one-deletion
 *    variants), or a longer one with one word different (indexed with each word left out in turn);
 *  - `token`: the film has the release title's rarest word, when that word is in at most `maxTokenFilms`
 *    films (a distinctive word; common ones would pair a release with half the catalogue).
 * The fuzzier keys (`typo`, `token`) are tried only for releases no film meets exactly. No year window:
 * reissues come out decades after the film; the judge reads the years.
 */

import { containment, isContainable } from './title-containment.ts';

export interface BlockableMovie {
  readonly tmdb_id: number;
  readonly title_norm: string;
  readonly original_title_norm: string | null;
  readonly main_title_norm: string | null;
  /** The film's other titles (TMDB alternative titles), normalized. */
  readonly alternative_title_norms?: readonly string[];
}

export interface BlockableRelease {
  readonly discogs_id: number;
  /** Every normalized form of the title (silver `title_forms`). */
  readonly title_forms: readonly string[];
}

export type BlockKey = 'contains' | 'exact' | 'token' | 'typo';

export interface CandidatePair<M, R> {
  readonly movie: M;
  readonly release: R;
  /** Which keys brought the pair together, e.g. `exact+token`. */
  readonly blockedBy: string;
}

export interface BlockingOptions {
  /** A word in more films than this does not block (it would pair a release with half the catalogue). */
  readonly maxTokenFilms?: number;
  /** Titles up to this many characters get typo blocking. */
  readonly typoMaxLength?: number;
  /**
   * A typo key shared by more films than this is skipped: a near-title that common ("the dark valley of …")
   * says nothing, and its pairs would grow as films × releases.
   */
  readonly maxKeyFilms?: number;
  /** A film title whose rarest word is in more films than this is not looked for inside release titles. */
  readonly maxAnchorFilms?: number;
}

export interface BlockingStats {
  readonly films: number;
  readonly releases: number;
  readonly naivePairs: number;
  /** Distinct pairs handed to scoring. */
  readonly pairs: number;
}

const STOPWORDS = new Set(['the', 'a', 'an', 'of', 'and', 'in', 'on', 'to', 'for', 'at', 'by', 'from', 'with', 'part', 'de', 'la', 'le', 'el', 'les', 'il', 'der', 'die', 'das']);

export function blockCandidates<M extends BlockableMovie, R extends BlockableRelease>(
  movies: readonly M[],
  releases: readonly R[],
  options: BlockingOptions = {},
): { pairs: CandidatePair<M, R>[]; stats: BlockingStats } {
  const maxTokenFilms = options.maxTokenFilms ?? 8;
  const typoMaxLength = options.typoMaxLength ?? 24;
  const maxKeyFilms = options.maxKeyFilms ?? 4;
  const filmForms = movies.map((movie) => formsOf([movie.title_norm, movie.original_title_norm, movie.main_title_norm, ...(movie.alternative_title_norms ?? [])]));
  const exact = new Map<string, number[]>();
  const tokens = new Map<string, number[]>();
  filmForms.forEach((forms, index) => {
    for (const form of forms) {
      add(exact, form, index);
      add(exact, sortedWords(form), index);
    }
    for (const token of new Set(forms.flatMap(wordsOf))) add(tokens, token, index);
  });
  // Whole titles only: a main title without its subtitle ("star wars") is in too many other titles.
  const wholeTitles = movies.map((movie) => formsOf([movie.title_norm, movie.original_title_norm, ...(movie.alternative_title_norms ?? [])]));
  const anchored = anchorFilmForms(wholeTitles, tokens, options.maxAnchorFilms ?? 32);
  const keysOf = releases.map(() => new Map<number, Set<BlockKey>>());
  const mark = (release: number, films: readonly number[] | undefined, key: BlockKey) => {
    for (const film of films ?? []) (keysOf[release]!.get(film) ?? keysOf[release]!.set(film, new Set()).get(film)!).add(key);
  };
  // Fuzzier keys only for releases no film title meets exactly: an exact title beats any near one, and near
  // titles of common words ("white son", "white sun", "wide son") would otherwise pair by hundreds.
  const leftovers: number[] = [];
  releases.forEach((release, index) => {
    const forms = formsOf(release.title_forms);
    for (const form of forms) {
      mark(index, exact.get(form), 'exact');
      mark(index, exact.get(sortedWords(form)), 'exact');
    }
    const hasExact = keysOf[index]!.size > 0;
    for (const form of forms) {
      for (const word of new Set(form.split(' '))) {
        for (const { film, form: filmForm } of anchored.get(word) ?? []) {
          if (containment(filmForm, form) !== null) mark(index, [film], 'contains');
        }
      }
    }
    if (hasExact) return;
    leftovers.push(index);
    for (const form of forms) {
      const rarest = wordsOf(form)
        .map((word) => ({ word, films: tokens.get(word)?.length ?? 0 }))
        .filter((entry) => entry.films > 0 && entry.films <= maxTokenFilms)
        .sort((a, b) => a.films - b.films)[0];
      if (rarest !== undefined) mark(index, tokens.get(rarest.word), 'token');
    }
  });
  markTypos(filmForms, leftovers.map((index) => [index, formsOf(releases[index]!.title_forms)] as const), { typoMaxLength, maxKeyFilms }, mark);
  const pairs: CandidatePair<M, R>[] = [];
  keysOf.forEach((keys, index) => {
    for (const [film, by] of keys) pairs.push({ movie: movies[film]!, release: releases[index]!, blockedBy: [...by].sort().join('+') });
  });
  return { pairs, stats: { films: movies.length, releases: releases.length, naivePairs: movies.length * releases.length, pairs: pairs.length } };
}

/**
 * Each film form under its rarest word (by films per word), for `contains`. A title whose rarest word is in
 * more than `maxAnchorFilms` films is made of common words only ("The Winter Secret"): inside another title it
 * says nothing, and looking for it would cost as much as films × releases.
 */
function anchorFilmForms(filmForms: readonly string[][], tokens: ReadonlyMap<string, readonly number[]>, maxAnchorFilms: number) {
  const anchored = new Map<string, { film: number; form: string }[]>();
  filmForms.forEach((forms, film) => {
    for (const form of forms) {
      if (!isContainable(form)) continue;
      const [anchor] = wordsOf(form).sort((a, b) => (tokens.get(a)?.length ?? 0) - (tokens.get(b)?.length ?? 0));
      if (anchor === undefined || (tokens.get(anchor)?.length ?? 0) > maxAnchorFilms) continue;
      (anchored.get(anchor) ?? anchored.set(anchor, []).get(anchor)!).push({ film, form });
    }
  });
  return anchored;
}

/**
 * One-edit and one-word typos between films and the releases left without an exact title. The leftover
 * releases are indexed (few), the films only scanned (many): their variants are made and dropped one film at
 * a time instead of being held in an index of millions of keys. A key that reaches more than `maxKeyFilms`
 * films is dropped as too common.
 */
function markTypos(
  filmForms: readonly string[][],
  leftovers: readonly (readonly [number, readonly string[]])[],
  limits: { typoMaxLength: number; maxKeyFilms: number },
  mark: (release: number, films: readonly number[], key: BlockKey) => void,
): void {
  const byVariant = new Map<string, number[]>();
  for (const [release, forms] of leftovers) {
    for (const form of forms) {
      const variants = [...wordDrops(form), ...(form.length <= limits.typoMaxLength + 1 ? [form, ...deletions(form)] : [])];
      for (const variant of new Set(variants)) add(byVariant, variant, release);
    }
  }
  if (byVariant.size === 0) return;
  const filmsOfPair = new Map<number, Set<number>>();
  const filmsOfKey = new Map<string, Set<number>>();
  filmForms.forEach((forms, film) => {
    for (const form of forms) {
      const variants = [...wordDrops(form), ...(form.length <= limits.typoMaxLength ? [form, ...deletions(form)] : [])];
      for (const variant of new Set(variants)) {
        if (!byVariant.has(variant)) continue;
        (filmsOfKey.get(variant) ?? filmsOfKey.set(variant, new Set()).get(variant)!).add(film);
      }
    }
  });
  for (const [variant, films] of filmsOfKey) {
    if (films.size > limits.maxKeyFilms) continue;
    for (const release of byVariant.get(variant)!) {
      const seen = filmsOfPair.get(release) ?? filmsOfPair.set(release, new Set()).get(release)!;
      for (const film of films) seen.add(film);
    }
  }
  for (const [release, films] of filmsOfPair) mark(release, [...films], 'typo');
}

function formsOf(forms: readonly (string | null)[]): string[] {
  return [...new Set(forms.filter((form): form is string => form !== null && form !== ''))];
}

/** The words in order: "matrix reloaded the" and "the matrix reloaded" share it. */
function sortedWords(form: string): string {
  return form.split(' ').sort().join(' ');
}

function wordsOf(form: string): string[] {
  return form.split(' ').filter((word) => word.length > 1 && !STOPWORDS.has(word));
}

/**
 * A title of three words or more with each word left out in turn: a long title with one misspelt (or
 * changed) word shares one of these with the right one, where one-character deletions would be too many keys.
 */
function wordDrops(form: string): string[] {
  const words = form.split(' ');
  if (words.length < 3) return [];
  return words.map((_, skip) => words.filter((__, index) => index !== skip).join(' '));
}

/** Every string one character shorter: a title and its one-edit typos share one of these. */
function deletions(form: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < form.length; i++) out.push(form.slice(0, i) + form.slice(i + 1));
  return out;
}

function add(index: Map<string, number[]>, key: string, value: number): void {
  const list = index.get(key);
  if (list === undefined) index.set(key, [value]);
  else if (list[list.length - 1] !== value) list.push(value);
}
