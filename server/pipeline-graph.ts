/**
 * Chooses the pipeline's sources from the environment and builds the asset graph. `MEDALLION_SOURCE`
 * selects them: `sample` (the built-in deterministic catalogue, offline; the default).
 */
import { ConfigError, createAssetGraph, type AssetGraph } from '../runtime/index.ts';
import { createSamplePipeline } from '../assets/pipeline.ts';

export const SOURCES = ['sample'] as const;

export function createGraphFromEnvironment(env: Readonly<Record<string, string | undefined>>): AssetGraph {
  const source = env.MEDALLION_SOURCE?.trim() || 'sample';
  if (source === 'sample') return createAssetGraph(createSamplePipeline());
  throw new ConfigError(
    `MEDALLION_SOURCE="${source}" is not available: this version extracts from the built-in sample only (${SOURCES.join(', ')}). Unset MEDALLION_SOURCE to run offline on the sample.`,
  );
}
