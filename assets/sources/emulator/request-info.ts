/**
 * How the emulator names a request for its stats and fault rules: which API, the endpoint pattern, the
 * path inside the API, the query normalized (sorted, without page and credentials) and the page.
 */

export type ApiName = 'tmdb' | 'discogs' | 'other';

export interface RequestInfo {
  readonly api: ApiName;
  /** The path inside the API with ids replaced: `/movie/:id`, `/releases/:id`, `/database/search`. */
  readonly endpoint: string;
  /** The path inside the API, e.g. `/movie/popular` (after `/tmdb/3`) or `/database/search` (after `/discogs`). */
  readonly path: string;
  /** Query parameters except credentials (`api_key`, `token`, `key`, `secret`); `page` included. */
  readonly params: Readonly<Record<string, string>>;
  /** `params` without `page`, sorted by name, URL-encoded: `per_page=100&q=score&type=release`. */
  readonly query: string;
  /** `page` as a number; 1 when absent; null when not a number. */
  readonly page: number | null;
}

/** Where each API lives on the emulator's origin. */
export const API_PREFIXES: Readonly<Record<Exclude<ApiName, 'other'>, string>> = { tmdb: '/tmdb/3', discogs: '/discogs' };

const CREDENTIAL_PARAMS = new Set(['api_key', 'token', 'key', 'secret']);

export function describeRequest(url: URL): RequestInfo {
  const { api, path } = splitPath(url.pathname);
  const params: Record<string, string> = {};
  for (const [name, value] of url.searchParams) if (!CREDENTIAL_PARAMS.has(name)) params[name] = value;
  const query = Object.keys(params)
    .filter((name) => name !== 'page')
    .sort()
    .map((name) => `${encodeURIComponent(name)}=${encodeURIComponent(params[name]!)}`)
    .join('&');
  const rawPage = params.page;
  const page = rawPage === undefined ? 1 : /^\d+$/.test(rawPage) ? Number(rawPage) : null;
  return { api, endpoint: path.replace(/\/\d+(?=\/|$)/g, '/:id'), path, params, query, page };
}

function splitPath(pathname: string): { api: ApiName; path: string } {
  for (const [api, prefix] of Object.entries(API_PREFIXES) as Array<[ApiName, string]>) {
    if (pathname === prefix || pathname.startsWith(`${prefix}/`)) return { api, path: pathname.slice(prefix.length) || '/' };
  }
  return { api: 'other', path: pathname };
}
