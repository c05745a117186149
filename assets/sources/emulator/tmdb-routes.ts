/**
 * TMDB v3 under `/tmdb/3`: `/movie/popular`, `/discover/movie`, `/search/movie`, `/movie/{id}` and
 * `/genre/movie/list`, behind the CDN's rate limit and the api_key / Bearer check. 20 per page, true
 * totals, pages 1–500 only; unknown query parameters ignored, as TMDB does.
 */
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import type { EmulatorEnv, SharedService, TmdbService } from './emulator-env.ts';
import { injectFaults } from './fault-middleware.ts';
import { appendedResources, movieDetails, TMDB_GENRES } from './film-details.ts';
import { createRecordJson } from './record-json.ts';
import { tmdbFaultResponse, tmdbInvalidPage, tmdbJson, tmdbNotFound, tmdbTooManyRequests, tmdbUnauthorized, tmdbError } from './tmdb-responses.ts';

export const TMDB_PAGE_SIZE = 20;
export const TMDB_MAX_PAGE = 500;
const MAX_APPENDED = 20;

export function createTmdbRoutes(service: TmdbService, shared: SharedService): Hono<EmulatorEnv> {
  const app = new Hono<EmulatorEnv>();
  const { index } = service;
  const records = createRecordJson({ record: (position) => index.films[position]! }, shared.faults);
  app.use('*', tmdbRateLimit(service, shared), tmdbAuth(service), injectFaults(shared, tmdbFaultResponse(service.requestsPerSecond, service.retryAfterSeconds)));

  /** A list page: 20 records of `list()`, with the true totals (never capped at 500 pages). */
  const listPage = (c: Context<EmulatorEnv>, list: () => readonly number[]): Response => {
    const request = c.get('request');
    const page = request.page;
    if (page === null || page < 1 || page > TMDB_MAX_PAGE) return tmdbInvalidPage(service.legacyPageError);
    const positions = list();
    const slice = positions.slice((page - 1) * TMDB_PAGE_SIZE, page * TMDB_PAGE_SIZE);
    const totalPages = Math.max(1, Math.ceil(positions.length / TMDB_PAGE_SIZE));
    const tail = `,"total_pages":${totalPages},"total_results":${positions.length}}`;
    return tmdbJson(records.page({ head: `{"page":${page},"results":`, positions: slice, tail }, c.get('fault'), request));
  };

  app.get('/movie/popular', (c) => listPage(c, () => index.popular()));
  app.get('/discover/movie', (c) => listPage(c, () => index.discover(c.get('request').params)));
  app.get('/search/movie', (c) => listPage(c, () => index.search(c.get('request').params)));
  app.get('/genre/movie/list', () => tmdbJson(JSON.stringify({ genres: TMDB_GENRES })));
  app.get('/movie/:id', (c) => {
    const id = c.req.param('id');
    const film = /^\d+$/.test(id) ? index.byId(Number(id)) : undefined;
    if (film === undefined) return tmdbNotFound();
    const appended = (c.req.query('append_to_response') ?? '').split(',').map((name) => name.trim()).filter((name) => name !== '');
    if (appended.length > MAX_APPENDED) return tmdbError(400, 27, 'Too many append to response objects: The maximum number of remote calls is 20.');
    const facts = service.catalogue.filmFacts.get(film.id);
    const details = movieDetails(film, facts, service.catalogue.seed);
    return tmdbJson(JSON.stringify({ ...details, ...appendedResources(film, facts, details, appended) }));
  });
  app.all('*', () => tmdbNotFound());
  return app;
}

/** A valid `api_key` query parameter or `Authorization: Bearer <token>`; otherwise 401 code 7, on any path. */
function tmdbAuth(service: TmdbService): MiddlewareHandler<EmulatorEnv> {
  return async (c, next) => {
    const apiKey = c.req.query('api_key');
    const bearer = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
    const isValid = (apiKey !== undefined && service.apiKeys.has(apiKey)) || (bearer !== undefined && service.bearerTokens.has(bearer));
    return isValid ? next() : tmdbUnauthorized();
  };
}

/** The CDN's per-second limit, checked before anything else; refused requests are not counted. */
function tmdbRateLimit(service: TmdbService, shared: SharedService): MiddlewareHandler<EmulatorEnv> {
  return async (c, next) => {
    if (service.limiter === undefined || service.limiter.take(shared.clock()).isAllowed) return next();
    return tmdbTooManyRequests(service.requestsPerSecond, service.retryAfterSeconds);
  };
}
