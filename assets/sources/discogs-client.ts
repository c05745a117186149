/**
 * Discogs v2 over HTTP: database search (the raw layer's source), one release, one master. Throttled by a
 * moving window steered by the `X-Discogs-Ratelimit*` headers; envelopes validated, records raw.
 */
import { z } from 'zod';
import { ConfigError, NonRetriableError } from 'medallion';
import { DISCOGS_MAX_SEARCH_PAGES, discogsSearchPageSchema, type DiscogsSearchPage } from './discogs-schemas.ts';
import { jsonObjectSchema, type ServiceProfile } from './http/fetch-json.ts';
import type { ServerWindow } from './http/moving-window-limiter.ts';
import { createSourceHttp, type SourceClientOptions } from './http/source-http.ts';
import type { DiscogsSearchParams, ReleaseSource, SourceCallOptions } from './source.ts';

export const DISCOGS_BASE_URL = 'https://api.discogs.com';
/** Requests per minute by tier (research §2.4): with a token, and without. */
export const DISCOGS_AUTHENTICATED_LIMIT = 60;
export const DISCOGS_ANONYMOUS_LIMIT = 25;

/**
 * Defaults: the real service; 60 requests per 60 s moving window with a token (25 without), each counted
 * until 60.1 s after its response; 4 in flight; 5 attempts with full-jitter backoff from 0.5 s.
 */
export interface DiscogsClientOptions extends SourceClientOptions {
  /** A personal access token, sent as `Authorization: Discogs token=…`. */
  token?: string;
  /** Required by Discogs: identifies the application, e.g. `MyApp/1.0 +https://example.org`. */
  userAgent: string;
}

/** One Discogs record as sent, checked only to be a JSON object. */
export type DiscogsRecord = z.output<typeof jsonObjectSchema>;

export interface DiscogsClient extends ReleaseSource {
  search(params: DiscogsSearchParams, page: number, call?: SourceCallOptions): Promise<DiscogsSearchPage>;
  /** `GET /releases/{id}`; an unknown id throws `HttpRefusalError` with reason `not-found` at once. */
  release(id: number, call?: SourceCallOptions): Promise<DiscogsRecord>;
  master(id: number, call?: SourceCallOptions): Promise<DiscogsRecord>;
}

/**
 * @example
 * const discogs = createDiscogsClient({ ...credentials.discogs });
 * const page = await discogs.search({ genre: 'Stage & Screen', style: 'Soundtrack', year: 1999, type: 'release' }, 1);
 */
export function createDiscogsClient(options: DiscogsClientOptions): DiscogsClient {
  const { token, userAgent } = options;
  if (!userAgent?.trim()) {
    throw new ConfigError('The Discogs client needs a User-Agent that identifies the application: set DISCOGS_USER_AGENT (e.g. "MyApp/1.0 +https://example.org").');
  }
  const headers: Record<string, string> = { 'user-agent': userAgent, accept: 'application/vnd.discogs.v2.discogs+json' };
  if (token) headers.authorization = `Discogs token=${token}`;
  const { getJson } = createSourceHttp(options, {
    profile: discogsProfile(token !== undefined && token !== ''),
    baseUrl: DISCOGS_BASE_URL,
    headers,
    authQuery: {},
    secrets: [token ?? ''],
    rateLimit: { limit: token ? DISCOGS_AUTHENTICATED_LIMIT : DISCOGS_ANONYMOUS_LIMIT, windowMs: 60_000, concurrency: 4, marginMs: 100, countFrom: 'response' },
    readServerWindow: readDiscogsRateLimit,
  });
  const search = async (params: DiscogsSearchParams, page: number, call: SourceCallOptions = {}) => {
    // Discogs answers a page past 100 with a 403, which would read as a refused token: it is never asked.
    if (!Number.isInteger(page) || page < 1 || page > DISCOGS_MAX_SEARCH_PAGES) {
      throw new NonRetriableError(`Discogs GET /database/search: page ${page} was not sent; pages start at 1 and max at ${DISCOGS_MAX_SEARCH_PAGES}.`);
    }
    return getJson('/database/search', { ...params, page }, discogsSearchPageSchema, call.signal);
  };
  const byId = async (kind: 'releases' | 'masters', id: number, call: SourceCallOptions = {}) => {
    if (!Number.isInteger(id) || id < 1) throw new NonRetriableError(`Discogs ${kind} ids are positive integers; got ${id}.`);
    return getJson(`/${kind}/${id}`, {}, jsonObjectSchema, call.signal);
  };
  return {
    search,
    release: (id, call) => byId('releases', id, call),
    master: (id, call) => byId('masters', id, call),
  };
}

/** `X-Discogs-Ratelimit` and `-Remaining` are on every response, 429s included; `-Used` is not monotonic. */
export function readDiscogsRateLimit(headers: Headers): ServerWindow {
  const read = (name: string) => {
    const value = Number.parseInt(headers.get(name) ?? '', 10);
    return Number.isInteger(value) && value >= 0 ? value : undefined;
  };
  const limit = read('x-discogs-ratelimit');
  const remaining = read('x-discogs-ratelimit-remaining');
  return { ...(limit === undefined ? {} : { limit }), ...(remaining === undefined ? {} : { remaining }) };
}

const errorBodySchema = z.object({ message: z.string() });

/** Errors are `{"message": "…"}`; a 403 without one is Cloudflare refusing a missing or generic User-Agent. */
function discogsProfile(hasToken: boolean): ServiceProfile {
  const tokenHelp = hasToken
    ? 'Check that DISCOGS_TOKEN is a valid personal access token (discogs.com → Settings → Developers)'
    : 'No token was sent: set DISCOGS_TOKEN to a personal access token (discogs.com → Settings → Developers)';
  return {
    name: 'Discogs',
    explain: (body) => errorBodySchema.safeParse(body).data?.message,
    authHelp: `${tokenHelp}, and that DISCOGS_USER_AGENT identifies the application (e.g. "MyApp/1.0 +https://example.org"); Discogs refuses missing or generic User-Agents.`,
  };
}
