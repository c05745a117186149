/**
 * Discogs' pagination: `per_page` (default 50, clamped to 100), search depth clamped to 100 pages, the
 * `pagination` object whose `urls` hold only the neighbours that exist, and the same links in a `Link` header.
 */

export const DEFAULT_PER_PAGE = 50;
export const MAX_PER_PAGE = 100;
/** Observed clamp of `pagination.pages` for `/database/search` (research §2.2). */
export const MAX_SEARCH_PAGES = 100;

export interface DiscogsPagination {
  page: number;
  pages: number;
  per_page: number;
  items: number;
  urls: { first?: string; prev?: string; next?: string; last?: string };
}

/** `per_page` as Discogs reads it: missing or not a positive whole number → 50; above 100 → 100. */
export function perPageOf(raw: string | undefined): number {
  const value = raw === undefined || !/^\d+$/.test(raw) ? 0 : Number(raw);
  return value < 1 ? DEFAULT_PER_PAGE : Math.min(value, MAX_PER_PAGE);
}

/** `page` as Discogs reads it: missing or not a positive whole number → 1. */
export function pageOf(raw: string | undefined): number {
  const value = raw === undefined || !/^\d+$/.test(raw) ? 0 : Number(raw);
  return value < 1 ? 1 : value;
}

/**
 * The pagination object and `Link` header for `page` of `items`. Page 1 has only `last` and `next`; a single
 * page has `urls: {}`. Links repeat the request's parameters (credentials dropped) with `per_page` and `page` last.
 */
export function paginate(requestUrl: URL, items: number, page: number, perPage: number): { pagination: DiscogsPagination; link: string | undefined } {
  const pages = Math.max(1, Math.min(MAX_SEARCH_PAGES, Math.ceil(items / perPage)));
  const url = (target: number) => {
    const params = new URLSearchParams();
    for (const [name, value] of requestUrl.searchParams) {
      if (!['page', 'per_page', 'token', 'key', 'secret'].includes(name)) params.append(name, value);
    }
    params.set('per_page', String(perPage));
    params.set('page', String(target));
    return `${requestUrl.origin}${requestUrl.pathname}?${params.toString()}`;
  };
  const urls: DiscogsPagination['urls'] = {};
  if (page > 1) Object.assign(urls, { first: url(1), prev: url(Math.min(page - 1, pages)) });
  if (page < pages) Object.assign(urls, { next: url(page + 1), last: url(pages) });
  const rels = (['first', 'prev', 'next', 'last'] as const).filter((rel) => urls[rel] !== undefined);
  const link = rels.length === 0 ? undefined : rels.map((rel) => `<${urls[rel]}>; rel=${rel}`).join(', ');
  return { pagination: { page, pages, per_page: perPage, items, urls }, link };
}
