// The pipeline's assets, one line each: `createPipeline` defines every entry exported here (in any order: an
// entry asks for its upstreams itself). To add an asset, write its file with its `pipelineAsset` entry and
// export the entry here.
export { rawTmdbMoviesEntry } from './raw/raw-tmdb-movies.ts';
export { rawTmdbFilmDetailsEntry } from './raw/raw-tmdb-film-details.ts';
export { rawDiscogsReleasesEntry } from './raw/raw-discogs-releases.ts';
export { rawDiscogsFilmSearchesEntry } from './raw/raw-discogs-film-searches.ts';
export { rawDiscogsMastersEntry } from './raw/raw-discogs-masters.ts';
export { tmdbMoviesEntry } from './intermediate/tmdb-movies.ts';
export { discogsReleasesEntry } from './intermediate/discogs-releases.ts';
export { schemaAlignmentEntry } from './intermediate/schema-alignment.ts';
export { candidatesEntry } from './intermediate/candidates.ts';
export { matchesEntry } from './gold/matches.ts';
export { matchQualityEntry } from './metrics/match-quality.ts';
