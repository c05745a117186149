/**
 * Framework overhead: a graph of trivial assets (one row each, 10 layers of 20, each depending on two assets
 * of the layer before), materialized cold into an empty lake, then checked again (a no-op run).
 */
import { z } from 'zod';
import { createAssetGraph, createLocalStorage, defineAsset, materialize, type AnyAsset } from '../runtime/index.ts';

export function trivialGraph(layers = 10, width = 20) {
  const schema = z.object({ n: z.int() });
  const assets: AnyAsset[] = [];
  for (let layer = 0; layer < layers; layer++) {
    for (let index = 0; index < width; index++) {
      const deps: Record<string, AnyAsset> = {};
      if (layer > 0) {
        deps.left = assets[(layer - 1) * width + index]!;
        deps.right = assets[(layer - 1) * width + ((index + 1) % width)]!;
      }
      assets.push(
        defineAsset({
          key: `bench/l${layer}_a${index}`,
          schema,
          deps,
          codeVersion: '1',
          async materialize() {
            return { rows: [{ n: layer * width + index }] };
          },
        }),
      );
    }
  }
  return createAssetGraph(assets);
}

export async function measureOverhead(lakeRoot: string, concurrency: number) {
  const graph = trivialGraph();
  const storage = createLocalStorage(lakeRoot);
  const coldStart = performance.now();
  const cold = await materialize({ graph, storage, concurrency });
  const coldMs = performance.now() - coldStart;
  const noopStart = performance.now();
  const noop = await materialize({ graph, storage, concurrency });
  const noopMs = performance.now() - noopStart;
  const materialized = cold.summary.outcomes.filter((o) => o.type === 'materialized').length;
  const skipped = noop.summary.outcomes.filter((o) => o.type === 'skipped').length;
  return { assets: graph.size, materialized, skipped, coldMs, noopMs };
}
