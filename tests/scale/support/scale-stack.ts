// Medallion scaled out on one machine, with the parts production uses: `inngest start` (self-hosted) on Redis
// and PostgreSQL, N `medallion serve` replicas behind nginx (round-robin), one lake on Azurite, the TMDB +
// Discogs emulator served in this process, and an OTLP receiver for the replicas' spans (each replica is
// `service.instance.id=replica-N`). Used by tests/scale/ and by the throughput benchmark.
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createGraphFromEnvironment } from '../../../assets/pipeline-graph.ts';
import type { Emulator, EmulatorOptions } from '../../../assets/sources/emulator/emulator-app.ts';
import { createAzureBlobStorage, type AssetGraph, type AssetStatusReport, type Storage } from '../../../runtime/index.ts';
import { allFresh, assetStatus } from '../../e2e/support/lake-status.ts';
import { startAzurite, type Azurite } from '../../support/azurite.ts';
import { jsonOf } from '../../support/json.ts';
import { serveOnLoopback, type ServedApp } from '../../support/browser.ts';
import { freePort, startChild, type ChildServer } from '../../e2e/support/child-process.ts';
import { createE2EEmulator, E2E_DEBOUNCE_SECONDS, emulatedPipelineEnv, startServe, type MedallionServe } from '../../e2e/support/e2e-stack.ts';
import { connectInngestServer, inngestCommand, type InngestDevServer } from '../../e2e/support/inngest-dev-server.ts';
import { inngestRunOutput, listInngestRuns, settleInngestRuns, waitUntil, type InngestRun } from '../../e2e/support/inngest-runs.ts';
import { startOtlpReceiver, type OtlpReceiver, type ReceivedSpan } from './otlp-receiver.ts';
import { startNginx, startPostgres, startRedis, type LoadBalancer, type Service } from './services.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface ScaleStackOptions {
  /** How many `medallion serve` replicas; default 3. */
  readonly replicas?: number;
  /** Added to (or replacing) every replica's environment. */
  readonly serveEnv?: Readonly<Record<string, string>>;
  /** More arguments for `medallion serve`, e.g. `['--config', PATH]` for another graph (then pass `graph`). */
  readonly serveArgs?: readonly string[];
  /** The graph the replicas serve, for the test's own reads; default the pipeline's, built from the environment. */
  readonly graph?: AssetGraph;
  readonly emulator?: EmulatorOptions;
  /** `inngest start --retry-interval`; default 1 s. */
  readonly retryIntervalSeconds?: number;
  /** `inngest start --queue-workers`; default Inngest's (100). */
  readonly queueWorkers?: number;
}

export interface Replica {
  /** `replica-N`: its `service.instance.id`, and the tag in its Discogs User-Agent. */
  readonly id: string;
  readonly port: number;
  readonly serve: MedallionServe;
  /** Its peak resident memory so far (VmHWM in /proc/PID/status), in MiB; undefined once it has exited. */
  peakMemoryMiB(): number | undefined;
}

/** A request to the emulator held until `release()`: the first that matched when `hold` was called. */
export interface HeldRequest {
  /** Resolves when a matching request arrives, with its URL and the sender's User-Agent. */
  readonly reached: Promise<{ readonly url: URL; readonly userAgent: string }>;
  /** Lets it be answered (by then its sender may be gone). */
  release(): void;
}

interface Hold {
  readonly match: (url: URL) => boolean;
  readonly arrived: (request: { url: URL; userAgent: string }) => void;
  readonly released: Promise<void>;
  readonly release: () => void;
}

/** The emulator behind a loopback URL, and the requests a test holds there. */
interface EmulatorFront {
  readonly emulator: Emulator;
  readonly holds: Hold[];
}

/** The keys the stack runs with: fresh random ones per stack (never logged). */
export interface StackKeys {
  readonly eventKey: string;
  readonly signingKey: string;
  readonly apiToken: string;
}

