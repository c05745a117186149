/**
 * `createEmulator`: TMDB v3 and Discogs v2 on one Hono app over one catalogue, with the services' auth,
 * rate limits and errors, faults by configuration, request stats, and an in-process `fetch`.
 */
import { Hono, type MiddlewareHandler } from 'hono';
import { buildCatalogue, type Catalogue } from './catalogue.ts';
import { createDiscogsRoutes } from './discogs-routes.ts';
import type { EmulatorEnv, SharedService, Sleep } from './emulator-env.ts';
import { realSleep } from './fault-middleware.ts';
import { createFaults, type FaultOptions, type Faults } from './faults.ts';
import { createInProcessFetch } from './in-process-fetch.ts';
import { IN_PROCESS_ORIGIN } from './in-process-defaults.ts';
import { createDiscogsService, createTmdbService, type DiscogsOptions, type TmdbOptions } from './service-options.ts';
import { describeRequest } from './request-info.ts';
import type { Clock } from './rate-limits.ts';
import { createStats, type Stats } from './stats.ts';
import { createTmdbRoutes } from './tmdb-routes.ts';

export type { DiscogsOptions, TmdbOptions } from './service-options.ts';

export interface EmulatorOptions {
  /** The world to serve; default `buildCatalogue({ films, seed })`. */
  catalogue?: Catalogue;
  films?: number;
  seed?: number;
  tmdb?: TmdbOptions;
  discogs?: DiscogsOptions;
  faults?: FaultOptions;
  /** Milliseconds; drives the rate-limit windows. Default `Date.now`. */
  clock?: Clock;
  /** How `slow` faults wait; default setTimeout, cut short when the client aborts. */
  sleep?: Sleep;
}

export interface Emulator {
  readonly app: Hono<EmulatorEnv>;
  /** The app as `fetch`, in-process: any origin works, e.g. `${emulator.urls.tmdb}/movie/popular`. */
  readonly fetch: typeof fetch;
  readonly catalogue: Catalogue;
  readonly stats: Stats;
  readonly faults: Faults;
  /** Base URLs for the in-process fetch (`TMDB_BASE_URL`, `DISCOGS_BASE_URL`). */
  readonly urls: { readonly tmdb: string; readonly discogs: string };
  /** Empties both rate-limit windows. */
  resetRateLimits(): void;
}


/**
 * @example
 * const emulator = createEmulator({ films: 2_000, discogs: { rateLimit: false } });
 * const res = await emulator.fetch(`${emulator.urls.tmdb}/movie/popular?page=1&api_key=${DEFAULT_CREDENTIALS.tmdbApiKey}`);
 */
export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const catalogue = options.catalogue ?? buildCatalogue({ films: options.films, seed: options.seed });
  const stats = createStats();
  const faults = createFaults(options.faults, catalogue.seed);
  const shared: SharedService = { faults, clock: options.clock ?? Date.now, sleep: options.sleep ?? realSleep };
  const tmdb = createTmdbService(catalogue, options.tmdb);
  const discogs = createDiscogsService(catalogue, options.discogs);
  const app = new Hono<EmulatorEnv>();
  app.use('*', recordRequests(stats, shared.clock));
  app.route('/tmdb/3', createTmdbRoutes(tmdb, shared));
  app.route('/discogs', createDiscogsRoutes(discogs, shared));
  app.all('*', (c) => c.json({ message: 'Not an emulated API: the emulator serves /tmdb/3/… and /discogs/….' }, 404));
  app.onError((error, c) => {
    // A client that gave up on a slow response aborts its request; there is nobody left to answer.
    if (c.req.raw.signal.aborted) return c.body(null, 499 as 500);
    console.error('[emulator]', error);
    return c.json({ message: 'Emulator error.' }, 500);
  });
  return {
    app,
    fetch: createInProcessFetch(app),
    catalogue,
    stats,
    faults,
    urls: { tmdb: `${IN_PROCESS_ORIGIN}/tmdb/3`, discogs: `${IN_PROCESS_ORIGIN}/discogs` },
    resetRateLimits() {
      tmdb.limiter?.reset();
      discogs.limiter?.reset();
    },
  };
}

/** Describes each request for the routes (context variable `request`) and records what was served. */
function recordRequests(stats: Stats, clock: Clock): MiddlewareHandler<EmulatorEnv> {
  return async (c, next) => {
    const request = describeRequest(new URL(c.req.url));
    const at = clock();
    c.set('request', request);
    c.set('fault', undefined);
    await next();
    const fault = c.get('fault');
    stats.record({ ...request, status: fault?.kind === 'reset' ? 0 : c.res.status, at, ...(fault === undefined ? {} : { fault: fault.kind }) });
  };
}
