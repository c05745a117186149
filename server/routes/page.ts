/**
 * The pages: the lineage page at `GET /` and `GET /lineage.html` (script `/lineage.js`), and the runs page at
 * `GET /runs` for a browser (script `/runs.js`). Served with a Content-Security-Policy that allows nothing
 * from elsewhere: the pages work offline.
 */
import { Hono, type Context } from 'hono';
import { accepts } from 'hono/accepts';
import { secureHeaders } from 'hono/secure-headers';
import type { AppEnv } from '../app-env.ts';
import { LINEAGE_HTML } from '../page/lineage-html.ts';
import { LINEAGE_SCRIPT } from '../page/lineage-script.ts';
import { RUNS_HTML } from '../page/runs-html.ts';
import { RUNS_SCRIPT } from '../page/runs-script.ts';

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
  const script = (body: string) => (c: Context) => c.body(body, 200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-cache' });
  for (const path of ['/', '/lineage.html']) routes.get(path, headers, (c) => c.html(LINEAGE_HTML));
  routes.get('/lineage.js', headers, script(LINEAGE_SCRIPT));

  // `/runs` is also the JSON list of runs (routes/runs.ts, registered after this): the page answers only a
  // request that prefers HTML, and passes any other on.
  routes.get('/runs', async (c, next) => {
    if (!prefersHtml(c)) {
      await next();
      if (!/\baccept\b/i.test(c.res.headers.get('Vary') ?? '')) c.header('Vary', 'Accept', { append: true });
      return;
    }
    c.header('Vary', 'Accept');
    await headers(c, async () => { c.res = c.html(RUNS_HTML); });
    return c.res;
  });
  routes.get('/runs.js', headers, script(RUNS_SCRIPT));

  return routes;
}

function prefersHtml(c: Context): boolean {
  return accepts(c, { header: 'Accept', supports: ['application/json', 'text/html'], default: 'application/json' }) === 'text/html';
}
