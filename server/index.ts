/**
 * The `medallion/server` entry: the HTTP app (REST API, lineage and runs pages, Event Grid webhook, and
 * `/api/inngest` when given its handler) to mount in a Hono app of your own or to serve, and the `serve` command.
 */
export { createApp, DEFAULT_API_BODY_BYTES, DEFAULT_WEBHOOK_BODY_BYTES } from './app.ts';
export type { CreateAppOptions, InngestHandler } from './app.ts';
export type { AppEnv, AppVariables, ServerEnv } from './app-env.ts';
export type { AssetRequestedEvent, MedallionEvent, RawLandedEvent, SendEvent } from './events.ts';
export { runServe, serveCommand } from './serve-command.ts';
export type { InngestWiring, LoadInngest } from './serve-command.ts';
