/**
 * `metrics/match_quality`: when the ground truth is known (the emulator's catalogue), how good the matches
 * are: precision, recall and F1 over every true pair and over the pairs whose release was landed (telling
 * extraction misses from matching misses), recall per kind of true pair, and the counts per stage. Its
 * metadata lands in the run summary in `metrics/`.
 */
import { z } from 'zod';
import { defineAsset, type JsonObject } from 'medallion';
import { matchesEntry, type MatchesAsset } from '../gold/matches.ts';
import { evaluateMatches, type GroundTruth, type MatchPair } from '../matching/evaluate-matches.ts';
import { candidatesEntry, type CandidatesAsset } from '../intermediate/candidates.ts';
import { discogsReleasesEntry, type DiscogsReleasesAsset } from '../intermediate/discogs-releases.ts';
import { tmdbMoviesEntry, type TmdbMoviesAsset } from '../intermediate/tmdb-movies.ts';
import { pipelineAsset } from '../pipeline-asset.ts';

export const matchQualitySchema = z.object({
  /** `all`, `landed`, or `kind:<truth kind>` (recall only). */
  scope: z.string(),
  truth_pairs: z.int(),
  true_positives: z.int(),
  false_positives: z.int().nullable(),
  false_negatives: z.int(),
  precision: z.number().nullable(),
  recall: z.number(),
  f1: z.number().nullable(),
});

export function defineMatchQuality(groundTruth: GroundTruth, deps: { matches: MatchesAsset; candidates: CandidatesAsset; releases: DiscogsReleasesAsset; movies: TmdbMoviesAsset }) {
  return defineAsset({
    key: 'metrics/match_quality',
    description: 'Precision, recall and F1 of gold/matches against the known ground truth (all pairs, landed pairs, recall per kind), and counts per stage.',
    schema: matchQualitySchema,
    deps,
    codeVersion: '1',
    async materialize(_ctx, inputs) {
      const [truth, gold, releases] = await Promise.all([groundTruth.pairs(), inputs.matches.rows(), inputs.releases.rows()]);
      const predicted = gold.filter((row) => row.is_match);
      const landed = new Set(releases.map((release) => release.discogs_id));
      const landedTruth = truth.filter((pair) => landed.has(pair.discogs_id));
      const rows = [scopeRow('all', predicted, truth), scopeRow('landed', predicted, landedTruth), ...kindRows(predicted, landedTruth)];
      const [all, onLanded] = rows;
      // Quality first: the CLI's summary shows the first few numbers.
      const metadata: JsonObject = {
        precision: all!.precision,
        recall: all!.recall,
        f1: all!.f1,
        recall_landed: onLanded!.recall,
        films: inputs.movies.numRows,
        releases: inputs.releases.numRows,
        candidates: inputs.candidates.numRows,
        matches: predicted.length,
      };
      return { rows, metadata };
    },
  });
}

function scopeRow(scope: string, predicted: readonly MatchPair[], truth: readonly MatchPair[]) {
  const quality = evaluateMatches(predicted, truth);
  return {
    scope,
    truth_pairs: truth.length,
    true_positives: quality.truePositives,
    false_positives: quality.falsePositives,
    false_negatives: quality.falseNegatives,
    precision: round(quality.precision),
    recall: round(quality.recall),
    f1: round(quality.f1),
  };
}

/** Recall per kind of true pair (precision has no meaning per kind: a false match has no true kind). */
function kindRows(predicted: readonly MatchPair[], truth: readonly (MatchPair & { kind: string })[]) {
  const found = new Set(predicted.map((pair) => `${pair.tmdb_id}:${pair.discogs_id}`));
  const kinds = [...new Set(truth.map((pair) => pair.kind))].sort();
  return kinds.map((kind) => {
    const pairs = truth.filter((pair) => pair.kind === kind);
    const hits = pairs.filter((pair) => found.has(`${pair.tmdb_id}:${pair.discogs_id}`)).length;
    return { scope: `kind:${kind}`, truth_pairs: pairs.length, true_positives: hits, false_positives: null, false_negatives: pairs.length - hits, precision: null, recall: round(pairs.length === 0 ? 1 : hits / pairs.length), f1: null };
  });
}

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

/** In the pipeline: only when the ground truth is known (the emulator). */
export const matchQualityEntry = pipelineAsset((scope) => {
  const { groundTruth } = scope.options;
  if (groundTruth === undefined) return undefined;
  return defineMatchQuality(groundTruth, {
    matches: scope.upstream(matchesEntry),
    candidates: scope.upstream(candidatesEntry),
    releases: scope.upstream(discogsReleasesEntry),
    movies: scope.upstream(tmdbMoviesEntry),
  });
});
