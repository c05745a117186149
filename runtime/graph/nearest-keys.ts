/** Nearest-key suggestions for unknown names (Dagster's resolve_similar_asset_names), by edit distance. */
import { distance } from 'fastest-levenshtein';

/**
 * Up to `limit` candidates close to `name`: by edit distance on the whole key and on its last segment, so
 * `matches` suggests `gold/matches` and `gold/matchs` does too.
 */
export function nearestMatches(name: string, candidates: readonly string[], limit = 3): string[] {
  const needle = name.toLowerCase();
  const scored = candidates.map((candidate) => {
    const lower = candidate.toLowerCase();
    const tail = lower.slice(lower.lastIndexOf('/') + 1);
    const score = Math.min(distance(needle, lower), distance(needle, tail) + 0.5, lower.includes(needle) ? 1 : Infinity);
    return { candidate, score };
  });
  const threshold = Math.max(2, Math.ceil(needle.length * 0.4));
  return scored
    .filter(({ score }) => score <= threshold)
    .sort((a, b) => a.score - b.score || a.candidate.localeCompare(b.candidate))
    .slice(0, limit)
    .map(({ candidate }) => candidate);
}

/**
 * The hint every "unknown name" message ends with: ` Did you mean "a" or "b"?` (with its leading space), or
 * an empty string when there is nothing close.
 */
export function didYouMean(suggestions: readonly string[]): string {
  return suggestions.length > 0 ? ` Did you mean ${suggestions.map((s) => `"${s}"`).join(' or ')}?` : '';
}
