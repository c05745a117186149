/**
 * Gold `gold/matches`: every candidate pair scoring at or above the threshold, one row per (film,
 * release), with its score, the rule that decided `is_match`, and the features that rule read. This first
 * scorer is exact: normalized titles equal → 1.0. The fuzzy scorer replaces `titleScore` later.
 */
import { z } from 'zod';
import { defineAsset } from '../../runtime/index.ts';
import type { Candidate, CandidatesAsset } from '../silver/candidates.ts';

/** Pairs scoring below it are left out of gold; with an exact scorer every candidate scores 1.0 or 0. */
export const SCORE_THRESHOLD = 1;
/** A soundtrack comes out in the film's year or the next (or a promo the year before); later is a reissue. */
export const MATCH_YEAR_TOLERANCE = 1;

export const MATCH_RULES = ['exact_title_year_within_1', 'exact_title_year_apart', 'exact_title_year_unknown'] as const;
export type MatchRule = (typeof MATCH_RULES)[number];

export const matchSchema = z.object({
  tmdb_id: z.int(),
  tmdb_title: z.string(),
  tmdb_year: z.int32().nullable(),
  discogs_id: z.int(),
  discogs_artist: z.string().nullable(),
  discogs_title: z.string(),
  discogs_year: z.int32().nullable(),
  /** Title similarity in [0, 1]: 1 when a normalized form of each side is equal. */
  score: z.number(),
  /** discogs_year − tmdb_year; null when either is unknown. */
  year_diff: z.int32().nullable(),
  /** Which normalized forms met (TMDB side ~ Discogs side). */
  matched_on: z.string(),
  /** The rule that decided `is_match`: exact title, and the years within ±1, apart, or unknown on a side. */
  rule: z.enum(MATCH_RULES),
  is_match: z.boolean(),
});
export type Match = z.output<typeof matchSchema>;

export function defineMatches(candidates: CandidatesAsset) {
  return defineAsset({
    key: 'gold/matches',
    group: 'gold',
    description:
      `Scored (film, release) pairs with score ≥ ${SCORE_THRESHOLD}; is_match when the normalized titles are equal and the years ` +
      `are within ±${MATCH_YEAR_TOLERANCE} (an unknown year is not a match), with the deciding rule.`,
    schema: matchSchema,
    deps: { candidates },
    codeVersion: '1',
    async materialize(_ctx, inputs) {
      const pairs = await inputs.candidates.rows();
      const rows = pairs.map(judge).filter((row) => row.score >= SCORE_THRESHOLD);
      const matches = rows.filter((row) => row.is_match).length;
      const byRule = Object.fromEntries(MATCH_RULES.map((rule) => [rule, rows.filter((row) => row.rule === rule).length]));
      return {
        rows,
        metadata: {
          candidates: pairs.length,
          rows: rows.length,
          matches,
          match_rate: pairs.length === 0 ? 0 : round(matches / pairs.length),
          score_threshold: SCORE_THRESHOLD,
          year_tolerance: MATCH_YEAR_TOLERANCE,
          by_rule: byRule,
        },
      };
    },
  });
}

/** Scores one candidate and applies the rule. */
export function judge(candidate: Candidate): Match {
  const score = titleScore(candidate);
  const yearDiff = candidate.year_diff;
  const rule: MatchRule =
    yearDiff === null ? 'exact_title_year_unknown' : Math.abs(yearDiff) <= MATCH_YEAR_TOLERANCE ? 'exact_title_year_within_1' : 'exact_title_year_apart';
  return {
    tmdb_id: candidate.tmdb_id,
    tmdb_title: candidate.tmdb_title,
    tmdb_year: candidate.tmdb_year,
    discogs_id: candidate.discogs_id,
    discogs_artist: candidate.discogs_artist,
    discogs_title: candidate.discogs_title,
    discogs_year: candidate.discogs_year,
    score,
    year_diff: yearDiff,
    matched_on: candidate.matched_on,
    rule,
    is_match: score >= SCORE_THRESHOLD && rule === 'exact_title_year_within_1',
  };
}

/** 1 when any normalized form of the film equals any form of the release, else 0. */
function titleScore(candidate: Candidate): number {
  const filmForms = [candidate.tmdb_title_norm, candidate.tmdb_original_title_norm];
  const releaseForms = [candidate.discogs_title_norm, candidate.discogs_title_alt_norm];
  return filmForms.some((form) => form !== null && form !== '' && releaseForms.includes(form)) ? 1 : 0;
}

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
