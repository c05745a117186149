/**
 * Match quality against ground truth: precision, recall and F1 over (tmdb_id, discogs_id) pairs.
 */

export interface MatchPair {
  readonly tmdb_id: number;
  readonly discogs_id: number;
}

/** The true (film, release) pairs, each with what makes it hard (`reissue`, `bilingual`, …). */
export interface GroundTruth {
  pairs(): Promise<readonly (MatchPair & { readonly kind: string })[]>;
}

export interface MatchQuality {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  f1: number;
}

/** Duplicated pairs count once on either side. An empty prediction has precision 1 (it claimed nothing false). */
export function evaluateMatches(predicted: Iterable<MatchPair>, truth: Iterable<MatchPair>): MatchQuality {
  const predictedKeys = new Set([...predicted].map(pairKey));
  const truthKeys = new Set([...truth].map(pairKey));
  const truePositives = [...predictedKeys].filter((key) => truthKeys.has(key)).length;
  const falsePositives = predictedKeys.size - truePositives;
  const falseNegatives = truthKeys.size - truePositives;
  const precision = predictedKeys.size === 0 ? 1 : truePositives / predictedKeys.size;
  const recall = truthKeys.size === 0 ? 1 : truePositives / truthKeys.size;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { truePositives, falsePositives, falseNegatives, precision, recall, f1 };
}

function pairKey(pair: MatchPair): string {
  return `${pair.tmdb_id}:${pair.discogs_id}`;
}
