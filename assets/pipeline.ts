/**
 * The TMDB + Discogs pipeline as an asset list: `createPipeline` defines every entry of `pipeline-assets.ts`,
 * closing the raw assets over their sources (HTTP clients, over the real services or the emulator) and the
 * query plan; the application wires it.
 */
import type { AnyAsset } from 'medallion';
import { defineEntries, type PipelineOptions } from './pipeline-asset.ts';
import * as entries from './pipeline-assets.ts';
import { DEFAULT_QUERY_PLAN } from './sources/query-plan.ts';

/**
 * The pipeline's assets, upstreams first (`metrics/match_quality` only when the ground truth is known).
 *
 * @example
 * const graph = createAssetGraph(createPipeline({ films: createTmdbClient(…), releases: createDiscogsClient(…) }));
 */
export function createPipeline(options: PipelineOptions): AnyAsset[] {
  return defineEntries(Object.values(entries), { ...options, plan: options.plan ?? DEFAULT_QUERY_PLAN });
}
