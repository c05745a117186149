/**
 * What the emulator's route modules share: the Hono env (the request's description and its fault as
 * context variables; the raw Node socket when served over HTTP) and the services' state.
 */
import type { HttpBindings } from '@hono/node-server';
import type { Catalogue } from './catalogue.ts';
import type { ActiveFault, Faults } from './faults.ts';
import type { FilmIndex } from './film-index.ts';
import type { Clock, MovingWindow } from './rate-limits.ts';
import type { RequestInfo } from './request-info.ts';
import type { SearchIndex } from './search-index.ts';

export interface EmulatorEnv {
  /** Present only when served by @hono/node-server; the in-process fetch has none. */
  Bindings: Partial<HttpBindings> | undefined;
  Variables: {
    request: RequestInfo;
    fault: ActiveFault | undefined;
  };
}

export type Sleep = (ms: number, signal: AbortSignal) => Promise<void>;

export interface TmdbService {
  readonly catalogue: Catalogue;
  readonly index: FilmIndex;
  readonly apiKeys: ReadonlySet<string>;
  readonly bearerTokens: ReadonlySet<string>;
  /** Requests per second over a 1 s moving window; undefined: no limit. */
  readonly limiter: MovingWindow | undefined;
  readonly requestsPerSecond: number;
  readonly retryAfterSeconds: number | undefined;
  /** 422 `{"errors":[…]}` for pages beyond 500 instead of today's 400 code 22 (the older behaviour). */
  readonly legacyPageError: boolean;
}

export interface DiscogsService {
  readonly catalogue: Catalogue;
  readonly index: SearchIndex;
  readonly tokens: ReadonlySet<string>;
  /** `key:secret` pairs. */
  readonly consumers: ReadonlySet<string>;
  readonly requireAuth: 'search' | 'all';
  readonly limiter: MovingWindow | undefined;
  readonly limit: number;
  readonly unauthenticatedLimit: number;
}

export interface SharedService {
  readonly faults: Faults;
  readonly clock: Clock;
  readonly sleep: Sleep;
}
