// Runs the pipeline against the emulator (in-process, or over loopback HTTP as the live mode does) at a
// test scale, with client and executor waits shortened so faults and retries cost milliseconds.
import { createEmulator, type Emulator, type EmulatorOptions } from '../../assets/sources/emulator/emulator-app.ts';
import { DEFAULT_CREDENTIALS, SAMPLE_SERVICES } from '../../assets/sources/emulator/in-process-defaults.ts';
import { serveEmulator, type ServedEmulator } from '../../assets/sources/emulator/serve-emulator.ts';
import type { SourceClientOptions } from '../../assets/sources/http/source-http.ts';
import { materialize, type RunResult, type Storage } from '../../runtime/index.ts';
import { createGraphFromEnvironment } from '../../assets/pipeline-graph.ts';

export const TEST_FILMS = 300;

/** A small plan: 15 TMDB pages, Discogs 1990–2009 (40 bulk searches), a search for each of the 300 films. */
export const TEST_PLAN_ENV = { MEDALLION_DISCOGS_YEARS: '1990-2009' } as const;

export const FAST_CLIENT: SourceClientOptions = { retry: { maxAttempts: 6, initialDelayMs: 1, maxDelayMs: 4 } };

export const noWait = async (): Promise<void> => undefined;

export function createTestEmulator(options: EmulatorOptions = {}): Emulator {
  return createEmulator({ films: TEST_FILMS, ...SAMPLE_SERVICES, ...options });
}

/** Materializes `selection` of the pipeline over an in-process emulator. */
export function runInProcess(storage: Storage, emulator: Emulator, selection = '*', client: SourceClientOptions = FAST_CLIENT): Promise<RunResult> {
  const env = { ...TEST_PLAN_ENV, MEDALLION_SOURCE: 'sample' };
  const graph = createGraphFromEnvironment(env, { emulator, client });
  return materialize({ graph, storage, selection, sleep: noWait });
}

export async function serveTestEmulator(options: EmulatorOptions = {}): Promise<ServedEmulator> {
  return serveEmulator({ films: TEST_FILMS, ...SAMPLE_SERVICES, ...options });
}

/** The environment of live mode pointed at a served emulator (credentials: the emulator's, unless given). */
export function liveEnv(served: ServedEmulator, credentials: Partial<Record<'TMDB_API_KEY' | 'DISCOGS_TOKEN', string>> = {}): Record<string, string> {
  return {
    ...TEST_PLAN_ENV,
    MEDALLION_SOURCE: 'live',
    TMDB_BASE_URL: served.tmdbBaseUrl,
    DISCOGS_BASE_URL: served.discogsBaseUrl,
    TMDB_API_KEY: credentials.TMDB_API_KEY ?? DEFAULT_CREDENTIALS.tmdbApiKey,
    DISCOGS_TOKEN: credentials.DISCOGS_TOKEN ?? DEFAULT_CREDENTIALS.discogsToken,
    DISCOGS_USER_AGENT: 'medallion-tests/1.0 +https://example.invalid',
  };
}

export function runLive(storage: Storage, env: Record<string, string>, selection = '*', client: SourceClientOptions = FAST_CLIENT): Promise<RunResult> {
  return materialize({ graph: createGraphFromEnvironment(env, { client }), storage, selection, sleep: noWait });
}
