/**
 * Matching (candidates + gold, as their assets compute them) on intermediate rows built straight from the
 * emulator's catalogue, at a given scale, in a child process so its peak RSS is its own:
 *   node --expose-gc --import tsx bench/matching-scale.ts 100000   → one JSON line
 */
import { rawDiscogsReleaseSchema, discogsRowOf } from '../assets/raw/discogs-search-rows.ts';
import { rawTmdbMovieSchema } from '../assets/raw/raw-tmdb-movies.ts';
import { matchesOf } from '../assets/gold/matches.ts';
import { buildCatalogue } from '../assets/sources/emulator/catalogue.ts';
import { candidatesOf } from '../assets/intermediate/candidates.ts';
import { dedupeById as dedupeReleases, releaseOf } from '../assets/intermediate/discogs-releases.ts';
import { movieOf } from '../assets/intermediate/tmdb-movies.ts';
import { evaluateMatches } from '../assets/matching/evaluate-matches.ts';

const films = Number(process.argv[2] ?? 10_000);

/**
 * Intermediate rows and the true pairs, built from the catalogue in a scope of their own: the catalogue and the raw
 * rows are scaffolding, not the asset's input, and kept alive they were half the heap at 10× — a heap the
 * matching's collections then had to walk over and over, which no materialization has.
 */
function silverInputs() {
  const catalogue = buildCatalogue({ films });
  const movies = catalogue.films.map((film, index) =>
    movieOf(rawTmdbMovieSchema.parse({
      tmdb_id: film.id, title: film.title, original_title: film.original_title ?? null, original_language: film.original_language ?? null,
      release_date: film.release_date, genre_ids: [], popularity: film.popularity ?? null, vote_average: null, vote_count: null,
      adult: null, listing: 'popular', page: 1, record_index: index,
    })),
  );
  const releases = dedupeReleases(catalogue.releases.map((entry, index) => rawDiscogsReleaseSchema.parse(discogsRowOf(entry.item, 'bench', 1, index))))
    .map(({ release, queries }) => releaseOf(release, queries));
  return { movies, releases, truth: catalogue.truth };
}

const { movies, releases, truth } = silverInputs();
// Started from a collected heap (the child runs with --expose-gc), at every scale alike.
(globalThis as { gc?: () => void }).gc?.();
const start = performance.now();
const { rows: candidates, stats } = candidatesOf(movies, releases);
const candidatesMs = performance.now() - start;
const gold = matchesOf(candidates);
const matchingMs = performance.now() - start;
const quality = evaluateMatches(gold.filter((row) => row.is_match), truth);
process.stdout.write(`${JSON.stringify({
  films: movies.length, releases: releases.length, pairsScored: stats.pairs, candidates: candidates.length, matches: quality.truePositives + quality.falsePositives,
  candidatesMs, matchingMs, peakRssMb: process.resourceUsage().maxRSS / 1024, precision: quality.precision, recall: quality.recall,
})}\n`);
