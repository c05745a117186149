/**
 * Gold `gold/matches`: the judged (film, release) pairs, one row per pair scoring at least `REPORT_SCORE`
 * (and every match), each explaining itself: the score and its components, the year difference, the rule
 * that decided, and `is_match`. A release matches at most one film; a film may have many releases.
 */
import { z } from 'zod';
import { defineAsset, type JsonObject } from 'medallion';
import { judgeCandidates, MATCH_RULES, SCORE_THRESHOLD } from '../matching/judge-matches.ts';
import { rawDiscogsMastersEntry, type RawDiscogsMastersAsset } from '../raw/raw-discogs-masters.ts';
import { candidatesEntry, type Candidate, type CandidatesAsset } from '../intermediate/candidates.ts';
import { pipelineAsset } from '../pipeline-asset.ts';

/** Pairs scoring below this are left out of gold: none of them can match (see CANDIDATE_MIN_SCORE). */
export const REPORT_SCORE = 0.8;
/** The metadata key under which a materialization records the acceptance threshold (drawn by the report). */
const THRESHOLD_METADATA_KEY = 'score_threshold';

export const matchSchema = z.object({
  tmdb_id: z.int(),
  tmdb_title: z.string(),
  tmdb_year: z.int32().nullable(),
  discogs_id: z.int(),
  discogs_artist: z.string().nullable(),
  discogs_title: z.string(),
  discogs_year: z.int32().nullable(),
  discogs_master_id: z.int().nullable(),
  /** The master's first pressing's year, when it was looked up (`raw/discogs_masters`). */
  discogs_master_year: z.int32().nullable(),
  /** Title similarity in [0, 1]: the best of `levenshtein` and `token_sort` over the compared forms. */
  score: z.number(),
  levenshtein: z.number(),
  token_sort: z.number(),
  token_set: z.number(),
  jaro_winkler: z.number(),
  /** The forms compared (film ~ release), e.g. `original_title~title_alt`. */
  compared: z.string(),
  /** discogs_year − tmdb_year; null when either is unknown. */
  year_diff: z.int32().nullable(),
  /** The rule that decided `is_match` (see matching/judge-matches.ts). */
  rule: z.enum(MATCH_RULES),
  is_match: z.boolean(),
});
export type Match = z.output<typeof matchSchema>;

export function defineMatches(candidates: CandidatesAsset, masters: RawDiscogsMastersAsset) {
  return defineAsset({
    key: 'gold/matches',
    description:
      `Judged (film, release) pairs with their score components, year difference and deciding rule; is_match when the titles score ≥ ${SCORE_THRESHOLD}, ` +
      'no sequel, decoy or short-title rule objects, and the release came out with the film or is a linked reissue.',
    schema: matchSchema,
    report: { stage: 'matches', score: { column: 'score', acceptedColumn: 'is_match', thresholdMetadataKey: THRESHOLD_METADATA_KEY } },
    deps: { candidates, masters },
    codeVersion: '3',
    async materialize(_ctx, inputs) {
      const [pairs, masterRows] = await Promise.all([inputs.candidates.rows(), inputs.masters.rows()]);
      const rows = matchesOf(pairs, masterYearsOf(masterRows));
      return { rows, metadata: matchMetadata(pairs.length, rows) };
    },
  });
}

export type MatchesAsset = ReturnType<typeof defineMatches>;

/** Master id → its first pressing's year, for the masters Discogs dated. */
export function masterYearsOf(masters: readonly { master_id: number; year: number | null }[]): Map<number, number> {
  return new Map(masters.flatMap((master) => (master.year === null ? [] : [[master.master_id, master.year] as const])));
}

/** Judges every candidate; keeps matches and pairs scoring at least `REPORT_SCORE`. */
export function matchesOf(candidates: readonly Candidate[], masterYears: ReadonlyMap<number, number> = new Map()): Match[] {
  const verdicts = judgeCandidates(candidates, masterYears);
  const rows: Match[] = [];
  candidates.forEach((candidate, index) => {
    const verdict = verdicts[index]!;
    if (!verdict.isMatch && candidate.score < REPORT_SCORE) return;
    rows.push({
      tmdb_id: candidate.tmdb_id,
      tmdb_title: candidate.tmdb_title,
      tmdb_year: candidate.tmdb_year,
      discogs_id: candidate.discogs_id,
      discogs_artist: candidate.discogs_artist,
      discogs_title: candidate.discogs_title,
      discogs_year: candidate.discogs_year,
      discogs_master_id: candidate.discogs_master_id,
      discogs_master_year: candidate.discogs_master_id === null ? null : masterYears.get(candidate.discogs_master_id) ?? null,
      score: candidate.score,
      levenshtein: candidate.levenshtein,
      token_sort: candidate.token_sort,
      token_set: candidate.token_set,
      jaro_winkler: candidate.jaro_winkler,
      compared: candidate.compared,
      year_diff: candidate.year_diff,
      rule: verdict.rule,
      is_match: verdict.isMatch,
    });
  });
  return rows;
}

function matchMetadata(candidates: number, rows: readonly Match[]): JsonObject {
  const matches = rows.filter((row) => row.is_match).length;
  const byRule: JsonObject = {};
  for (const row of rows) byRule[row.rule] = Number(byRule[row.rule] ?? 0) + 1;
  return {
    candidates,
    rows: rows.length,
    matches,
    match_rate: candidates === 0 ? 0 : Math.round((matches / candidates) * 10_000) / 10_000,
    films_matched: new Set(rows.filter((row) => row.is_match).map((row) => row.tmdb_id)).size,
    [THRESHOLD_METADATA_KEY]: SCORE_THRESHOLD,
    by_rule: byRule,
  };
}

/** In the pipeline: over the candidates and the masters. */
export const matchesEntry = pipelineAsset((scope) => defineMatches(scope.upstream(candidatesEntry), scope.upstream(rawDiscogsMastersEntry)));
