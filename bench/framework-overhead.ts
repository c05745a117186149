/**
 * Framework overhead: a graph of trivial assets (one row each, 10 layers of 20, each depending on two assets
 * of the layer before), materialized cold into an empty lake, then checked again (a no-op run).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
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

// Run alone: `node --import tsx bench/framework-overhead.ts [concurrency=1] [runs=3] [lake folder]`
// (a fresh temp lake per run unless a folder is given; it is then emptied first).
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const concurrency = Number(process.argv[2] ?? 1);
  const runs = Number(process.argv[3] ?? 3);
  for (let run = 1; run <= runs; run++) {
    const lake = process.argv[4] ?? mkdtempSync(join(tmpdir(), 'medallion-overhead-'));
    rmSync(lake, { recursive: true, force: true });
    try {
      const result = await measureOverhead(lake, concurrency);
      const perAsset = result.coldMs / result.materialized;
      console.log(
        `concurrency ${concurrency} run ${run}: cold ${result.coldMs.toFixed(0)} ms, ${perAsset.toFixed(2)} ms/asset ` +
          `(${result.materialized} materialized); no-op ${result.noopMs.toFixed(0)} ms (${result.skipped} skipped)`,
      );
    } finally {
      if (process.argv[4] === undefined) rmSync(lake, { recursive: true, force: true });
    }
  }
}
