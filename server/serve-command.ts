/**
 * `medallion serve [--port P] [--host H] [--dev]`: the Hono app on @hono/node-server until SIGINT/SIGTERM.
 * Prints the URL and what is configured (API token, webhook secret, Inngest), never the values.
 */
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { ConfigError, errorMessage, UsageError, type CliCommand, type CommandContext } from '../runtime/cli.ts';
import type { AssetGraph, Storage } from '../runtime/index.ts';
import type { InngestHandler } from './app.ts';
import { isDevMode, secretOf, type ServerEnv } from './app-env.ts';
import type { SendEvent } from './events.ts';

/** What `serve` mounts for Inngest: the handler, the event sender, and a line for the banner. */
export interface InngestWiring {
  readonly inngestHandler?: InngestHandler;
  readonly sendEvent?: SendEvent;
  /** One line for the banner: what is mounted, or what to set. */
  readonly note: string;
}

/** Builds the Inngest wiring of `serve` from the graph, the lake and the environment (tests inject their own). */
export type LoadInngest = (options: { graph: AssetGraph; storage: Storage; env: ServerEnv }) => Promise<InngestWiring>;

/** `medallion serve`: the app on @hono/node-server until SIGINT or SIGTERM. */
export const serveCommand: CliCommand = {
  summary: 'serve the REST API, the lineage page, the Event Grid webhook and /api/inngest until Ctrl-C',
  usage: '[--port P] [--host H] [--dev]',
  options: {
    port: { type: 'string', description: 'port to listen on (default $PORT, else 3000; 0: any free port)' },
    host: { type: 'string', description: 'address to bind (default 127.0.0.1; 0.0.0.0 in a container)' },
    dev: { type: 'boolean', description: 'dev mode (same as MEDALLION_DEV=1): routes whose secret is unset stay open' },
  },
  run: (ctx) => runServe(ctx, untilSignal()),
};

/** Serves until `stop` settles; the command's body, apart so a test can stop it and inject the Inngest wiring. */
export async function runServe(ctx: CommandContext, stop: Promise<unknown>, loadInngest: LoadInngest = loadInngestConfig): Promise<number> {
  const port = portOf(ctx.values.port, 'port') ?? portOf(ctx.io.env.PORT, 'PORT') ?? 3000;
  const host = typeof ctx.values.host === 'string' && ctx.values.host.trim() !== '' ? ctx.values.host.trim() : '127.0.0.1';
  const env: ServerEnv = ctx.values.dev === true ? { ...ctx.io.env, MEDALLION_DEV: '1' } : ctx.io.env;
  const graph = await ctx.graph();
  const storage = ctx.lake();
  const inngest = await loadInngest({ graph, storage, env });
  const { note, ...wiring } = inngest;
  // Loaded here, not at import: every other command would pay for Hono, the routes and the page at start-up.
  const [{ createApp }, { serve }] = await Promise.all([import('./app.ts'), import('@hono/node-server')]);
  const app = createApp({ graph, storage, env, secrets: ctx.secrets, ...wiring, logRequests: true, log: (line) => void ctx.io.stderr.write(`${line}\n`) });
  const server = serve({ fetch: app.fetch, port, hostname: host });
  try {
    await once(server, 'listening'); // rejects on 'error' (EADDRINUSE, EACCES) before listening
  } catch (error) {
    throw new ConfigError(`Cannot listen on ${host}:${port} (${errorMessage(error)}); choose another --port or --host.`, { cause: error });
  }
  const address = server.address() as AddressInfo;
  const url = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
  const settings = {
    url,
    lake: storage.location,
    assets: graph.size,
    devMode: isDevMode(env),
    apiToken: secretOf(env, 'MEDALLION_API_TOKEN') !== undefined,
    webhookSecret: secretOf(env, 'MEDALLION_WEBHOOK_SECRET') !== undefined,
    inngest: { mounted: wiring.inngestHandler !== undefined, sendsEvents: wiring.sendEvent !== undefined, note },
  };
  ctx.io.stdout.write(ctx.json ? `${JSON.stringify(settings)}\n` : banner(settings));
  await stop;
  await new Promise<void>((resolve, reject) => {
    server.close((error) => (error === undefined ? resolve() : reject(error)));
    if ('closeAllConnections' in server) server.closeAllConnections();
  });
  return 0;
}