export class ScaleStack {
  /** nginx: the one URL of the replicas. */
  readonly url: string;
  readonly replicas: readonly Replica[];
  readonly inngest: InngestDevServer;
  readonly nginx: LoadBalancer;
  readonly redis: Service;
  readonly postgres: Service;
  readonly azurite: Azurite;
  readonly otlp: OtlpReceiver;
  /** The shared lake (Azurite), as the test reads it. */
  readonly storage: Storage;
  readonly graph: AssetGraph;
  /** The environment every replica shares (without its own OTEL_RESOURCE_ATTRIBUTES and User-Agent). */
  readonly env: Readonly<Record<string, string>>;
  readonly keys: StackKeys;
  readonly #front: EmulatorFront;
  readonly #cleanup: (() => Promise<unknown>)[];

  private constructor(parts: ScaleStackParts) {
    this.url = parts.nginx.url;
    this.replicas = parts.replicas;
    this.inngest = parts.inngest;
    this.nginx = parts.nginx;
    this.redis = parts.redis;
    this.postgres = parts.postgres;
    this.azurite = parts.azurite;
    this.otlp = parts.otlp;
    this.storage = createAzureBlobStorage({ connectionString: parts.azurite.connectionString });
    this.graph = parts.graph;
    this.env = parts.env;
    this.keys = parts.keys;
    this.#front = parts.front;
    this.#cleanup = parts.cleanup;
  }

  /** Starts every service (stopping what started if one fails), and waits until Inngest has synced the app. */
  static async start(options: ScaleStackOptions = {}): Promise<ScaleStack> {
    const cleanup: (() => Promise<unknown>)[] = [];
    try {
      const stack = new ScaleStack(await startParts(options, cleanup));
      const { inngest } = stack;
      await stack.waitUntil('inngest start has synced the app through nginx', async () => {
        const { apps } = await inngest.gql<{ apps: { name: string; functionCount: number; error: string | null }[] }>('{ apps { name functionCount error } }');
        return apps.some((app) => app.name === 'medallion' && app.functionCount > 0 && app.error === null);
      }, 60_000, 500);
      return stack;
    } catch (error) {
      for (const step of cleanup.splice(0).reverse()) await step().catch(() => undefined);
      throw error;
    }
  }

  /** The emulator serving the sources now: its faults and request stats. */
  get emulator(): Emulator {
    return this.#front.emulator;
  }

  /** Our HTTP API through nginx, with the API token. */
  api(path: string, init: RequestInit & { json?: unknown } = {}): Promise<Response> {
    const { json, ...rest } = init;
    const headers = { authorization: `Bearer ${this.keys.apiToken}`, ...(json === undefined ? {} : { 'content-type': 'application/json' }), ...rest.headers };
    return fetch(`${this.url}${path}`, json === undefined ? { ...rest, headers } : { ...rest, method: rest.method ?? 'POST', headers, body: JSON.stringify(json) });
  }

  /** The assets nothing reads: requesting them materializes the whole graph. */
  get sinks(): string[] {
    return this.graph.keys.filter((key) => this.graph.children(key).length === 0);
  }

  /** Requests every sink through nginx (`POST /assets/:key/materialize`); returns the ids of the events sent. */
  async requestSinks(): Promise<string[]> {
    const ids: string[] = [];
    for (const key of this.sinks) {
      const response = await this.api(`/assets/${key}/materialize`, { json: {} });
      if (response.status !== 202) throw new Error(`Requesting ${key}: ${response.status} ${await response.text()}`);
      ids.push(...(await jsonOf<{ ids: string[] }>(response)).ids);
    }
    return ids;
  }

  status(key: string): Promise<AssetStatusReport> {
    return assetStatus(this.graph, this.storage, key);
  }

  allFresh(keys: readonly string[] = this.graph.keys): Promise<boolean> {
    return allFresh(this.graph, this.storage, keys);
  }

  runs(): Promise<InngestRun[]> {
    return listInngestRuns(this.inngest.gql);
  }

  runOutput(runId: string): ReturnType<typeof inngestRunOutput> {
    return inngestRunOutput(this.inngest.gql, runId);
  }

  settle(timeoutMs: number, quietMs = (E2E_DEBOUNCE_SECONDS + 2) * 1000): Promise<InngestRun[]> {
    return settleInngestRuns(this.inngest.gql, timeoutMs, quietMs);
  }

