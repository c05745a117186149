/**
 * The lineage page: `GET /` and `GET /lineage.html` (the HTML), `GET /lineage.js` (its script). Served with a
 * Content-Security-Policy that allows nothing from elsewhere: the page works offline.
 */
import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { AppEnv } from '../app-env.ts';
import { LINEAGE_HTML } from '../page/lineage-html.ts';
import { LINEAGE_SCRIPT } from '../page/lineage-script.ts';

export function pageRoutes() {
  const routes = new Hono<AppEnv>();
  const headers = secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'none'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'unsafe-inline'"],
      connectSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      baseUri: ["'none'"],
    },
  });
  for (const path of ['/', '/lineage.html']) routes.get(path, headers, (c) => c.html(LINEAGE_HTML));
  routes.get('/lineage.js', headers, (c) => c.body(LINEAGE_SCRIPT, 200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-cache' }));

  return routes;
}
