/**
 * The TMDB + Discogs pipeline as an asset list: `createPipeline` closes the raw assets over their sources
 * (HTTP clients, over the real services or the emulator) and the query plan; the application wires it.
 */
import type { AnyAsset } from 'medallion';
import { defineRawDiscogsFilmSearches } from './raw/raw-discogs-film-searches.ts';
import { defineRawDiscogsMasters } from './raw/raw-discogs-masters.ts';
import { defineRawDiscogsReleases } from './raw/raw-discogs-releases.ts';
import { defineRawTmdbFilmDetails } from './raw/raw-tmdb-film-details.ts';
import { defineRawTmdbMovies } from './raw/raw-tmdb-movies.ts';
import { defineMatches } from './gold/matches.ts';
import { defineCandidates, type CandidatesOptions } from './intermediate/candidates.ts';
import { defineDiscogsReleases } from './intermediate/discogs-releases.ts';
import { defineSchemaAlignment } from './intermediate/schema-alignment.ts';
import { defineTmdbMovies } from './intermediate/tmdb-movies.ts';
import { defineMatchQuality, type GroundTruth } from './metrics/match-quality.ts';
import { DEFAULT_QUERY_PLAN, type QueryPlan } from './sources/query-plan.ts';
import type { FilmSource, ReleaseSource } from './sources/source.ts';

export interface PipelineOptions {
  films: FilmSource;
  releases: ReleaseSource;
  plan?: QueryPlan;
  candidates?: CandidatesOptions;
  /** Requests in flight per raw asset (the clients still enforce each service's rate). */
  concurrency?: number;
  /** When the true pairs are known (the emulator), `metrics/match_quality` measures the matches against them. */
  groundTruth?: GroundTruth;
}

/**
 * The ten assets, upstream first (and `metrics/match_quality` when the ground truth is known).
 *
 * @example
 * const graph = createAssetGraph(createPipeline({ films: createTmdbClient(…), releases: createDiscogsClient(…) }));
 */
export function createPipeline(options: PipelineOptions): AnyAsset[] {
  const plan = options.plan ?? DEFAULT_QUERY_PLAN;
  const concurrency = options.concurrency === undefined ? {} : { concurrency: options.concurrency };
  const rawTmdbMovies = defineRawTmdbMovies(options.films, { plan: plan.tmdb, ...concurrency });
  const rawFilmDetails = defineRawTmdbFilmDetails(options.films, rawTmdbMovies, concurrency);
  const rawDiscogsReleases = defineRawDiscogsReleases(options.releases, { plan: plan.discogs, ...concurrency });
  const tmdbMovies = defineTmdbMovies(rawTmdbMovies);
  const rawFilmSearches = defineRawDiscogsFilmSearches(options.releases, tmdbMovies, rawDiscogsReleases, { plan: plan.discogs, ...concurrency });
  const discogsReleases = defineDiscogsReleases(rawDiscogsReleases, rawFilmSearches);
  const schemaAlignment = defineSchemaAlignment(rawTmdbMovies, rawDiscogsReleases);
  const candidates = defineCandidates(tmdbMovies, discogsReleases, rawFilmDetails, schemaAlignment, options.candidates);
  const rawMasters = defineRawDiscogsMasters(options.releases, candidates, { budget: plan.discogs.mastersBudget, ...concurrency });
  const matches = defineMatches(candidates, rawMasters);
  const assets = [rawTmdbMovies, rawDiscogsReleases, rawFilmDetails, tmdbMovies, rawFilmSearches, discogsReleases, schemaAlignment, candidates, rawMasters, matches];
  if (options.groundTruth === undefined) return assets;
  return [...assets, defineMatchQuality(options.groundTruth, { matches, candidates, releases: discogsReleases, movies: tmdbMovies })];
}
