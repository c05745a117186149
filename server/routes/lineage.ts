/**
 * `GET /lineage`: the asset graph with each asset's status, as JSON (`{ assets, edges }`) or as a Mermaid
 * flowchart. `?format=json|mermaid` decides; otherwise the `Accept` header (`text/vnd.mermaid` or
 * `text/plain` → Mermaid), JSON by default.
 */
import { Hono } from 'hono';
import { accepts } from 'hono/accepts';
import { etag } from 'hono/etag';
import { z } from 'zod';
import { lineageOf, lineageToMermaid } from '../../runtime/index.ts';
import { resolverFor } from '../../runtime/internal.ts';
import { AnswerCache } from '../answer-cache.ts';
import type { AppEnv } from '../app-env.ts';
import { nextDueAt } from '../asset-views.ts';
import { jsonAnswer, statusesFingerprint } from '../lake-fingerprints.ts';
import { validateQuery } from '../middleware/validate.ts';

export const lineageQuery = z.object({ format: z.enum(['json', 'mermaid']).optional() });

const MEDIA_TYPES = ['application/json', 'text/vnd.mermaid', 'text/plain'] as const;

export function lineageRoutes(cache = new AnswerCache()) {
  const routes = new Hono<AppEnv>();

  routes.get('/', etag(), validateQuery(lineageQuery), async (c) => {
    const { graph, lake } = c.var;
    c.header('Vary', 'Accept');
    const format = c.req.valid('query').format ?? (negotiated(c) === 'application/json' ? 'json' : 'mermaid');
    return cache.respond(c, {
      variant: `lineage ${format}`,
      ...statusesFingerprint(graph, lake),
      compute: async () => {
        const now = Date.now();
        const resolver = resolverFor(graph, lake, () => now);
        const statuses = new Map(await Promise.all(graph.keys.map(async (key) => [key, (await resolver.assetStatus(key)).status] as const)));
        const lineage = lineageOf(graph, statuses);
        const expiresAt = await nextDueAt(graph, resolver, now);
        if (format === 'json') return jsonAnswer(lineage, expiresAt);
        return { body: lineageToMermaid(lineage), contentType: 'text/vnd.mermaid; charset=utf-8', expiresAt };
      },
    });
  });

  return routes;
}

function negotiated(c: Parameters<typeof accepts>[0]): (typeof MEDIA_TYPES)[number] {
  return accepts(c, { header: 'Accept', supports: [...MEDIA_TYPES], default: 'application/json' }) as (typeof MEDIA_TYPES)[number];
}
