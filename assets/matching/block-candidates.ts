/**
 * Blocking: which (film, release) pairs are worth scoring. Three cheap keys, so the pairs grow with the
 * releases, never as films × releases:
 *  - `exact`: a normalized form of the release title equals a form of the film's (title, original title,
 *    main title without its subtitle), or has the same words in another order;
 *  - `typo`: a title up to `typoMaxLength` characters one edit away (both sides indexed by their one-deletion
 *    variants), or a longer one with one word different (indexed with each word left out in turn);
 *  - `token`: the film has the release title's rarest word, when that word is in at most `maxTokenFilms`
 *    films (a distinctive word; common ones would pair a release with half the catalogue).
 * No year window: reissues come out decades after the film; the judge reads the years.
 */

export interface BlockableMovie {
  readonly tmdb_id: number;
  readonly title_norm: string;
  readonly original_title_norm: string | null;
  readonly main_title_norm: string | null;
}

export interface BlockableRelease {
  readonly discogs_id: number;
  readonly title_norm: string;
  readonly title_alt_norm: string | null;
}

export type BlockKey = 'exact' | 'token' | 'typo';

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
  const exact = new Map<string, number[]>();
  const tokens = new Map<string, number[]>();
  const typos = new Map<string, number[]>();
  const drops = new Map<string, number[]>();
  movies.forEach((movie, index) => {
    const forms = formsOf([movie.title_norm, movie.original_title_norm, movie.main_title_norm]);
    for (const form of forms) {
      add(exact, form, index);
      add(exact, sortedWords(form), index);
      for (const variant of wordDrops(form)) add(drops, variant, index);
    }
    for (const token of new Set(forms.flatMap(wordsOf))) add(tokens, token, index);
    for (const form of forms) if (form.length <= typoMaxLength) for (const variant of [form, ...deletions(form)]) add(typos, variant, index);
  });
  const pairs: CandidatePair<M, R>[] = [];
  for (const release of releases) {
    const keys = new Map<number, Set<BlockKey>>();
    const mark = (indices: readonly number[] | undefined, key: BlockKey) => {
      for (const index of indices ?? []) (keys.get(index) ?? keys.set(index, new Set()).get(index)!).add(key);
    };
    const forms = formsOf([release.title_norm, release.title_alt_norm]);
    for (const form of forms) {
      mark(exact.get(form), 'exact');
      mark(exact.get(sortedWords(form)), 'exact');
      for (const variant of wordDrops(form)) mark(drops.get(variant), 'typo');
    }
    for (const form of forms) {
      const rarest = wordsOf(form)
        .map((word) => ({ word, films: tokens.get(word)?.length ?? 0 }))
        .filter((entry) => entry.films > 0 && entry.films <= maxTokenFilms)
        .sort((a, b) => a.films - b.films)[0];
      if (rarest !== undefined) mark(tokens.get(rarest.word), 'token');
      if (form.length <= typoMaxLength + 1) for (const variant of [form, ...deletions(form)]) mark(typos.get(variant), 'typo');
    }
    for (const [index, by] of keys) pairs.push({ movie: movies[index]!, release, blockedBy: [...by].sort().join('+') });
  }
  return { pairs, stats: { films: movies.length, releases: releases.length, naivePairs: movies.length * releases.length, pairs: pairs.length } };
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