  waitUntil(what: string, check: () => Promise<boolean>, timeoutMs: number, intervalMs = 250): Promise<void> {
    return waitUntil(what, check, {
      timeoutMs,
      intervalMs,
      context: () => this.replicas.map((replica) => `${replica.id}'s last lines:\n${replica.serve.child.lines.slice(-10).join('\n')}`).join('\n'),
    });
  }

  /**
   * Starts the `medallion` CLI (the built server/bin.mjs) on the same lake and sources as the replicas, outside
   * Inngest (no Inngest variables, no telemetry). `exited` resolves with its exit code once its output is read.
   */
  cli(args: readonly string[]): { child: ChildServer; exited: Promise<number | null> } {
    const { NODE_TEST_CONTEXT: _runner, NODE_OPTIONS: _options, ...inherited } = process.env;
    const { INNGEST_DEV: _dev, INNGEST_BASE_URL: _base, INNGEST_EVENT_KEY: _event, INNGEST_SIGNING_KEY: _signing, OTEL_EXPORTER_OTLP_ENDPOINT: _otlp, ...env } = this.env;
    const child = startChild(`medallion ${args.join(' ')}`, process.execPath, ['--require', './tests/support/netguard.cjs', 'server/bin.mjs', ...args], { cwd: ROOT, env: { ...inherited, NO_COLOR: '1', ...env } });
    return { child, exited: once(child.process, 'close').then(() => child.process.exitCode) };
  }

