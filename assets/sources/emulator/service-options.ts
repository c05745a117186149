/**
 * The emulated services' settings: accepted credentials and rate limits (defaults as the real services
 * document them), turned into the state the routes read.
 */
import type { Catalogue } from './catalogue.ts';
import type { DiscogsService, TmdbService } from './emulator-env.ts';
import { createFilmIndex } from './film-index.ts';
import { createMovingWindow } from './rate-limits.ts';
import { createSearchIndex } from './search-index.ts';
import { DEFAULT_CREDENTIALS } from './in-process-defaults.ts';

/** Credentials the emulator accepts unless told otherwise. Shaped like the real ones; worthless anywhere else. */

export interface TmdbOptions {
  apiKeys?: readonly string[];
  bearerTokens?: readonly string[];
  /** The CDN limit: 429 code 25 above `requestsPerSecond` (default 40) over a 1 s moving window; `false` turns it off. */
  rateLimit?: false | { requestsPerSecond?: number; retryAfterSeconds?: number };
  /** Answer pages beyond 500 with the older 422 `{"errors":[…]}` instead of 400 code 22. */
  legacyPageError?: boolean;
}

export interface DiscogsOptions {
  tokens?: readonly string[];
  consumers?: ReadonlyArray<{ key: string; secret: string }>;
  /** `search` (default, as documented): only `/database/search` needs credentials; `all`: every route. */
  requireAuth?: 'search' | 'all';
  /** Default 60 (authenticated) / 25 (anonymous) per 60,000 ms moving window; `false` turns it off (and its headers). */
  rateLimit?: false | { limit?: number; unauthenticatedLimit?: number; windowMs?: number };
}

export const DEFAULT_TMDB_REQUESTS_PER_SECOND = 40;
export const DEFAULT_DISCOGS_LIMIT = 60;
export const DEFAULT_DISCOGS_UNAUTHENTICATED_LIMIT = 25;
export const DEFAULT_DISCOGS_WINDOW_MS = 60_000;

export function createTmdbService(catalogue: Catalogue, options: TmdbOptions = {}): TmdbService {
  const rate = options.rateLimit === false ? undefined : (options.rateLimit ?? {});
  const requestsPerSecond = rate?.requestsPerSecond ?? DEFAULT_TMDB_REQUESTS_PER_SECOND;
  return {
    catalogue,
    index: createFilmIndex(catalogue.films),
    apiKeys: new Set(options.apiKeys ?? [DEFAULT_CREDENTIALS.tmdbApiKey]),
    bearerTokens: new Set(options.bearerTokens ?? [DEFAULT_CREDENTIALS.tmdbBearerToken]),
    limiter: rate === undefined ? undefined : createMovingWindow({ limit: requestsPerSecond, windowMs: 1_000 }),
    requestsPerSecond,
    retryAfterSeconds: rate?.retryAfterSeconds,
    legacyPageError: options.legacyPageError ?? false,
  };
}

export function createDiscogsService(catalogue: Catalogue, options: DiscogsOptions = {}): DiscogsService {
  const rate = options.rateLimit === false ? undefined : (options.rateLimit ?? {});
  const limit = rate?.limit ?? DEFAULT_DISCOGS_LIMIT;
  const consumers = options.consumers ?? [{ key: DEFAULT_CREDENTIALS.discogsKey, secret: DEFAULT_CREDENTIALS.discogsSecret }];
  return {
    catalogue,
    index: createSearchIndex(catalogue.releases),
    tokens: new Set(options.tokens ?? [DEFAULT_CREDENTIALS.discogsToken]),
    consumers: new Set(consumers.map(({ key, secret }) => `${key}:${secret}`)),
    requireAuth: options.requireAuth ?? 'search',
    limiter: rate === undefined ? undefined : createMovingWindow({ limit, windowMs: rate.windowMs ?? DEFAULT_DISCOGS_WINDOW_MS }),
    limit,
    unauthenticatedLimit: rate?.unauthenticatedLimit ?? Math.min(limit, DEFAULT_DISCOGS_UNAUTHENTICATED_LIMIT),
  };
}
