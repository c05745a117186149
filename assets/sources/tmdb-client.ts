/**
 * TMDB v3 over HTTP: the film lists the raw assets page through (popular, discover, search), one movie and the
 * genre list. Envelopes are validated here; records come back raw, for the raw layer to validate one by one.
 */
import { z } from 'zod';
import { ConfigError, NonRetriableError, type JsonValue } from 'medallion';
import { jsonObjectSchema, type ServiceProfile } from './http/fetch-json.ts';
import { createSourceHttp, type SourceClientOptions } from './http/source-http.ts';
import type { FilmSource, SourceCallOptions, TmdbDiscoverParams } from './source.ts';
import { TMDB_MAX_PAGE, tmdbListPageSchema, type TmdbListPage } from './tmdb-schemas.ts';

export const TMDB_BASE_URL = 'https://api.themoviedb.org/3';

/** A v3 API key (sent as `api_key`) or an API Read Access Token (sent as `Authorization: Bearer`), not both. */
export type TmdbCredentials = { apiKey: string; readAccessToken?: undefined } | { readAccessToken: string; apiKey?: undefined };

/**
 * Defaults: the real service; 40 requests sent per second (TMDB's documented ceiling, research §1.6) and
 * 20 in flight (the CDN's connection limit); 5 attempts with full-jitter backoff from 0.5 s.
 */
export type TmdbClientOptions = TmdbCredentials & SourceClientOptions;

export interface TmdbSearchParams {
  query: string;
  year?: number;
}

/** One TMDB record as sent, checked only to be a JSON object. */
export type TmdbRecord = z.output<typeof jsonObjectSchema>;

const genreListSchema = z.looseObject({ genres: z.array(z.custom<JsonValue>()) });
export type TmdbGenreList = z.output<typeof genreListSchema>;

export interface TmdbClient extends FilmSource {
  popularPage(page: number, call?: SourceCallOptions): Promise<TmdbListPage>;
  discoverPage(params: TmdbDiscoverParams, page: number, call?: SourceCallOptions): Promise<TmdbListPage>;
  searchMovies(params: TmdbSearchParams, page: number, call?: SourceCallOptions): Promise<TmdbListPage>;
  /** `GET /movie/{id}`; an unknown id throws `HttpRefusalError` with reason `not-found` at once. */
  movie(id: number, options?: { appendToResponse?: readonly string[] } & SourceCallOptions): Promise<TmdbRecord>;
  genres(call?: SourceCallOptions): Promise<TmdbGenreList>;
}

/**
 * @example
 * const tmdb = createTmdbClient({ ...credentials.tmdb, onResponse: (event) => metrics.record(event) });
 * const page = await tmdb.popularPage(1);
 */
export function createTmdbClient(options: TmdbClientOptions): TmdbClient {
  const { apiKey, readAccessToken } = options;
  if (!apiKey && !readAccessToken) {
    throw new ConfigError('The TMDB client needs a credential: set TMDB_API_KEY (v3 API key) or TMDB_READ_ACCESS_TOKEN (API Read Access Token).');
  }
  const { getJson } = createSourceHttp(options, {
    profile: tmdbProfile(readAccessToken ? 'token' : 'key'),
    baseUrl: TMDB_BASE_URL,
    headers: readAccessToken ? { accept: 'application/json', authorization: `Bearer ${readAccessToken}` } : { accept: 'application/json' },
    authQuery: readAccessToken ? {} : { api_key: apiKey ?? '' },
    secrets: [apiKey ?? '', readAccessToken ?? ''],
    rateLimit: { limit: 40, windowMs: 1000, concurrency: 20, marginMs: 0, countFrom: 'request' },
  });
  const listPage = async (path: string, query: Record<string, string | number | undefined>, page: number, call: SourceCallOptions = {}) => {
    checkPage(path, page);
    return getJson(path, { ...query, page }, tmdbListPageSchema, call.signal);
  };
  return {
    popularPage: (page, call) => listPage('/movie/popular', {}, page, call),
    discoverPage: (params, page, call) => listPage('/discover/movie', { ...params }, page, call),
    searchMovies: (params, page, call) => listPage('/search/movie', { ...params }, page, call),
    async movie(id, movieOptions = {}) {
      if (!Number.isInteger(id) || id < 1) throw new NonRetriableError(`TMDB movie ids are positive integers; got ${id}.`);
      return getJson(`/movie/${id}`, { append_to_response: movieOptions.appendToResponse?.join(',') }, jsonObjectSchema, movieOptions.signal);
    },
    genres: (call = {}) => getJson('/genre/movie/list', {}, genreListSchema, call.signal),
  };
}

/** TMDB answers pages outside 1..500 with HTTP 400, status_code 22 (research §1.3); no need to ask. */
function checkPage(path: string, page: number): void {
  if (Number.isInteger(page) && page >= 1 && page <= TMDB_MAX_PAGE) return;
  throw new NonRetriableError(`TMDB GET ${path}?page=${page} was not sent: pages start at 1 and max at ${TMDB_MAX_PAGE}.`);
}

const errorBodySchema = z.object({ status_code: z.number(), status_message: z.string() });
const legacyErrorBodySchema = z.object({ errors: z.array(z.string()) });

/** Errors are `{success:false, status_code, status_message}` (§1.5); the legacy 422 is `{errors:[…]}`. */
function tmdbProfile(credential: 'key' | 'token'): ServiceProfile {
  const sent = credential === 'key' ? 'the API key (TMDB_API_KEY, sent as api_key)' : 'the read access token (TMDB_READ_ACCESS_TOKEN, sent as a Bearer token)';
  return {
    name: 'TMDB',
    explain(body) {
      const error = errorBodySchema.safeParse(body);
      if (error.success) return `status_code ${error.data.status_code}: ${error.data.status_message}`;
      const legacy = legacyErrorBodySchema.safeParse(body);
      return legacy.success ? legacy.data.errors.join('; ') : undefined;
    },
    refusesCredential(body) {
      const code = errorBodySchema.safeParse(body).data?.status_code;
      return code === 3 || code === 7;
    },
    authHelp:
      `TMDB did not accept ${sent}. Set TMDB_API_KEY to a valid v3 API key or TMDB_READ_ACCESS_TOKEN to a valid ` +
      'API Read Access Token (both are on themoviedb.org under Settings → API).',
  };
}
