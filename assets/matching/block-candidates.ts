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
 *    variants), or a longer one with one word different (indexed with each word left out in turn), checked
 *    on the two titles before they pair (`isNearTitle`);
 *  - `token`: the film has the release title's rarest word, when that word is in at most `maxTokenFilms`
 *    films (a distinctive word; common ones would pair a release with half the catalogue).
 * The fuzzier keys (`typo`, `token`) are tried only for releases no film meets exactly. No year window:
 * reissues come out decades after the film; the judge reads the years.
 */

import { distance } from 'fastest-levenshtein';
import { cutKeyCount, eachCutKey } from './cut-keys.ts';
import { KeyTable } from './key-table.ts';
import { containment, isContainable } from './title-containment.ts';

/**
 * How alike two titles one word apart must be to pair as a typo: the judge's `SCORE_THRESHOLD` (a unit test
 * keeps them equal; blocking cannot import the judge, which reads the candidates' rows).
 */
export const WORD_TYPO_MIN_SIMILARITY = 0.88;

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
  /** Every normalized form of the title (intermediate `title_forms`). */
  readonly title_forms: readonly string[];
}

/** The keys, in the order `blockedByOf` names them; a pair's keys are a bit set over this list. */
export const BLOCK_KEYS = ['contains', 'exact', 'token', 'typo'] as const;
export type BlockKey = (typeof BLOCK_KEYS)[number];
const BIT: Record<BlockKey, number> = { contains: 1, exact: 2, token: 4, typo: 8 };

/**
 * The blocked pairs as parallel arrays, one entry per pair, grouped by release: the film's and the release's
 * index in the inputs and the keys that paired them (bits, see `blockedByOf`). Hundreds of thousands of pairs
 * at scale: a few numbers each, not an object and a set.
 */
export interface BlockedPairs {
  readonly films: readonly number[];
  readonly releases: readonly number[];
  readonly keys: readonly number[];
}

/** Each bit set's name, e.g. `contains+token`: made once, shared by every pair with those keys. */
const KEY_NAMES = Array.from({ length: 1 << BLOCK_KEYS.length }, (_, bits) => BLOCK_KEYS.filter((_, index) => bits & (1 << index)).join('+'));

