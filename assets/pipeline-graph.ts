/**
 * Builds the pipeline's asset graph from the environment: the sources (`MEDALLION_SOURCE`, see
 * assets/sources/pipeline-sources.ts) and the query plan (`MEDALLION_TMDB_PAGES`, … see query-plan.ts).
 * Building is cheap and lazy: no credential is read and no emulator built until a raw asset runs.
 */
import { createAssetGraph, type AssetGraph } from 'medallion';
import { createPipeline } from './pipeline.ts';
import { sourcesFromEnvironment, type SourceOverrides } from './sources/pipeline-sources.ts';
import { DEFAULT_QUERY_PLAN, queryPlanFromEnvironment, SAMPLE_QUERY_PLAN } from './sources/query-plan.ts';

export function createGraphFromEnvironment(env: Readonly<Record<string, string | undefined>>, overrides: SourceOverrides = {}): AssetGraph {
  const { mode, films, releases, groundTruth } = sourcesFromEnvironment(env, overrides);
  const plan = queryPlanFromEnvironment(env, mode === 'sample' ? SAMPLE_QUERY_PLAN : DEFAULT_QUERY_PLAN);
  return createAssetGraph(createPipeline({ films, releases, plan, ...(groundTruth === undefined ? {} : { groundTruth }) }));
}
