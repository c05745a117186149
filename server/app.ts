/**
 * The Hono application: the REST API over the asset graph and the lake, the lineage page, the Event Grid
 * webhook, health, and `/api/inngest`. Everything it talks to is injected (graph, lake, the event sender, the
 * Inngest handler, the environment), so tests drive it with `app.request()` and no network.
 *
 * @example
 * const app = createApp({ graph, storage: openLake('./data/lake'), env: process.env, sendEvent: (events) => inngest.send([...events]) });
 * const response = await app.request('/assets/gold/matches');
 */
import { Hono, type Context } from 'hono';
import type { AssetGraph, Storage } from '../runtime/index.ts';
import { AnswerCache } from './answer-cache.ts';
import { ApiError } from './api-error.ts';
import { isDevMode, secretOf, type AppEnv, type ServerEnv } from './app-env.ts';
import { createErrorHandler, notFound } from './error-handler.ts';
import type { SendEvent } from './events.ts';
import { requestLog } from './middleware/request-log.ts';
import { requireBearer } from './middleware/require-bearer.ts';
import { requestSpan } from './middleware/request-span.ts';
import { requireSharedSecret } from './middleware/require-shared-secret.ts';
import { assetRoutes } from './routes/assets.ts';
import { healthRoutes } from './routes/health.ts';
import { lineageRoutes } from './routes/lineage.ts';
import { openApiRoutes } from './routes/openapi.ts';
import { pageRoutes } from './routes/page.ts';
import { reportRoutes } from './routes/report.ts';
import { runsRoutes } from './routes/runs.ts';
import { webhookRoutes } from './routes/webhooks.ts';

/** The Inngest SDK's Hono handler (`serve({ client, functions })` from `inngest/hono`). */
export type InngestHandler = (c: Context) => Response | Promise<Response>;

/**
 * `createApp`'s options: graph and lake, the environment its secrets are read from, the event sender and the
 * Inngest handler, logging and limits.
 */
export interface CreateAppOptions {
  readonly graph: AssetGraph;
  readonly storage: Storage;
  /** Read on each request: MEDALLION_API_TOKEN, MEDALLION_WEBHOOK_SECRET, MEDALLION_DEV. */
  readonly env: ServerEnv;
  /** Sends events to the orchestrator; without it, requests that need it answer how to configure it. */
  readonly sendEvent?: SendEvent;
  readonly inngestHandler?: InngestHandler;
  /** Server errors (and request lines with `logRequests`), secrets redacted. Default: stderr. */
  readonly log?: (line: string) => void;
  /**
   * Environment variables (read from `env`) whose values are redacted too, beside the server's own: the
   * project's secrets, which `medallion serve` takes from its config (`secrets` in `defineConfig`).
   */
  readonly secrets?: readonly string[];
  readonly logRequests?: boolean;
  readonly limits?: { readonly apiBodyBytes?: number; readonly webhookBodyBytes?: number };
  readonly readinessTimeoutMs?: number;
}

/**
 * The server's and the framework's own secrets, whose values never appear in a log line, whatever error message
 * carries them; a project's (its sources' keys and tokens) come from its config (`secrets`).
 */
const SECRET_VARIABLES = [
  'MEDALLION_API_TOKEN', 'MEDALLION_WEBHOOK_SECRET', 'INNGEST_SIGNING_KEY', 'INNGEST_SIGNING_KEY_FALLBACK', 'INNGEST_EVENT_KEY',
  'AZURE_STORAGE_CONNECTION_STRING', 'APPLICATIONINSIGHTS_CONNECTION_STRING',
] as const;

/** The largest JSON body the REST API accepts when not told (16 KiB). */
export const DEFAULT_API_BODY_BYTES = 16 * 1024;
/** Event Grid delivers at most 1 MB per event and per batch. */
export const DEFAULT_WEBHOOK_BODY_BYTES = 1024 * 1024;

/**
 * The Hono app: REST API, lineage and runs pages, OpenAPI, health checks, the Event Grid webhook and
 * `/api/inngest`.
 */
export function createApp(options: CreateAppOptions): Hono<AppEnv> {
  const { env } = options;
  const log = options.log ?? ((line: string) => void process.stderr.write(`${line}\n`));
  const devMode = () => isDevMode(env);
  const app = new Hono<AppEnv>();
  // One cache for the lake-derived answers: their fingerprint reads are shared across routes.
  const answers = new AnswerCache();

  app.onError(createErrorHandler({ log, secrets: () => [...SECRET_VARIABLES, ...(options.secrets ?? [])].flatMap((name) => env[name] ?? []) }));
  app.notFound(notFound);
  app.use(requestSpan());
  if (options.logRequests === true) app.use(requestLog(log));
  app.use(async (c, next) => {
    c.set('graph', options.graph);
    c.set('lake', options.storage);
    await next();
  });

  app.route('/', healthRoutes(options.readinessTimeoutMs === undefined ? {} : { readinessTimeoutMs: options.readinessTimeoutMs }));
  app.route('/', pageRoutes());
  app.route('/', openApiRoutes());
  app.route('/lineage', lineageRoutes(answers));
  app.route('/report', reportRoutes(answers));
  app.route('/assets', assetRoutes({
    sendEvent: options.sendEvent,
    requireToken: requireBearer({ token: () => secretOf(env, 'MEDALLION_API_TOKEN'), isDevMode: devMode, variable: 'MEDALLION_API_TOKEN' }),
    maxBodyBytes: options.limits?.apiBodyBytes ?? DEFAULT_API_BODY_BYTES,
    cache: answers,
  }));
  app.route('/webhooks', webhookRoutes({
    sendEvent: options.sendEvent,
    requireSecret: requireSharedSecret({ secret: () => secretOf(env, 'MEDALLION_WEBHOOK_SECRET'), isDevMode: devMode, variable: 'MEDALLION_WEBHOOK_SECRET' }),
    maxBodyBytes: options.limits?.webhookBodyBytes ?? DEFAULT_WEBHOOK_BODY_BYTES,
    log,
  }));
  app.route('/runs', runsRoutes(answers));
  // The SDK checks request signatures itself (INNGEST_SIGNING_KEY) unless Inngest runs in dev mode.
  app.on(['GET', 'POST', 'PUT'], '/api/inngest', options.inngestHandler ?? inngestNotConfigured);

  return app;
}

function inngestNotConfigured(): never {
  throw new ApiError(503, 'INNGEST_NOT_CONFIGURED', 'No Inngest functions are served by this process: "medallion serve" mounts them from inngest.config.ts.');
}
