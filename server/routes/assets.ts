/**
 * `/assets`: the list, one asset's detail, and `POST /assets/:key/materialize`, which sends
 * `medallion/asset.requested` to the orchestrator or, when asked (`?run=in-process`), materializes `+KEY` in
 * this process and returns the outcomes. `force` forces KEY alone, as `medallion materialize KEY --force` does:
 * its upstream is materialized only where missing or stale. A key is its path (`/assets/gold/matches`) or
 * `gold%2Fmatches`.
 */
import { Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { etag } from 'hono/etag';
import { z } from 'zod';
import { materialize, selectAssets, StalenessResolver, type OutcomeType, type RunSummary } from '../../runtime/index.ts';
import { checkAssetPartition, checkSelectionPartition, invalidPartitionReason, Ledger, PARTITION_PATTERN, resolverFor, slotLabel } from '../../runtime/internal.ts';
import { AnswerCache } from '../answer-cache.ts';
import { ApiError } from '../api-error.ts';
import type { AppEnv } from '../app-env.ts';
import { requireKnownAsset } from '../asset-lookup.ts';
import { assetDetail, assetSummary, nextDueAt } from '../asset-views.ts';
import { ASSET_REQUESTED, type AssetRequestedEvent, type SendEvent } from '../events.ts';
import { currentTraceparent } from '../inngest/trace-context.ts';
import { assetFingerprint, jsonAnswer, statusesFingerprint } from '../lake-fingerprints.ts';
import { validateJson, validateParams, validateQuery } from '../middleware/validate.ts';

// The runtime's partition rule, as a pattern so the OpenAPI document shows it.
const partition = z.string().max(128).regex(PARTITION_PATTERN, { error: (issue) => invalidPartitionReason(String(issue.input)) });
const runMode = z.enum(['inngest', 'in-process']);

export const assetKeyParams = z.object({ key: z.string().min(3).max(256) });
export const assetDetailQuery = z.object({
  partition: partition.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(20),
});
export const materializeQuery = z.object({ run: runMode.optional() });
export const materializeBody = z.strictObject({
  partition: partition.optional().describe('only this partition of the partitioned assets in +KEY'),
  force: z.boolean().optional().describe('materialize the asset even if it is fresh (its upstream only where missing or stale)'),
  run: runMode.optional().describe('"in-process" runs here and waits; "inngest" (the default) sends the request event'),
});

export interface AssetRoutesOptions {
  readonly sendEvent: SendEvent | undefined;
  readonly requireToken: MiddlewareHandler;
  readonly maxBodyBytes: number;
  /** Where the GET answers are cached (one per app; a route module alone gets its own). */
  readonly cache?: AnswerCache;
}

/** Which list of the response each outcome goes to (exhaustive: a new outcome type fails to compile). */
const BUCKET: Record<OutcomeType, 'materialized' | 'skipped' | 'failed'> = {
  materialized: 'materialized',
  skipped: 'skipped',
  failed: 'failed',
  'upstream-failed': 'failed',
};

export function assetRoutes(options: AssetRoutesOptions) {
  const routes = new Hono<AppEnv>();
  const cache = options.cache ?? new AnswerCache();

  routes.get('/', etag(), async (c) => {
    const { graph, lake } = c.var;
    return cache.respond(c, {
      variant: 'assets',
      ...statusesFingerprint(graph, lake),
      compute: async () => {
        const now = Date.now();
        const resolver = resolverFor(graph, lake, () => now);
        const assets = await Promise.all(graph.assets().map((asset) => assetSummary(graph, resolver, asset)));
        return jsonAnswer({ assets }, await nextDueAt(graph, resolver, now));
      },
    });
  });

  routes.post(
    '/:key{.+}/materialize',
    options.requireToken,
    bodyLimit({ maxSize: options.maxBodyBytes, onError: () => tooLarge(options.maxBodyBytes) }),
    validateParams(assetKeyParams),
    validateQuery(materializeQuery),
    validateJson(materializeBody),
    async (c) => {
      const { graph, lake } = c.var;
      const asset = requireKnownAsset(graph, c.req.valid('param').key);
      const body = c.req.valid('json');
      if (body.partition !== undefined) checkSelectionPartition(graph, selectAssets(`+${asset.key}`, graph), body.partition);
      const mode = c.req.valid('query').run ?? body.run ?? 'inngest';
      if (mode === 'in-process') {
        const { summary } = await materialize({
          graph,
          storage: lake,
          selection: `+${asset.key}`,
          // KEY alone: forcing the whole `+KEY` would re-extract every source for one asset.
          force: body.force === true ? [asset.key] : false,
          ...(body.partition === undefined ? {} : { partition: body.partition }),
        });
        return c.json(inProcessResult(summary), 200);
      }
      if (options.sendEvent === undefined) {
        throw new ApiError(503, 'ORCHESTRATOR_NOT_CONFIGURED', 'No Inngest is configured to send the request to: set INNGEST_EVENT_KEY (with INNGEST_BASE_URL for a self-hosted server) or INNGEST_DEV=1 for the Inngest dev server, and restart "medallion serve"; or run it here and wait with ?run=in-process.');
      }
      const event: AssetRequestedEvent = {
        name: ASSET_REQUESTED,
        // The request's trace travels with the event, so the runs it starts join it.
        data: { asset: asset.key, ...(body.partition === undefined ? {} : { partition: body.partition }), ...(body.force === undefined ? {} : { force: body.force }), ...currentTraceparent() },
      };
      let sent: unknown;
      try {
        sent = await options.sendEvent([event]);
      } catch (error) {
        throw new ApiError(502, 'EVENT_SEND_FAILED', `Could not send ${ASSET_REQUESTED} to Inngest; try again, or run it here with ?run=in-process.`, { cause: error });
      }
      return c.json({ mode: 'inngest' as const, event, ids: idsOf(sent) }, 202);
    },
  );

  routes.get('/:key{.+}', etag(), validateParams(assetKeyParams), validateQuery(assetDetailQuery), async (c) => {
    const { graph, lake } = c.var;
    const asset = requireKnownAsset(graph, c.req.valid('param').key);
    const { partition, limit } = c.req.valid('query');
    if (partition !== undefined) checkAssetPartition(asset, partition);
    return cache.respond(c, {
      variant: `asset ${asset.key} ${partition ?? '*'} ${limit}`,
      ...assetFingerprint(graph, lake, asset.key),
      compute: async () => {
        const now = Date.now();
        const ledger = new Ledger(lake);
        const resolver = new StalenessResolver(graph, ledger, () => now);
        const detail = await assetDetail(graph, resolver, ledger, asset, { partition: partition ?? null, limit });
        return jsonAnswer(detail, await nextDueAt(graph, resolver, now));
      },
    });
  });

  return routes;
}

function inProcessResult(summary: RunSummary) {
  const lists = { materialized: [] as string[], skipped: [] as string[], failed: [] as string[] };
  for (const outcome of summary.outcomes) {
    lists[BUCKET[outcome.type]].push(slotLabel(outcome.asset, outcome.partition));
  }
  return { mode: 'in-process' as const, runId: summary.runId, status: summary.status, durationMs: summary.durationMs, ...lists, outcomes: summary.outcomes };
}

function idsOf(sent: unknown): string[] {
  const ids = (sent as { ids?: unknown } | null | undefined)?.ids;
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
}

function tooLarge(maxBytes: number): never {
  throw new ApiError(413, 'PAYLOAD_TOO_LARGE', `The request body is larger than ${maxBytes} bytes.`);
}
