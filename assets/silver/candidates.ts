/**
 * Silver `intermediate/candidates`: the (film, release) pairs worth scoring, one row per pair, blocked by
 * exact normalized title within a year window, with the features the scorer reads.
 */
import { z } from 'zod';
import { defineAsset } from '../../runtime/index.ts';
import { blockCandidates, MATCHED_ON, type CandidatePair } from '../matching/block-candidates.ts';
import type { DiscogsRelease, DiscogsReleasesAsset } from './discogs-releases.ts';
import type { SchemaAlignmentAsset } from './schema-alignment.ts';
import type { TmdbMovie, TmdbMoviesAsset } from './tmdb-movies.ts';

/** ±2 years, as the original system blocked; a release a year or two off is common (late or early pressing). */
export const DEFAULT_YEAR_WINDOW = 2;

export const candidateSchema = z.object({
  tmdb_id: z.int(),
  tmdb_title: z.string(),
  tmdb_title_norm: z.string(),
  tmdb_original_title_norm: z.string().nullable(),
  tmdb_year: z.int32().nullable(),
  discogs_id: z.int(),
  discogs_artist: z.string().nullable(),
  discogs_title: z.string(),
  discogs_title_norm: z.string(),
  discogs_title_alt_norm: z.string().nullable(),
  discogs_year: z.int32().nullable(),
  /** Which normalized forms met (TMDB side ~ Discogs side), and the normalized title they share. */
  matched_on: z.enum(MATCHED_ON),
  match_key: z.string(),
  /** discogs_year − tmdb_year; null when either year is unknown. */
  year_diff: z.int32().nullable(),
  /** The pair got through blocking only because a year is unknown. */
  year_unknown: z.boolean(),
});
export type Candidate = z.output<typeof candidateSchema>;

export interface CandidatesOptions {
  yearWindow?: number;
}

/**
 * `schemaAlignment` is a gate, not data: its blocking check failing (breaking API drift) stops candidates
 * and everything downstream of them, instead of matching on records that no longer mean what they did.
 */
export function defineCandidates(
  movies: TmdbMoviesAsset,
  releases: DiscogsReleasesAsset,
  schemaAlignment: SchemaAlignmentAsset,
  options: CandidatesOptions = {},
) {
  const yearWindow = options.yearWindow ?? DEFAULT_YEAR_WINDOW;
  return defineAsset({
    key: 'intermediate/candidates',
    group: 'silver',
    description: `Candidate (film, release) pairs: equal normalized title (any form) and years within ±${yearWindow} (an unknown year is kept and flagged).`,
    schema: candidateSchema,
    deps: { movies, releases, schemaAlignment },
    codeVersion: '1',
    async materialize(_ctx, inputs) {
      const [movieRows, releaseRows] = await Promise.all([inputs.movies.rows(), inputs.releases.rows()]);
      const { pairs, stats } = blockCandidates(movieRows, releaseRows, yearWindow);
      const rows = pairs.map(candidateOf);
      return {
        rows,
        metadata: {
          films: movieRows.length,
          releases: releaseRows.length,
          naive_pairs: movieRows.length * releaseRows.length,
          pairs_compared: stats.pairsCompared,
          blocked_by_year: stats.blockedByYear,
          candidates: rows.length,
          year_unknown: rows.filter((row) => row.year_unknown).length,
          year_window: yearWindow,
        },
      };
    },
  });
}

export type CandidatesAsset = ReturnType<typeof defineCandidates>;

function candidateOf({ movie, release, matchedOn, matchKey, yearDiff }: CandidatePair<TmdbMovie, DiscogsRelease>): Candidate {
  return {
    tmdb_id: movie.tmdb_id,
    tmdb_title: movie.title,
    tmdb_title_norm: movie.title_norm,
    tmdb_original_title_norm: movie.original_title_norm,
    tmdb_year: movie.year,
    discogs_id: release.discogs_id,
    discogs_artist: release.artist,
    discogs_title: release.title,
    discogs_title_norm: release.title_norm,
    discogs_title_alt_norm: release.title_alt_norm,
    discogs_year: release.year,
    matched_on: matchedOn,
    match_key: matchKey,
    year_diff: yearDiff,
    year_unknown: yearDiff === null,
  };
}
