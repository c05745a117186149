/**
 * The pipeline's sources, chosen by `MEDALLION_SOURCE`: `sample` (the default without credentials) is the
 * emulator in a worker thread of this process (in this thread when a test brings its own), at the original
 * scale, behind the very same HTTP clients; `live` (the default with
 * credentials) is the real services, or any base URLs (`TMDB_BASE_URL`, `DISCOGS_BASE_URL`). Both are lazy:
 * nothing is built, read or resolved until a raw asset fetches its first page.
 */
import { ConfigError } from 'medallion';
import { resolveSourceCredentials, SOURCE_SECRET_VARIABLES, type SourceCredentials } from './credentials.ts';
import { createDiscogsClient, type DiscogsClient } from './discogs-client.ts';
import type { SoundtrackTruth } from './emulator/catalogue.ts';
import type { Emulator, EmulatorOptions } from './emulator/emulator-app.ts';
import type { EmulatorThread } from './emulator/thread-fetch.ts';
import { DEFAULT_CREDENTIALS, IN_PROCESS_ORIGIN, SAMPLE_SERVICES } from './emulator/in-process-defaults.ts';
import type { FetchLike } from './http/send-request.ts';
import type { SourceClientOptions } from './http/source-http.ts';
import type { GroundTruth } from '../matching/evaluate-matches.ts';
import { integerSetting } from './env-settings.ts';
import type { FilmSource, ReleaseSource } from './source.ts';
import { createTmdbClient, type TmdbClient } from './tmdb-client.ts';

export type SourceMode = 'sample' | 'live';

export interface PipelineSources {
  readonly mode: SourceMode;
  readonly films: FilmSource;
  readonly releases: ReleaseSource;
  /** The emulator's true pairs (sample mode only). */
  readonly groundTruth?: GroundTruth;
}

export interface SourceOverrides {
  /** Emulator settings for `sample` (films, seed, faults…); rate limits are off unless set here. */
  readonly emulatorOptions?: EmulatorOptions;
  /** An emulator to serve `sample` from (tests read its stats and steer its faults). */
  readonly emulator?: Emulator;
  /** Client settings for both modes (retry, sleep, hooks…). */
  readonly client?: SourceClientOptions;
}

/** Any of these set means live sources: a credential, or the vault that holds them. */
const CREDENTIAL_VARIABLES = [...SOURCE_SECRET_VARIABLES, 'AZURE_KEY_VAULT_URL'];
const SAMPLE_USER_AGENT = 'medallion/0.1 (+in-process emulator)';

export function sourceModeOf(env: Readonly<Record<string, string | undefined>>): SourceMode {
  const chosen = env.MEDALLION_SOURCE?.trim();
  if (!chosen) return CREDENTIAL_VARIABLES.some((name) => env[name]?.trim()) ? 'live' : 'sample';
  if (chosen === 'sample' || chosen === 'live') return chosen;
  throw new ConfigError(`MEDALLION_SOURCE="${chosen}" is not a source: use "sample" (the in-process emulator, offline) or "live" (TMDB and Discogs).`);
}

export function sourcesFromEnvironment(env: Readonly<Record<string, string | undefined>>, overrides: SourceOverrides = {}): PipelineSources {
  const mode = sourceModeOf(env);
  const withClient = { ...overrides, client: clientOptions(env, overrides) };
  return mode === 'sample' ? sampleSources(env, withClient) : liveSources(env, withClient);
}

function sampleSources(env: Readonly<Record<string, string | undefined>>, overrides: SourceOverrides): PipelineSources {
  const films = integerSetting(env, 'MEDALLION_SAMPLE_FILMS', 1, 1_000_000) ?? 10_000;
  const seed = integerSetting(env, 'MEDALLION_SAMPLE_SEED', 1, 2 ** 32);
  const served = overrides.emulator !== undefined || overrides.emulatorOptions !== undefined ? inProcessEmulator(films, seed, overrides) : emulatorThread(films, seed);
  const client = { ...overrides.client, fetch: served.fetch, rateLimit: false as const };
  return {
    mode: 'sample',
    groundTruth: { pairs: served.truth },
    films: createTmdbClient({ ...client, apiKey: DEFAULT_CREDENTIALS.tmdbApiKey, baseUrl: `${IN_PROCESS_ORIGIN}/tmdb/3` }),
    releases: createDiscogsClient({ ...client, token: DEFAULT_CREDENTIALS.discogsToken, userAgent: SAMPLE_USER_AGENT, baseUrl: `${IN_PROCESS_ORIGIN}/discogs` }),
  };
}

