/**
 * `GET /report`: the pipeline's latest data in figures, for the runs page: rows per stage and the score histogram
 * with its acceptance threshold, as the assets declare them (`report` in `defineAsset`; see pipeline-report.ts).
 */
import { Hono } from 'hono';
import { etag } from 'hono/etag';
import { z } from 'zod';
import { Ledger } from '../../runtime/internal.ts';
import { AnswerCache } from '../answer-cache.ts';
import type { AppEnv } from '../app-env.ts';
import { jsonAnswer } from '../lake-fingerprints.ts';
import { validateQuery } from '../middleware/validate.ts';
import { lastScoreColumns, reportFingerprint, scoreHistogram, stageCounts } from '../pipeline-report.ts';

export const reportQuery = z.object({
  // 0.02 puts the matcher's threshold (0.88) on a bin edge.
  binWidth: z.coerce.number().min(0.005).max(0.25).default(0.02).describe('width of the score bins'),
});

export function reportRoutes(cache = new AnswerCache()) {
  const routes = new Hono<AppEnv>();
  const readColumns = lastScoreColumns();

  routes.get('/', etag(), validateQuery(reportQuery), async (c) => {
    const { graph, lake } = c.var;
    const { binWidth } = c.req.valid('query');
    return cache.respond(c, {
      variant: `report ${binWidth}`,
      fingerprint: 'report',
      readFingerprint: () => reportFingerprint(graph, lake),
      compute: async () => {
        const ledger = new Ledger(lake);
        const [stages, scores] = await Promise.all([stageCounts(graph, ledger), scoreHistogram(graph, ledger, binWidth, readColumns)]);
        return jsonAnswer({ stages, scores });
      },
    });
  });

  return routes;
}