  /**
   * Holds the next emulator request whose URL matches, until released (released anyway by `close`). `reached`
   * rejects when none has come within `timeoutMs` (default 120 s).
   */
  hold(match: (url: URL) => boolean, timeoutMs = 120_000): HeldRequest {
    let arrived!: Hold['arrived'];
    const reached = new Promise<{ url: URL; userAgent: string }>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`No emulator request matching ${String(match)} came within ${timeoutMs} ms.`)), timeoutMs).unref();
      arrived = (request) => {
        clearTimeout(timer);
        resolve(request);
      };
    });
    let release!: () => void;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    reached.catch(() => undefined); // a test that fails before awaiting it gets its own error, not this one
    this.#front.holds.push({ match, arrived, released, release });
    return { reached, release };
  }

  /** The replicas each Inngest run's spans name (`inngest.run_id` → `service.instance.id`s). */
  instancesByRun(spans: readonly ReceivedSpan[] = this.otlp.spans): Map<string, Set<string>> {
    const byRun = new Map<string, Set<string>>();
    for (const span of spans) {
      const runId = span.attributes['inngest.run_id'];
      if (typeof runId !== 'string' || span.instance === undefined) continue;
      byRun.set(runId, (byRun.get(runId) ?? new Set()).add(span.instance));
    }
    return byRun;
  }

  /** Peak memory of each replica still running, in MiB. */
  peakMemoryMiB(): Record<string, number | undefined> {
    return Object.fromEntries(this.replicas.map((replica) => [replica.id, replica.peakMemoryMiB()]));
  }

  /** Stops everything and removes every data dir, whatever failed before. */
  async close(): Promise<void> {
    for (const hold of this.#front.holds.splice(0)) hold.release();
    for (const step of this.#cleanup.splice(0).reverse()) await step().catch(() => undefined);
  }
}

interface ScaleStackParts {
  readonly replicas: Replica[];
  readonly inngest: InngestDevServer;
  readonly nginx: LoadBalancer;
  readonly redis: Service;
  readonly postgres: Service;
  readonly azurite: Azurite;
  readonly otlp: OtlpReceiver;
  readonly graph: AssetGraph;
  readonly env: Record<string, string>;
  readonly keys: StackKeys;
  readonly front: EmulatorFront;
  readonly cleanup: (() => Promise<unknown>)[];
}

// Every service started is pushed onto `cleanup` at once, so a failure further on stops it.
async function startParts(options: ScaleStackOptions, cleanup: (() => Promise<unknown>)[]): Promise<ScaleStackParts> {
  const keys: StackKeys = { eventKey: randomHex(16), signingKey: randomHex(32), apiToken: randomHex(24) };
  const front: EmulatorFront = { emulator: createE2EEmulator(options.emulator), holds: [] };
  const servedEmulator: ServedApp = await serveOnLoopback(async (request) => {
    const url = new URL(request.url);
    const held = front.holds.findIndex((hold) => hold.match(url));
    if (held >= 0) {
      const [hold] = front.holds.splice(held, 1);
      hold!.arrived({ url, userAgent: request.headers.get('user-agent') ?? '' });
      await hold!.released;
    }
    return front.emulator.app.fetch(request);
  });
  cleanup.push(() => servedEmulator.close());
  const [azurite, otlp, redis, postgres] = await Promise.all([
    startAzurite().then((started) => (cleanup.push(() => started.stop()), started)),
    startOtlpReceiver().then((started) => (cleanup.push(() => started.close()), started)),
    startRedis().then((started) => (cleanup.push(() => started.stop()), started)),
    startPostgres().then((started) => (cleanup.push(() => started.stop()), started)),
  ]);
  const count = options.replicas ?? 3;
  const ports = await Promise.all(Array.from({ length: count }, () => freePort()));
  const nginx = await startNginx(ports);
  cleanup.push(() => nginx.stop());
  const inngestPort = await freePort();
  const inngestUrl = `http://127.0.0.1:${inngestPort}`;
  const env: Record<string, string> = {
    ...emulatedPipelineEnv(servedEmulator.url, 'medallion-scale/1.0'),
    AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
    MEDALLION_API_TOKEN: keys.apiToken,
    INNGEST_DEV: '0',
    INNGEST_BASE_URL: inngestUrl,
    INNGEST_EVENT_KEY: keys.eventKey,
    INNGEST_SIGNING_KEY: keys.signingKey,
    // The URL Inngest calls is nginx's, whichever replica answers the sync.
    INNGEST_SERVE_ORIGIN: nginx.url,
    OTEL_EXPORTER_OTLP_ENDPOINT: otlp.endpoint,
    OTEL_BSP_SCHEDULE_DELAY: '200',
    ...options.serveEnv,
  };
  const replicas = await Promise.all(ports.map(async (port, index): Promise<Replica> => {
    const id = `replica-${index + 1}`;
    const serve = await startServe({
      port,
      dev: false,
      name: `medallion serve ${id}`,
      ...(options.serveArgs === undefined ? {} : { args: options.serveArgs }),
      env: { ...env, OTEL_RESOURCE_ATTRIBUTES: `service.instance.id=${id}`, DISCOGS_USER_AGENT: `medallion-scale/1.0 (${id}) +https://example.invalid` },
    });
    cleanup.push(() => serve.child.stop());
    return { id, port, serve, peakMemoryMiB: () => peakMemoryMiB(serve.child.process.pid) };
  }));
  const { command, args } = inngestCommand();
  const [gateway, gatewayGrpc, executorGrpc] = await Promise.all(Array.from({ length: 3 }, () => freePort()));
  // The keys go in its environment (read like --event-key and --signing-key), so `ps` does not show them.
  const child = startChild('inngest start', command, [
    ...args, 'start',
    '--host', '127.0.0.1', '--port', String(inngestPort),
    '--redis-uri', redis.uri, '--postgres-uri', postgres.uri,
    '--sdk-url', `${nginx.url}/api/inngest`,
    '--retry-interval', String(options.retryIntervalSeconds ?? 1),
    ...(options.queueWorkers === undefined ? [] : ['--queue-workers', String(options.queueWorkers)]),
    '--connect-gateway-port', String(gateway),
    '--connect-gateway-grpc-port', String(gatewayGrpc),
    '--connect-executor-grpc-port', String(executorGrpc),
    '--log-level', 'warn',
  ], { env: { ...process.env, DO_NOT_TRACK: '1', INNGEST_NO_UPDATE_NOTIFIER: '1', INNGEST_EVENT_KEY: keys.eventKey, INNGEST_SIGNING_KEY: keys.signingKey } });
  cleanup.push(() => child.stop());
  const inngest = await connectInngestServer({ child, url: inngestUrl, eventKey: keys.eventKey });
  return { replicas, inngest, nginx, redis, postgres, azurite, otlp, graph: options.graph ?? createGraphFromEnvironment(env), env, keys, front, cleanup };
}

function randomHex(bytes: number): string {
  return randomBytes(bytes).toString('hex');
}

function peakMemoryMiB(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const kib = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kib === undefined ? undefined : Math.round(Number(kib) / 1024);
  } catch {
    return undefined;
  }
}
