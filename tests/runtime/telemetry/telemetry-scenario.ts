// The graph every export test materializes: an asset that calls TMDB (through an injected fetch) with an
// API key inside a durable step, one downstream of it, and one that fails because TMDB refuses the key and
// echoes it back. The secrets below must never reach an exporter.
import { z } from 'zod';
import { createTmdbClient } from '../../../assets/sources/tmdb-client.ts';
import { createAssetGraph, defineAsset, materialize, type AssetGraph, type RunResult, type Storage } from '../../../runtime/index.ts';
import { traceStorage } from '../../../runtime/internal.ts';

export const SOURCE_SECRET = 'tmdb-key-5ec2e7-DO-NOT-EXPORT';
/** A valid-looking instrumentation key: the only part of the connection string an envelope may carry (as `iKey`). */
export const INSTRUMENTATION_KEY = '5ec2e7a1-d0e5-4e47-8a11-c0ffee5ec2e7';

export function connectionStringFor(endpoint: string): string {
  return `InstrumentationKey=${INSTRUMENTATION_KEY};IngestionEndpoint=${endpoint};LiveEndpoint=${endpoint};ApplicationId=5ec2e7a1-0000-4000-8000-000000000000`;
}

function fakeTmdb(input: string): Response {
  const url = new URL(input);
  if (url.searchParams.get('api_key') !== SOURCE_SECRET) return Response.json({ status_code: 7, status_message: 'no key' }, { status: 401 });
  if (url.pathname.endsWith('/genre/movie/list')) return Response.json({ genres: [{ id: 28, name: 'Action' }, { id: 35, name: 'Comedy' }] });
  return Response.json({ success: false, status_code: 7, status_message: `Invalid API key ${SOURCE_SECRET}: you must be granted a valid key.` }, { status: 401 });
}

export function createScenarioGraph(): AssetGraph {
  const tmdb = createTmdbClient({ apiKey: SOURCE_SECRET, baseUrl: 'https://tmdb.test/3', fetch: fakeTmdb, rateLimit: false });
  // A refusal is final for the client that got it, so the refused asset has its own: with one shared client,
  // whichever asset ran first would decide whether raw/genres ever sent its request.
  const refusingTmdb = createTmdbClient({ apiKey: SOURCE_SECRET, baseUrl: 'https://tmdb.test/3', fetch: fakeTmdb, rateLimit: false });
  const genres = defineAsset({
    key: 'raw/genres',
    schema: z.object({ id: z.int(), name: z.string() }),
    codeVersion: '3',
    async materialize(ctx) {
      const rows = await ctx.step('fetch-genres', async () => (await tmdb.genres()).genres as { id: number; name: string }[]);
      return { rows };
    },
  });
  const names = defineAsset({
    key: 'intermediate/genre_names',
    deps: { genres },
    schema: z.object({ name: z.string() }),
    codeVersion: '1',
    async materialize(_ctx, { genres: input }) {
      return { rows: (await input.rows()).map(({ name }) => ({ name })) };
    },
  });
  const refused = defineAsset({
    key: 'raw/refused',
    schema: z.object({ id: z.int() }),
    codeVersion: '1',
    retry: { maxAttempts: 1 },
    async materialize() {
      await refusingTmdb.movie(603);
      return { rows: [] };
    },
  });
  return createAssetGraph([genres, names, refused]);
}

export function runScenario(storage: Storage): Promise<RunResult> {
  return materialize({ graph: createScenarioGraph(), storage: traceStorage(storage), force: true });
}