function banner(s: { url: string; lake: string; assets: number; devMode: boolean; apiToken: boolean; webhookSecret: boolean; inngest: { note: string } }): string {
  const closed = s.devMode ? 'open (dev mode)' : 'refused until it is set';
  return [
    `medallion serving ${s.assets} assets of ${s.lake} on ${s.url}`,
    `  lineage page  ${s.url}/`,
    `  API           ${s.url}/assets, ${s.url}/lineage, ${s.url}/openapi.json`,
    `  mutating routes: ${s.apiToken ? 'need "Authorization: Bearer $MEDALLION_API_TOKEN"' : `MEDALLION_API_TOKEN is not set, so they are ${closed}`}`,
    `  webhook       ${s.url}/webhooks/eventgrid?code=… ${s.webhookSecret ? '(secret set)' : `(MEDALLION_WEBHOOK_SECRET is not set: ${closed})`}`,
    `  inngest       ${s.inngest.note}`,
    'Stop with Ctrl-C.',
    '',
  ].join('\n');
}

/** As the SDK reads INNGEST_DEV: `1`/`true` or the dev server's URL (research: inngest-v4 §4). */
function isInngestDev(env: ServerEnv): boolean {
  const dev = env.INNGEST_DEV?.trim().toLowerCase();
  return dev !== undefined && dev !== '' && dev !== '0' && dev !== 'false';
}

/** The client can send with an event key (Inngest Cloud or self-hosted) or to the dev server. */
function canSendEvents(env: ServerEnv): boolean {
  return (env.INNGEST_EVENT_KEY ?? '').trim() !== '' || isInngestDev(env);
}

/**
 * The real wiring (server/inngest/, which inngest.config.ts exports), imported only here (lazily: no other command needs Inngest). The
 * handler always mounts; the SDK checks signatures (INNGEST_SIGNING_KEY) unless INNGEST_DEV is set. Events
 * are sent only when the client has somewhere to send them.
 */
async function loadInngestConfig({ graph, storage, env }: { graph: AssetGraph; storage: Storage; env: ServerEnv }): Promise<InngestWiring> {
  const [{ createInngestApp }, { functionOptionsFromEnvironment }] = await Promise.all([import('./inngest/inngest-app.ts'), import('./inngest/function-config.ts')]);
  const { client, handler } = createInngestApp({ graph, storage, ...functionOptionsFromEnvironment(env) });
  const signing = isInngestDev(env)
    ? 'Inngest dev mode (INNGEST_DEV): requests are not signed'
    : (env.INNGEST_SIGNING_KEY ?? '').trim() !== ''
      ? 'requests must be signed with INNGEST_SIGNING_KEY'
      : 'neither INNGEST_SIGNING_KEY nor INNGEST_DEV is set, so it answers every request 503 (set the key, or INNGEST_DEV=1 for the dev server)';
  if (!canSendEvents(env)) {
    return { inngestHandler: handler, note: `/api/inngest mounted, ${signing}; no events sent until INNGEST_EVENT_KEY or INNGEST_DEV=1 is set` };
  }
  return { inngestHandler: handler, sendEvent: (events) => client.send([...events]), note: `/api/inngest mounted, ${signing}; events go to Inngest` };
}

function portOf(value: string | boolean | undefined, name: string): number | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const port = Number(value.trim());
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new UsageError(`${name === 'port' ? '--port' : name} must be a whole number from 0 to 65535, not "${value}".`);
  return port;
}

function untilSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
