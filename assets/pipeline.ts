/**
 * The TMDB + Discogs pipeline as an asset list: `createPipeline` closes the bronze assets over their
 * sources (the CLI and server wire it); `createSamplePipeline` runs it offline on the built-in sample.
 */
import type { AnyAsset } from '../runtime/index.ts';
import { defineRawDiscogsReleases, type RawDiscogsReleasesOptions } from './bronze/raw-discogs-releases.ts';
import { defineRawTmdbMovies, type RawTmdbMoviesOptions } from './bronze/raw-tmdb-movies.ts';
import { defineMatches } from './gold/matches.ts';
import { defineCandidates, type CandidatesOptions } from './silver/candidates.ts';
import { defineDiscogsReleases } from './silver/discogs-releases.ts';
import { defineSchemaAlignment } from './silver/schema-alignment.ts';
import { defineTmdbMovies } from './silver/tmdb-movies.ts';
import { createSampleSources } from './sources/sample-source.ts';
import type { FilmSource, ReleaseSource } from './sources/source.ts';

export interface PipelineOptions {
  films: FilmSource;
  releases: ReleaseSource;
  tmdb?: RawTmdbMoviesOptions;
  discogs?: RawDiscogsReleasesOptions;
  candidates?: CandidatesOptions;
}

/**
 * The seven assets, upstream first.
 *
 * @example
 * const graph = createAssetGraph(createPipeline({ films: tmdbClient, releases: discogsClient }));
 */
export function createPipeline(options: PipelineOptions): AnyAsset[] {
  const rawTmdbMovies = defineRawTmdbMovies(options.films, options.tmdb);
  const rawDiscogsReleases = defineRawDiscogsReleases(options.releases, options.discogs);
  const tmdbMovies = defineTmdbMovies(rawTmdbMovies);
  const discogsReleases = defineDiscogsReleases(rawDiscogsReleases);
  const schemaAlignment = defineSchemaAlignment(rawTmdbMovies, rawDiscogsReleases);
  const candidates = defineCandidates(tmdbMovies, discogsReleases, schemaAlignment, options.candidates);
  const matches = defineMatches(candidates);
  return [rawTmdbMovies, rawDiscogsReleases, tmdbMovies, discogsReleases, schemaAlignment, candidates, matches];
}

/** The pipeline over the built-in deterministic sample (offline; the default source). */
export function createSamplePipeline(options: { seed?: number } = {}): AnyAsset[] {
  const { films, releases } = createSampleSources(options);
  return createPipeline({ films, releases });
}
