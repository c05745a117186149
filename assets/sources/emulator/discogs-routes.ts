/**
 * Discogs v2 under `/discogs`: `/database/search` (filters, pagination object and Link header, depth clamped
 * to 100 pages), `/releases/{id}` and `/masters/{id}`, behind the rate limit, the User-Agent and auth checks.
 */
import { Hono } from 'hono';
import { MAX_SEARCH_PAGES, pageOf, paginate, perPageOf } from './discogs-pagination.ts';
import { discogsAuth, discogsRateLimit, requireUserAgent } from './discogs-guard.ts';
import { discogsError, discogsFaultResponse, discogsJson, rewriteLinks } from './discogs-responses.ts';
import type { DiscogsService, EmulatorEnv, SharedService } from './emulator-env.ts';
import { injectFaults } from './fault-middleware.ts';
import { createRecordJson } from './record-json.ts';
import { masterDetails, releaseDetails } from './release-details.ts';
import type { CatalogueRelease } from './release-records.ts';

export function createDiscogsRoutes(service: DiscogsService, shared: SharedService): Hono<EmulatorEnv> {
  const app = new Hono<EmulatorEnv>();
  const { index } = service;
  const records = createRecordJson({ record: (position) => searchResultOf(index.releases[position]!), rewrite: rewriteLinks }, shared.faults);
  const apiBase = (url: URL) => `${url.origin}/discogs`;
  app.use('*', discogsRateLimit(service, shared), requireUserAgent(), discogsAuth(service), injectFaults(shared, discogsFaultResponse));

  app.get('/database/search', (c) => {
    const request = c.get('request');
    const page = pageOf(request.params.page);
    // Unverified on the live API (research §7.1): the emulator refuses pages past the 100-page clamp outright.
    if (page > MAX_SEARCH_PAGES) return discogsError(403, 'Pagination above 100 disabled for database search.');
    const perPage = perPageOf(request.params.per_page);
    const positions = index.search(request.params);
    const url = new URL(c.req.url);
    const { pagination, link } = paginate(url, positions.length, page, perPage);
    const slice = page > pagination.pages ? [] : positions.slice((page - 1) * perPage, page * perPage);
    const parts = { head: `{"pagination":${JSON.stringify(pagination)},"results":`, positions: slice, tail: '}' };
    const body = records.page(parts, c.get('fault'), request, apiBase(url));
    return discogsJson(body, 200, link === undefined ? {} : { link });
  });
  app.get('/releases/:id', (c) => {
    const release = index.release(idOf(c.req.param('id')));
    if (release === undefined) return discogsError(404, 'Release not found.');
    return discogsJson(rewriteLinks(JSON.stringify(releaseDetails(release, service.catalogue.seed)), apiBase(new URL(c.req.url))));
  });
  app.get('/masters/:id', (c) => {
    const id = idOf(c.req.param('id'));
    const versions = index.master(id);
    if (versions === undefined) return discogsError(404, 'Master Release not found.');
    return discogsJson(rewriteLinks(JSON.stringify(masterDetails(id, versions, service.catalogue.seed)), apiBase(new URL(c.req.url))));
  });
  app.all('*', () => discogsError(404, 'The requested resource was not found.'));
  return app;
}

/** A search result as the live API sends it today: the item plus `formats` and `user_data`. */
function searchResultOf(release: CatalogueRelease) {
  const { facts } = release;
  return {
    ...release.item,
    formats: [{ name: facts.formatName, qty: '1', descriptions: [...facts.formatDescriptions] }],
    user_data: { in_wantlist: false, in_collection: false },
  };
}

function idOf(raw: string): number {
  return /^\d+$/.test(raw) ? Number(raw) : -1;
}
