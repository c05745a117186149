// The CLI tests' small project: a two-asset graph (`raw/films` → `gold/matches`) and the CLI over it, run in
// process on a throwaway lake (MEDALLION_LAKE).
import { z } from 'zod';
import { createAssetGraph, defineAsset, type AssetGraph } from '../../runtime/index.ts';
import { runCapturedCli, type CliResult } from './capture-cli.ts';
import { createTempLake, type TempLake } from './temp-lake.ts';

const films = defineAsset({
  key: 'raw/films', schema: z.object({ id: z.int(), title: z.string(), year: z.int().nullable() }), codeVersion: '1',
  description: 'films', async materialize() {
    return { rows: [{ id: 1, title: 'Heat', year: 1995 }, { id: 2, title: 'Amélie, "the" film', year: null }] };
  },
});
const matches = defineAsset({
  key: 'gold/matches', schema: z.object({ id: z.int(), title: z.string() }), codeVersion: '1', deps: { films },
  async materialize(_ctx, inputs) {
    const rows = (await inputs.films.rows()).map(({ id, title }) => ({ id, title }));
    return { rows, metadata: { matches: rows.length } };
  },
});

/** `raw/films` (two films, one without a year) and `gold/matches` (one row per film, `matches` in its metadata). */
export const filmsGraph: AssetGraph = createAssetGraph([films, matches]);

export interface CliLake {
  readonly lake: TempLake;
  /** Runs `medallion ARGV…` over the graph, on this lake. */
  cli(...argv: string[]): Promise<CliResult>;
}

/** A fresh lake and the CLI over `graph` on it; `lake.cleanup()` removes it. */
export async function createCliLake(graph: AssetGraph = filmsGraph): Promise<CliLake> {
  const lake = await createTempLake();
  return { lake, cli: (...argv) => runCapturedCli(argv, graph, { env: { MEDALLION_LAKE: lake.root } }) };
}
