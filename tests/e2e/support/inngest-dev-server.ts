// The real Inngest dev server (`inngest dev`), built from its Go module by tests/e2e/inngest-server.sh, or the
// command in MEDALLION_INNGEST_COMMAND (e.g. `npx --yes inngest-cli@1.44.0` where the internet is reachable).
// Every port it opens is a free loopback port; its state is read through its own GraphQL API (`/v0/gql`,
// what the dev UI reads) and events go to its event API (`/e/<key>`).
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, startChild, type ChildServer } from './child-process.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BUILD_SCRIPT = fileURLToPath(new URL('../inngest-server.sh', import.meta.url));

export interface InngestDevServer {
  /** `http://127.0.0.1:<port>`: the API, the event API and the dev UI. */
  readonly url: string;
  readonly child: ChildServer;
  /** Monaco's `min/vs` files as the dev UI asks the CDN for them, kept beside a cached build: `{ version, dir }`. */
  readonly monaco: { readonly version: string; readonly dir: string } | undefined;
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<T>;
  /** Sends events as any producer would (with the server's event key; the dev server takes any); returns their ids. */
  send(events: readonly { name: string; data: unknown; id?: string }[]): Promise<string[]>;
  stop(): Promise<void>;
}

/** The command that runs `inngest`: the cached build (built now if missing), or MEDALLION_INNGEST_COMMAND. */
export function inngestCommand(): { command: string; args: string[]; monaco?: { version: string; dir: string } } {
  const configured = process.env.MEDALLION_INNGEST_COMMAND?.trim();
  if (configured) {
    const [command, ...args] = configured.split(/\s+/);
    return { command: command!, args };
  }
  const binary = execFileSync('bash', [BUILD_SCRIPT], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
  const kept = readdirSync(dirname(binary)).find((name) => name.startsWith('monaco-editor@'));
  return { command: binary, args: [], ...(kept === undefined ? {} : { monaco: { version: kept.slice('monaco-editor@'.length), dir: join(dirname(binary), kept, 'min', 'vs') } }) };
}

export async function startInngestDevServer(options: { sdkUrl: string; port?: number; retryIntervalSeconds?: number }): Promise<InngestDevServer> {
  const { command, args, monaco } = inngestCommand();
  const [gateway, gatewayGrpc, executorGrpc, debugApi] = await Promise.all(Array.from({ length: 4 }, () => freePort()));
  const port = options.port ?? (await freePort());
  const child = startChild('inngest dev', command, [
    ...args, 'dev',
    '--host', '127.0.0.1', '--port', String(port),
    '--no-discovery', '--no-poll', '--sdk-url', options.sdkUrl,
    '--retry-interval', String(options.retryIntervalSeconds ?? 1),
    '--connect-gateway-port', String(gateway),
    '--connect-gateway-grpc-port', String(gatewayGrpc),
    '--connect-executor-grpc-port', String(executorGrpc),
    '--debug-api-port', String(debugApi),
    '--log-level', 'warn',
  ], { cwd: ROOT, env: { ...process.env, DO_NOT_TRACK: '1', INNGEST_NO_UPDATE_NOTIFIER: '1' } });
  return connectInngestServer({ child, url: `http://127.0.0.1:${port}`, eventKey: 'e2e-event-key', monaco });
}

/**
 * The client side of a started Inngest server (`inngest dev` or `inngest start`): its GraphQL API and event API,
 * once `/health` answers (stopped if it does not within 60 s).
 */
export async function connectInngestServer(options: { child: ChildServer; url: string; eventKey: string; monaco?: { version: string; dir: string } | undefined }): Promise<InngestDevServer> {
  const { child, url, eventKey, monaco } = options;
  const name = child.name;
  const server: InngestDevServer = {
    url,
    child,
    monaco,
    async gql(query, variables = {}) {
      const response = await fetch(`${url}/v0/gql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
      const body = (await response.json()) as { data?: unknown; errors?: { message: string }[] };
      if (!response.ok || body.errors !== undefined) throw new Error(`GraphQL ${response.status}: ${JSON.stringify(body.errors ?? body)}`);
      return body.data as never;
    },
    async send(events) {
      const response = await fetch(`${url}/e/${eventKey}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(events) });
      const body = (await response.json()) as { ids?: string[]; error?: string };
      if (!response.ok || body.ids === undefined) throw new Error(`Sending events: ${response.status} ${JSON.stringify(body)}`);
      return body.ids;
    },
    stop: () => child.stop(),
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.process.exitCode !== null) throw new Error(`${name} exited (${child.process.exitCode}):\n${child.lines.slice(-30).join('\n')}`);
    try {
      if ((await fetch(`${url}/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await child.stop();
      throw new Error(`${name} did not answer on ${url} within 60 s:\n${child.lines.slice(-30).join('\n')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return server;
}
