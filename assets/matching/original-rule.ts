/**
 * The original system's matcher, reproduced bugs included, as the baseline ours is measured against
 * (mtholahan/unguided-capstone-project @ a43764d: `utils.normalize_for_matching_ost_safe`,
 * `prepare_tmdb_discogs_candidates.py`, `match_and_enrich.py`; research/anchors-dagster-and-seed.md §4).
 * Nothing in the pipeline uses it. Each place where Spark or pandas left a choice open says what we chose.
 */
import { PYTHON_WHITESPACE, splitWords, tokenSetRatio } from './fuzz-ratios.ts';

/** A TMDB film as the original's bronze held it. */
export interface OriginalFilm {
  readonly tmdb_id: number;
  readonly title: string;
  /** `year(to_date(release_date))`; see `sparkDateYear`. */
  readonly year: number | null;
}

/** A Discogs search result as landed: `title` is "Artist - Title", `year` the API's string. */
export interface OriginalRelease {
  readonly discogs_id: number;
  readonly title: string;
  readonly year: string | null;
  readonly genres: readonly string[];
  readonly styles: readonly string[];
}

export interface OriginalCandidate {
  readonly tmdb_id: number;
  readonly tmdb_title: string;
  readonly tmdb_title_norm: string;
  readonly tmdb_year: number;
  readonly discogs_id: number;
  readonly discogs_title: string;
  readonly discogs_title_norm: string;
  readonly discogs_year: number;
  /** token_set_ratio of the raw titles, 0–100. */
  readonly match_score: number;
  readonly year_diff: number;
  readonly is_match: boolean;
}

export interface OriginalRuleResult {
  readonly candidates: readonly OriginalCandidate[];
  /** The strong matches as (tmdb_id, discogs_id). */
  readonly matches: ReadonlyArray<{ tmdb_id: number; discogs_id: number }>;
  readonly counts: { films: number; filmsKept: number; releases: number; releasesKept: number; candidates: number; matches: number };
}

export interface OriginalRuleOptions {
  /**
   * Apply the extraction's post-filter (`extract_spark_discogs.py`) first, as the original's bronze had it:
   * title ~ soundtrack|motion picture|score, or genres ~ stage & screen|soundtrack|score|film|movie. Default true.
   */
  readonly extractionFilter?: boolean;
}

export const FUZZ_THRESHOLD = 85;
/** The candidate join's hard-coded window; `YEAR_VARIANCE` (config: 3) is then looser than it, so ±2 decides. */
export const YEAR_WINDOW = 2;
export const FILM_OST_KEYWORDS = ['soundtrack', 'score', 'stage & screen', 'original motion picture', 'ost'] as const;
export const EXCLUDE_TERMS = ['tv', 'series', 'game', 'anime', 'broadway', 'musical', 'soap', 'documentary'] as const;

const PY_WS = `[${PYTHON_WHITESPACE}]`;
const NOT_KEPT = new RegExp(`[^a-z0-9${PYTHON_WHITESPACE}&'\\-:]`, 'g');
const WS_RUNS = new RegExp(`${PY_WS}+`, 'g');
const EDGE_WS = new RegExp(`^${PY_WS}+|${PY_WS}+$`, 'g');

/**
 * `normalize_for_matching_ost_safe`, line for line. Its quirks are kept: only [a-z0-9 &'-:] survive, so
 * accented letters vanish ("Amélie" → "amlie"); "Artist - " and "(…)" stay; removing "original motion
 * picture …" leaves inner double spaces; under 2 characters it returns the raw title lowercased.
 */
export function normalizeOstSafe(text: string): string | null {
  if (text === '') return null;
  let s = pyStrip(text.toLowerCase());
  s = pyStrip(s.replace(NOT_KEPT, '').replace(WS_RUNS, ' '));
  let tokens = splitWords(s);
  if (tokens.length > 1 && ['the', 'a', 'an'].includes(tokens[0]!)) tokens = tokens.slice(1);
  s = pyStrip(tokens.join(' ').replace(/\boriginal motion picture( soundtrack| score)?\b/g, ''));
  if (codePointLength(s) < 2) return text.toLowerCase();
  return s;
}

/**
 * The Spark columns around the UDF: under 3 characters, `lower(regexp_replace(title, "[^a-z0-9]", ""))`.
 * The regex runs before `lower`, so capitals are deleted ("Up" → "p", then dropped on the TMDB side).
 */
export function sparkTitleNorm(title: string): string | null {
  const norm = normalizeOstSafe(title);
  if (norm === null || codePointLength(norm) >= 3) return norm;
  return title.replace(/[^a-z0-9]/gu, '').toLowerCase();
}

/** The second OST filter: plain substring tests on lower(title genres styles), so "ghost" has "ost" and "Endgame" "game". */
export function passesOstFilter(release: Pick<OriginalRelease, 'title' | 'genres' | 'styles'>): boolean {
  const blob = [release.title, release.genres.join(' '), release.styles.join(' ')].map((part) => part.toLowerCase()).join(' ');
  return FILM_OST_KEYWORDS.some((word) => blob.includes(word)) && !EXCLUDE_TERMS.some((word) => blob.includes(word));
}