/** Which keys brought a pair together, joined with `+` in alphabetical order (`exact+token`). */
export function blockedByOf(keys: number): string {
  return KEY_NAMES[keys]!;
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

export function blockCandidates(
  movies: readonly BlockableMovie[],
  releases: readonly BlockableRelease[],
  options: BlockingOptions = {},
): { pairs: BlockedPairs; stats: BlockingStats } {
  const maxTokenFilms = options.maxTokenFilms ?? 8;
  const typoMaxLength = options.typoMaxLength ?? 24;
  const maxKeyFilms = options.maxKeyFilms ?? 4;
  const filmForms = movies.map((movie) => formsOf([movie.title_norm, movie.original_title_norm, movie.main_title_norm, ...(movie.alternative_title_norms ?? [])]));
  const exact = new Map<string, number[]>();
  const tokens = new Map<string, number[]>();
  filmForms.forEach((forms, index) => {
    for (const form of forms) {
      add(exact, form, index);
      const sorted = sortedWords(form);
      if (sorted !== form) add(exact, sorted, index);
    }
    for (const token of new Set(forms.flatMap(wordsOf))) add(tokens, token, index);
  });
  // Whole titles only: a main title without its subtitle ("star wars") is in too many other titles.
  const wholeTitles = movies.map((movie) => formsOf([movie.title_norm, movie.original_title_norm, ...(movie.alternative_title_norms ?? [])]));
  const anchored = anchorFilmForms(wholeTitles, tokens, options.maxAnchorFilms ?? 32);
  const releaseForms = releases.map((release) => formsOf(release.title_forms));
  // Each form's words in order, made once: the exact key looks a form up as it is and in that order.
  const sortedForms = releaseForms.map((forms) => forms.map(sortedWords));
  const metExactly = releaseForms.map((forms, index) => forms.some((form, at) => exact.has(form) || (sortedForms[index]![at] !== form && exact.has(sortedForms[index]![at]!))));
  // Fuzzier keys only for releases no film title meets exactly: an exact title beats any near one, and near
  // titles of common words ("white son", "white sun", "wide son") would otherwise pair by hundreds.
  const leftovers = metExactly.flatMap((met, index) => (met ? [] : [index]));
  const typos = new Map<number, number[]>();
  markTypos(filmForms, leftovers.map((index) => [index, releaseForms[index]!] as const), { typoMaxLength, maxKeyFilms }, (release, film) => {
    (typos.get(release) ?? typos.set(release, []).get(release)!).push(film);
  });
  const pairs = { films: [] as number[], releases: [] as number[], keys: [] as number[] };
  // One release at a time: its films and their keys, appended to the pairs before the next release.
  const keysOf = new Map<number, number>();
  const mark = (films: readonly number[] | undefined, key: BlockKey) => {
    for (const film of films ?? []) keysOf.set(film, (keysOf.get(film) ?? 0) | BIT[key]);
  };
  releaseForms.forEach((forms, index) => {
    keysOf.clear();
    forms.forEach((form, at) => {
      mark(exact.get(form), 'exact');
      const sorted = sortedForms[index]![at]!;
      if (sorted !== form) mark(exact.get(sorted), 'exact');
    });
    for (const form of forms) {
      for (const word of new Set(form.split(' '))) {
        for (const { film, form: filmForm } of anchored.get(word) ?? []) {
          if (containment(filmForm, form) !== null) mark([film], 'contains');
        }
      }
    }
    if (!metExactly[index]) {
      for (const form of forms) {
        const rarest = wordsOf(form)
          .map((word) => ({ word, films: tokens.get(word)?.length ?? 0 }))
          .filter((entry) => entry.films > 0 && entry.films <= maxTokenFilms)
          .sort((a, b) => a.films - b.films)[0];
        if (rarest !== undefined) mark(tokens.get(rarest.word), 'token');
      }
      mark(typos.get(index), 'typo');
    }
    for (const [film, keys] of keysOf) {
      pairs.films.push(film);
      pairs.releases.push(index);
      pairs.keys.push(keys);
    }
  });
  const count = pairs.films.length;
  return { pairs, stats: { films: movies.length, releases: releases.length, naivePairs: movies.length * releases.length, pairs: count } };
}

/**
 * Each film form under its rarest word (by films per word), for `contains`. A title whose rarest word is in
 * more than `maxAnchorFilms` films is made of common words only ("The Winter Secret"): inside another title it
 * says nothing, and looking for it would cost as much as films × releases.
 */
function anchorFilmForms(filmForms: readonly (readonly string[])[], tokens: ReadonlyMap<string, readonly number[]>, maxAnchorFilms: number) {
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
 * releases' titles are indexed (few), the films' only scanned (many): their variants are made and dropped one
 * title at a time instead of being held in an index of millions of keys. Keys are made once per distinct
 * title, not once per pressing or remake. A key that reaches more than `maxKeyFilms` films is dropped as too
 * common. A shared key is only a hint: the two titles that share it are checked (`isNearTitle`) before they
 * pair, or as the catalogue grows every long title would pair with each title that has one other word in
 * its place ("the storm of the hollow star", "… of the empty star").
 */
function markTypos(
  filmForms: readonly (readonly string[])[],
  leftovers: readonly (readonly [number, readonly string[]])[],
  limits: { typoMaxLength: number; maxKeyFilms: number },
  mark: (release: number, film: number) => void,
): void {
  const releasesOf = new Map<string, number[]>();
  for (const [release, forms] of leftovers) for (const form of forms) add(releasesOf, form, release);
  // Keys are numbers (cut-keys.ts), millions at 10x the catalogue: each key's titles are chained through
  // `next` in typed arrays (the key maps to its last entry), not held as an object and an array per key.
  const releaseForms = [...releasesOf.keys()];
  const most = releaseForms.reduce((sum, form) => sum + cutKeyCount(form, limits.typoMaxLength + 1), 0);
  const entries = { form: new Int32Array(most), byWord: new Uint8Array(most), next: new Int32Array(most) };
  const lastOf = new KeyTable(most);
  let count = 0;
  releaseForms.forEach((form, index) => {
    eachCutKey(form, limits.typoMaxLength + 1, (key, byWord) => {
      entries.next[count] = lastOf.get(key);
      lastOf.set(key, count);
      entries.form[count] = index;
      entries.byWord[count++] = byWord ? 1 : 0;
    });
  });
  if (lastOf.size === 0) return;
  const filmsOf = new Map<string, number[]>();
  filmForms.forEach((forms, film) => {
    for (const form of forms) add(filmsOf, form, film);
  });
  const hits = new Map<number, { form: string; byWord: boolean }[]>();
  for (const form of filmsOf.keys()) {
    eachCutKey(form, limits.typoMaxLength, (key, byWord) => {
      if (lastOf.get(key) !== -1) push(hits, key, { form, byWord });
    });
  }
  for (const [key, filmHits] of hits) {
    if (new Set(filmHits.flatMap((hit) => filmsOf.get(hit.form)!)).size > limits.maxKeyFilms) continue;
    for (let entry = lastOf.get(key); entry !== -1; entry = entries.next[entry]!) {
      const releaseForm = releaseForms[entries.form[entry]!]!;
      for (const hit of filmHits) {
        if (!isNearTitle(hit.form, releaseForm, hit.byWord || entries.byWord[entry] === 1)) continue;
        for (const release of releasesOf.get(releaseForm)!) for (const film of filmsOf.get(hit.form)!) mark(release, film);
      }
    }
  }
}

/**
 * Whether two titles that share a typo key are near enough for the judge: one edit apart; or, when the key
 * left a word out, as alike as the judge requires of a title (`WORD_TYPO_MIN_SIMILARITY`) or the release's
 * title holding the film's ("te son of the winter castle"). Two edits through character deletions are two
 * typos, never one ("winter king" ~ "winter wing" is, "winter king" ~ "winter kin g" is not).
 */
export function isNearTitle(film: string, release: string, byWord: boolean): boolean {
  const edits = distance(film, release);
  if (edits <= 1) return true;
  if (!byWord) return false;
  // Holding the film's words takes more words, so more characters: only a longer release title is searched.
  return 1 - edits / Math.max(film.length, release.length) >= WORD_TYPO_MIN_SIMILARITY || (release.length > film.length && containment(film, release) !== null);
}

/** The distinct non-empty forms; the intermediate `title_forms` usually are already, and are then used as they are. */
function formsOf(forms: readonly (string | null)[]): readonly string[] {
  const clean = forms.every((form, index) => form !== null && form !== '' && forms.indexOf(form) === index);
  return clean ? (forms as readonly string[]) : [...new Set(forms.filter((form): form is string => form !== null && form !== ''))];
}

/** The words in order: "matrix reloaded the" and "the matrix reloaded" share it. */
function sortedWords(form: string): string {
  if (!form.includes(' ')) return form;
  const words = form.split(' ');
  // Already in order (a third of titles): the form itself, so no new string is made and hashed for each lookup.
  for (let i = 1; i < words.length; i++) if (words[i - 1]! > words[i]!) return words.sort().join(' ');
  return form;
}

function wordsOf(form: string): string[] {
  return form.split(' ').filter((word) => word.length > 1 && !STOPWORDS.has(word));
}

function push<K, T>(index: Map<K, T[]>, key: K, value: T): void {
  const list = index.get(key);
  if (list === undefined) index.set(key, [value]);
  else list.push(value);
}

function add(index: Map<string, number[]>, key: string, value: number): void {
  const list = index.get(key);
  if (list === undefined) index.set(key, [value]);
  else if (list[list.length - 1] !== value) list.push(value);
}