interface ServedEmulator {
  readonly fetch: FetchLike;
  truth(): Promise<readonly SoundtrackTruth[]>;
}

// Both are imported on the first request: a command that fetches nothing (status, a no-op materialize) never loads them.

/** The emulator in this thread: a test's own (its stats read, its faults steered), or one built from its options. */
function inProcessEmulator(films: number, seed: number | undefined, overrides: SourceOverrides): ServedEmulator {
  let emulator = overrides.emulator === undefined ? undefined : Promise.resolve(overrides.emulator);
  const emulated = () =>
    (emulator ??= import('./emulator/emulator-app.ts').then(({ createEmulator }) =>
      createEmulator({ films, seed, ...SAMPLE_SERVICES, ...overrides.emulatorOptions })));
  return { fetch: async (input, init) => (await emulated()).fetch(input, init), truth: async () => (await emulated()).catalogue.truth };
}

/** The default sample: the emulator in a worker thread, on the second core. */
function emulatorThread(films: number, seed: number | undefined): ServedEmulator {
  let thread: Promise<EmulatorThread> | undefined;
  const started = () => (thread ??= import('./emulator/thread-fetch.ts').then(({ startEmulatorThread }) => startEmulatorThread({ films, seed })));
  return { fetch: async (input, init) => (await started()).fetch(input, init), truth: async () => (await started()).truth() };
}

function liveSources(env: Readonly<Record<string, string | undefined>>, overrides: SourceOverrides): PipelineSources {
  let credentials: Promise<SourceCredentials> | undefined;
  const resolve = () => (credentials ??= resolveSourceCredentials(env));
  const tmdb = once(async (): Promise<TmdbClient> => {
    const found = (await resolve()).tmdb;
    if (found === undefined) throw new ConfigError('Live extraction needs TMDB credentials: set TMDB_API_KEY or TMDB_READ_ACCESS_TOKEN (or store tmdb-api-key in the Key Vault at AZURE_KEY_VAULT_URL).');
    return createTmdbClient({ ...overrides.client, ...found, ...(env.TMDB_BASE_URL ? { baseUrl: env.TMDB_BASE_URL } : {}) });
  });
  const discogs = once(async (): Promise<DiscogsClient> => {
    const found = (await resolve()).discogs;
    if (found === undefined) throw new ConfigError('Live extraction needs Discogs credentials: set DISCOGS_TOKEN and DISCOGS_USER_AGENT (or store discogs-token in the Key Vault at AZURE_KEY_VAULT_URL).');
    return createDiscogsClient({ ...overrides.client, ...found, ...(env.DISCOGS_BASE_URL ? { baseUrl: env.DISCOGS_BASE_URL } : {}) });
  });
  return {
    mode: 'live',
    films: {
      popularPage: async (page, call) => (await tmdb()).popularPage(page, call),
      discoverPage: async (params, page, call) => (await tmdb()).discoverPage(params, page, call),
      movie: async (id, movieOptions) => (await tmdb()).movie(id, movieOptions),
    },
    releases: {
      search: async (params, page, call) => (await discogs()).search(params, page, call),
      master: async (id, call) => (await discogs()).master(id, call),
    },
  };
}

/**
 * The overrides' client settings, with `MEDALLION_SOURCE_ATTEMPTS` (attempts per request, the first included;
 * default 5). Under an orchestrator that retries failed steps durably, 1 leaves every retry to it.
 */
function clientOptions(env: Readonly<Record<string, string | undefined>>, overrides: SourceOverrides): SourceClientOptions {
  const maxAttempts = integerSetting(env, 'MEDALLION_SOURCE_ATTEMPTS', 1, 20);
  return maxAttempts === undefined ? { ...overrides.client } : { ...overrides.client, retry: { ...overrides.client?.retry, maxAttempts } };
}

function once<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | undefined;
  return () => (made ??= make());
}