/** The extraction's post-filter (regex alternations of literals, so substring tests too). */
export function passesExtractionFilter(release: Pick<OriginalRelease, 'title' | 'genres'>): boolean {
  const title = release.title.toLowerCase();
  const genres = release.genres.join(' ').toLowerCase();
  return ['soundtrack', 'motion picture', 'score'].some((word) => title.includes(word)) ||
    ['stage & screen', 'soundtrack', 'score', 'film', 'movie'].some((word) => genres.includes(word));
}

/** Spark's `cast(year as int)` with ANSI off: trimmed, a fraction truncated, anything else null. */
export function sparkYear(year: string | null): number | null {
  const match = year === null ? null : /^[+-]?\d+(?:\.\d*)?$/.exec(year.trim());
  if (match === null) return null;
  const value = Math.trunc(Number(match[0]));
  return Math.abs(value) <= 2_147_483_647 ? value : null;
}

/** `year(to_date(release_date))`: "1999-10-15" → 1999, TMDB's "" → null. */
export function sparkDateYear(date: string): number | null {
  const match = /^(\d{4})(?:-\d{1,2}(?:-\d{1,2})?)?(?:[T ].*)?$/.exec(date.trim());
  return match === null ? null : Number(match[1]);
}

/**
 * Runs the original matcher: normalize, OST filter, containment join within ±2 years, dropDuplicates on
 * the normalized pair, then strong match = token_set_ratio(raw titles) ≥ 85 and |Δyear| ≤ 2.
 *
 * @example
 * const { matches, counts } = runOriginalRule(films, releases);
 */
export function runOriginalRule(films: readonly OriginalFilm[], releases: readonly OriginalRelease[], options: OriginalRuleOptions = {}): OriginalRuleResult {
  // `limit(DISCOGS_MAX_TITLES)` (15,000) capped the TMDB rows; at 10,000 films it never bit, so it is left out.
  const tmdb = films.flatMap((film) => {
    const norm = sparkTitleNorm(film.title);
    // `filter(norm isNotNull & length(norm) > 2)`; a null year stays here and fails the join.
    return norm !== null && codePointLength(norm) > 2 ? [{ film, norm: norm.toLowerCase() }] : [];
  });
  const extracted = options.extractionFilter === false ? releases : releases.filter(passesExtractionFilter);
  const discogs = extracted.filter(passesOstFilter).flatMap((release, order) => {
    const norm = sparkTitleNorm(release.title);
    const year = sparkYear(release.year);
    // A null norm or year makes the join condition null, i.e. false. A "" norm is kept: every title contains it.
    return norm === null || year === null ? [] : [{ release, norm: norm.toLowerCase(), year, order }];
  });
  const byYear = new Map<number, typeof discogs>();
  for (const entry of discogs) {
    const bucket = byYear.get(entry.year);
    if (bucket === undefined) byYear.set(entry.year, [entry]);
    else bucket.push(entry);
  }

  // dropDuplicates keeps an arbitrary row per (tmdb_title_norm, discogs_title_norm); we keep the first
  // in landing order (films, then releases), which makes the baseline deterministic.
  const seen = new Set<string>();
  const candidates: OriginalCandidate[] = [];
  for (const { film, norm } of tmdb) {
    if (film.year === null) continue;
    const hits: typeof discogs = [];
    for (let year = film.year - YEAR_WINDOW; year <= film.year + YEAR_WINDOW; year++) {
      for (const entry of byYear.get(year) ?? []) {
        if (entry.norm.includes(norm) || norm.includes(entry.norm)) hits.push(entry);
      }
    }
    hits.sort((a, b) => a.order - b.order);
    for (const { release, norm: releaseNorm, year } of hits) {
      const key = `${norm}\u0000${releaseNorm}`;
      if (seen.has(key)) continue;
      seen.add(key);
      candidates.push(judge(film, norm, release, releaseNorm, year));
    }
  }
  const matches = candidates.filter((row) => row.is_match).map(({ tmdb_id, discogs_id }) => ({ tmdb_id, discogs_id }));
  return {
    candidates,
    matches,
    counts: { films: films.length, filmsKept: tmdb.length, releases: releases.length, releasesKept: discogs.length, candidates: candidates.length, matches: matches.length },
  };
}

function judge(film: OriginalFilm, norm: string, release: OriginalRelease, releaseNorm: string, year: number): OriginalCandidate {
  // The raw titles, no processor: case, "Artist - " and "(Original Motion Picture Soundtrack)" all count.
  const score = tokenSetRatio(film.title, release.title);
  const yearDiff = Math.abs(film.year! - year);
  return {
    tmdb_id: film.tmdb_id,
    tmdb_title: film.title,
    tmdb_title_norm: norm,
    tmdb_year: film.year!,
    discogs_id: release.discogs_id,
    discogs_title: release.title,
    discogs_title_norm: releaseNorm,
    discogs_year: year,
    match_score: score,
    year_diff: yearDiff,
    is_match: score >= FUZZ_THRESHOLD && yearDiff <= YEAR_WINDOW,
  };
}

/** Python's `str.strip()`. */
function pyStrip(text: string): string {
  return text.replace(EDGE_WS, '');
}

/** Python `len` and Spark `length` count code points, not UTF-16 units. */
function codePointLength(text: string): number {
  let length = 0;
  for (const _ of text) length++;
  return length;
}
