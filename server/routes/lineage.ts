/**
 * `GET /lineage`: the asset graph with each asset's status, as JSON (`{ assets, edges }`) or as a Mermaid
 * flowchart. `?format=json|mermaid` decides; otherwise the `Accept` header (`text/vnd.mermaid` or
 * `text/plain` → Mermaid), JSON by default.
 */
import { Hono } from 'hono';
import { accepts } from 'hono/accepts';
import { z } from 'zod';
import { lineageOf, lineageToMermaid, StalenessResolver } from '../../runtime/index.ts';
import { Ledger } from '../../runtime/internal.ts';
import type { AppEnv } from '../app-env.ts';
import { validateQuery } from '../middleware/validate.ts';

export const lineageQuery = z.object({ format: z.enum(['json', 'mermaid']).optional() });

const MEDIA_TYPES = ['application/json', 'text/vnd.mermaid', 'text/plain'] as const;

export function lineageRoutes() {
  const routes = new Hono<AppEnv>();

  routes.get('/', validateQuery(lineageQuery), async (c) => {
    const { graph, lake } = c.var;
    const resolver = new StalenessResolver(graph, new Ledger(lake));
    const statuses = new Map(await Promise.all(graph.keys.map(async (key) => [key, (await resolver.assetStatus(key)).status] as const)));
    const lineage = lineageOf(graph, statuses);
    c.header('Vary', 'Accept');
    const format = c.req.valid('query').format ?? (negotiated(c) === 'application/json' ? 'json' : 'mermaid');
    if (format === 'json') return c.json(lineage);
    return c.body(lineageToMermaid(lineage), 200, { 'Content-Type': 'text/vnd.mermaid; charset=utf-8' });
  });

  return routes;
}

function negotiated(c: Parameters<typeof accepts>[0]): (typeof MEDIA_TYPES)[number] {
  return accepts(c, { header: 'Accept', supports: [...MEDIA_TYPES], default: 'application/json' }) as (typeof MEDIA_TYPES)[number];
}
