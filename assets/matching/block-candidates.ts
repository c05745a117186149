/**
 * Blocking: which (film, release) pairs are worth scoring. A hash join on the exact normalized title (any
 * form on either side) followed by a year window, so the work grows with the pairs that share a title,
 * never with films × releases.
 */

/** What blocking reads of a film: its normalized titles and year. */
export interface BlockableMovie {
  readonly tmdb_id: number;
  readonly title_norm: string;
  readonly original_title_norm: string | null;
  readonly year: number | null;
}

/** What blocking reads of a release: both normalized forms of its title and its year. */
export interface BlockableRelease {
  readonly discogs_id: number;
  readonly title_norm: string;
  readonly title_alt_norm: string | null;
  readonly year: number | null;
}

export const MATCHED_ON = ['title~title', 'title~title_alt', 'original_title~title', 'original_title~title_alt'] as const;
/** Which normalized forms met: TMDB side ~ Discogs side. */
export type MatchedOn = (typeof MATCHED_ON)[number];

export interface CandidatePair<M extends BlockableMovie, R extends BlockableRelease> {
  movie: M;
  release: R;
  matchedOn: MatchedOn;
  /** The normalized title both sides share. */
  matchKey: string;
  /** Release year minus film year; null when either is unknown. */
  yearDiff: number | null;
}

export interface BlockingStats {
  /** Index hits examined: pairs sharing a normalized title, before the year window. */
  pairsCompared: number;
  blockedByYear: number;
}

type DiscogsForm = 'title' | 'title_alt';
type IndexEntry<R> = { release: R; form: DiscogsForm };

/**
 * Pairs sharing a normalized title within `yearWindow` years. An unknown year on either side does not
 * block a pair out (its `yearDiff` is null), since blocking must not lose what scoring could still judge.
 */
export function blockCandidates<M extends BlockableMovie, R extends BlockableRelease>(
  movies: readonly M[],
  releases: readonly R[],
  yearWindow: number,
): { pairs: CandidatePair<M, R>[]; stats: BlockingStats } {
  const index = indexByTitle(releases);
  const pairs: CandidatePair<M, R>[] = [];
  const stats: BlockingStats = { pairsCompared: 0, blockedByYear: 0 };
  for (const movie of movies) {
    const paired = new Set<number>();
    for (const [tmdbForm, key] of movieKeys(movie)) {
      for (const { release, form } of index.get(key) ?? []) {
        stats.pairsCompared++;
        if (paired.has(release.discogs_id)) continue;
        const yearDiff = movie.year === null || release.year === null ? null : release.year - movie.year;
        if (yearDiff !== null && Math.abs(yearDiff) > yearWindow) {
          stats.blockedByYear++;
          continue;
        }
        paired.add(release.discogs_id);
        pairs.push({ movie, release, matchedOn: `${tmdbForm}~${form}`, matchKey: key, yearDiff });
      }
    }
  }
  return { pairs, stats };
}

function indexByTitle<R extends BlockableRelease>(releases: readonly R[]): Map<string, IndexEntry<R>[]> {
  const index = new Map<string, IndexEntry<R>[]>();
  const add = (key: string | null, entry: IndexEntry<R>) => {
    if (key === null || key === '') return;
    const bucket = index.get(key);
    if (bucket === undefined) index.set(key, [entry]);
    else bucket.push(entry);
  };
  for (const release of releases) {
    add(release.title_norm, { release, form: 'title' });
    add(release.title_alt_norm, { release, form: 'title_alt' });
  }
  return index;
}

/** The film's keys in priority order, so a pair records the most direct form that met. */
function movieKeys(movie: BlockableMovie): Array<['title' | 'original_title', string]> {
  const keys: Array<['title' | 'original_title', string]> = [];
  if (movie.title_norm !== '') keys.push(['title', movie.title_norm]);
  if (movie.original_title_norm !== null && movie.original_title_norm !== '') keys.push(['original_title', movie.original_title_norm]);
  return keys;
}
