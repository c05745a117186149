/**
 * `/runs`: the recent runs (`GET /runs?limit=N` → `{ runs, unreadable }`) and one run's summary
 * (`GET /runs/:runId`), read from the lake's run summaries. JSON only: a browser page for the same paths may be
 * registered before these routes and hand JSON requests on with `next()`, so every answer here, errors too,
 * says `Vary: Accept` for caches.
 */
import { Hono, type MiddlewareHandler } from 'hono';
import { etag } from 'hono/etag';
import { z } from 'zod';
import { DEFAULT_RUN_LIMIT, listRuns, readRun, SelectionError } from '../../runtime/index.ts';
import { didYouMean } from '../../runtime/internal.ts';
import { ApiError } from '../api-error.ts';
import { AnswerCache } from '../answer-cache.ts';
import type { AppEnv } from '../app-env.ts';
import { jsonAnswer, runHistoryFingerprint } from '../lake-fingerprints.ts';
import { validateParams, validateQuery } from '../middleware/validate.ts';

export const runsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(DEFAULT_RUN_LIMIT).describe('how many of the newest runs'),
});
export const runParams = z.object({ runId: z.string().min(1).max(128) });

export function runsRoutes(cache = new AnswerCache()) {
  const routes = new Hono<AppEnv>();
  routes.use(varyOnAccept);

  routes.get('/', etag(), validateQuery(runsQuery), async (c) => {
    const { lake } = c.var;
    const { limit } = c.req.valid('query');
    return cache.respond(c, { variant: `runs ${limit}`, ...runHistoryFingerprint(lake), compute: async () => jsonAnswer(await listRuns(lake, { limit })) });
  });

  routes.get('/:runId', validateParams(runParams), async (c) => {
    const { runId } = c.req.valid('param');
    try {
      return c.json(await readRun(c.var.lake, runId));
    } catch (error) {
      if (!(error instanceof SelectionError && error.code === 'SELECTION_UNKNOWN_KEY')) throw error;
      const suggestions = error.suggestions;
      throw new ApiError(404, 'RUN_NOT_FOUND', `No run "${runId}".${didYouMean(suggestions)} GET /runs lists the recent runs.`, { details: { suggestions } });
    }
  });

  return routes;
}

/** After the answer (or the error handler's), so error responses carry it too; once, whoever set it first. */
const varyOnAccept: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  const vary = c.res.headers.get('Vary') ?? '';
  if (!/(^|,)\s*(accept|\*)\s*(,|$)/i.test(vary)) c.header('Vary', 'Accept', { append: true });
};
