// One end-to-end stack: the TMDB + Discogs emulator served in this process (so a test steers its faults and
// counts its requests), `medallion serve` as a child process on a fresh lake with live sources pointed at the
// emulator, and the real `inngest dev` syncing it. The test reads state as a user would: Inngest's GraphQL,
// our HTTP API, and the lake through the runtime's own readers.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEmulator, type Emulator, type EmulatorOptions } from '../../../assets/sources/emulator/emulator-app.ts';
import { DEFAULT_CREDENTIALS, SAMPLE_SERVICES } from '../../../assets/sources/emulator/in-process-defaults.ts';
import { createLocalStorage, materialize, type AssetGraph, type AssetStatusReport, type Storage } from '../../../runtime/index.ts';
import { createGraphFromEnvironment } from '../../../assets/pipeline-graph.ts';
import { serveOnLoopback, type ServedApp } from '../../support/browser.ts';
import { TEST_FILMS } from '../../support/emulated-pipeline.ts';
import { allFresh, assetStatus } from './lake-status.ts';
import { freePort, startChild, type ChildServer } from './child-process.ts';
import { startInngestDevServer, type InngestDevServer } from './inngest-dev-server.ts';
import { inngestRunOutput, inngestStepAttempts, listInngestRuns, settleInngestRuns, waitUntil, type InngestRun } from './inngest-runs.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * A small plan: 15 TMDB pages (300 films), Discogs 1998–2003 (two decade partitions, 12 bulk searches), no
 * per-film search and 5 master lookups (Discogs' 60 a minute holds everything else back: searching 300 films
 * would take 5 minutes, and a smaller budget would leave a backlog, so the pipeline would never be fresh).
 */
export const E2E_PLAN_ENV = {
  MEDALLION_TMDB_PAGES: '15',
  MEDALLION_DISCOGS_YEARS: '1998-2003',
  MEDALLION_DISCOGS_TARGETED_BUDGET: '0',
  MEDALLION_DISCOGS_MASTERS_BUDGET: '5',
} as const;

/** Short enough for a test, long enough that two events sent back to back fall inside it. */
export const E2E_DEBOUNCE_SECONDS = 3;

export interface E2EStackOptions {
  /** Added to (or replacing) the environment of `medallion serve`. */
  readonly serveEnv?: Readonly<Record<string, string>>;
  readonly emulator?: EmulatorOptions;
  /** The dev server's retry delay for failures that set none (e.g. an app that did not answer). Default 1. */
  readonly retryIntervalSeconds?: number;
}

export type { InngestRun } from './inngest-runs.ts';

/** One call to /api/inngest: the function, the answer, and when it was being served (from the request log). */
export interface InngestCall {
  readonly fn: string;
  readonly status: number;
  readonly from: number;
  readonly to: number;
}

export interface MedallionServe {
  readonly url: string;
  readonly child: ChildServer;
  /** Starts it again on the same port (Inngest calls the URL it synced). */
  restart(): Promise<void>;
  /** The calls Inngest made to /api/inngest, in order, from the request log of every process so far. */
  inngestCalls(): InngestCall[];
}

export class E2EStack {
  readonly lake: string;
  readonly storage: Storage;
  /** The pipeline's graph as `medallion serve` builds it (nothing is fetched by building it). */
  readonly graph: AssetGraph;
  readonly env: Readonly<Record<string, string>>;
  readonly #source: { emulator: Emulator };
  readonly #servedEmulator: ServedApp;
  readonly inngest: InngestDevServer;
  readonly serve: MedallionServe;

  private constructor(parts: { lake: string; env: Record<string, string>; source: { emulator: Emulator }; servedEmulator: ServedApp; inngest: InngestDevServer; serve: MedallionServe }) {
    this.lake = parts.lake;
    this.storage = createLocalStorage(parts.lake);
    this.env = parts.env;
    this.graph = createGraphFromEnvironment(parts.env);
    this.#source = parts.source;
    this.#servedEmulator = parts.servedEmulator;
    this.inngest = parts.inngest;
    this.serve = parts.serve;
  }

  static async start(options: E2EStackOptions = {}): Promise<E2EStack> {
    const lake = mkdtempSync(join(tmpdir(), 'medallion-e2e-'));
    // Served through a holder, so a test can swap the catalogue (new data at the source) behind the same URL.
    const source = { emulator: createE2EEmulator(options.emulator) };
    const servedEmulator = await serveOnLoopback((request) => source.emulator.app.fetch(request));
    const port = await freePort();
    const inngestPort = await freePort();
    const env: Record<string, string> = { ...emulatedPipelineEnv(servedEmulator.url, 'medallion-e2e/1.0'), ...options.serveEnv };
    const serve = await startServe({ port, lake, env: { ...env, INNGEST_DEV: `http://127.0.0.1:${inngestPort}` } });
    let inngest: InngestDevServer;
    try {
      inngest = await startInngestDevServer({ port: inngestPort, sdkUrl: `${serve.url}/api/inngest`, ...(options.retryIntervalSeconds === undefined ? {} : { retryIntervalSeconds: options.retryIntervalSeconds }) });
    } catch (error) {
      await serve.child.stop();
      await servedEmulator.close();
      rmSync(lake, { recursive: true, force: true });
      throw error;
    }
    const stack = new E2EStack({ lake, env, source, servedEmulator, inngest, serve });
    try {
      await stack.waitUntil('the dev server has synced the app', async () => {
        const { apps } = await inngest.gql<{ apps: { name: string; functionCount: number; error: string | null }[] }>('{ apps { name functionCount error } }');
        return apps.some((app) => app.name === 'medallion' && app.functionCount > 0 && app.error === null);
      }, 30_000);
    } catch (error) {
      await stack.close();
      throw error;
    }
    return stack;
  }

  /** The emulator serving the sources now: its faults and request stats. */
  get emulator(): Emulator {
    return this.#source.emulator;
  }

  /** New data at the source: the same URLs now serve `emulator`'s catalogue. */
  replaceEmulator(emulator: Emulator): void {
    this.#source.emulator = emulator;
  }

  /** Materializes the whole graph in this process, outside Inngest: a lake where everything is fresh. */
  async materializeEverything(): Promise<void> {
    const { summary } = await materialize({ graph: this.graph, storage: this.storage, selection: '*' });
    const failed = summary.outcomes.filter((outcome) => outcome.type === 'failed');
    if (failed.length > 0) throw new Error(`Materializing in process failed: ${failed.map((outcome) => `${outcome.asset}: ${outcome.reason}`).join('; ')}`);
  }

  /** Our HTTP API (dev mode: no token needed). */
  api(path: string, init: RequestInit & { json?: unknown } = {}): Promise<Response> {
    const { json, ...rest } = init;
    return fetch(`${this.serve.url}${path}`, json === undefined ? rest : { ...rest, method: rest.method ?? 'POST', headers: { 'content-type': 'application/json', ...rest.headers }, body: JSON.stringify(json) });
  }

  status(key: string): Promise<AssetStatusReport> {
    return assetStatus(this.graph, this.storage, key);
  }

  allFresh(keys: readonly string[] = this.graph.keys): Promise<boolean> {
    return allFresh(this.graph, this.storage, keys);
  }

  /** Every run the server knows, oldest first. */
  runs(): Promise<InngestRun[]> {
    return listInngestRuns(this.inngest.gql);
  }

  /** A run's result as its root span recorded it: the function's return value, or its error. */
  runOutput(runId: string): Promise<{ data: unknown; error: { name: string | null; message: string } | null }> {
    return inngestRunOutput(this.inngest.gql, runId);
  }

  /** Each step of a run (by name) with the attempt it ended at, as the server's trace shows it (0: first). */
  stepAttempts(runId: string): Promise<Map<string, number>> {
    return inngestStepAttempts(this.inngest.gql, runId);
  }

  /** The runs an event started (by the id the event API answered). */
  async runsOf(eventId: string): Promise<InngestRun[]> {
    return (await this.runs()).filter((run) => run.triggerIDs.includes(eventId));
  }

  /**
   * Waits until nothing is queued or running and no new run has appeared for `quietMs` (longer than the
   * debounce period, so a debounced run still to come is waited for).
   */
  settle(timeoutMs: number, quietMs = (E2E_DEBOUNCE_SECONDS + 2) * 1000): Promise<InngestRun[]> {
    return settleInngestRuns(this.inngest.gql, timeoutMs, quietMs);
  }

  waitUntil(what: string, check: () => Promise<boolean>, timeoutMs: number, intervalMs = 250): Promise<void> {
    return waitUntil(what, check, { timeoutMs, intervalMs, context: () => `medallion serve's last lines:\n${this.serve.child.lines.slice(-20).join('\n')}` });
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.inngest.stop(), this.serve.child.stop()]);
    await this.#servedEmulator.close();
    rmSync(this.lake, { recursive: true, force: true });
  }
}

/**
 * The environment of a `medallion serve` whose live sources are the emulator at `emulatorUrl`: the small plan,
 * the emulator's credentials, a User-Agent with `product` (e.g. `medallion-e2e/1.0`), and the short debounce.
 */
export function emulatedPipelineEnv(emulatorUrl: string, product: string): Record<string, string> {
  return {
    ...E2E_PLAN_ENV,
    MEDALLION_SOURCE: 'live',
    TMDB_BASE_URL: `${emulatorUrl}/tmdb/3`,
    DISCOGS_BASE_URL: `${emulatorUrl}/discogs`,
    TMDB_API_KEY: DEFAULT_CREDENTIALS.tmdbApiKey,
    DISCOGS_TOKEN: DEFAULT_CREDENTIALS.discogsToken,
    DISCOGS_USER_AGENT: `${product} +https://example.invalid`,
    MEDALLION_INNGEST_DEBOUNCE: `${E2E_DEBOUNCE_SECONDS}s`,
  };
}

export function createE2EEmulator(options: EmulatorOptions = {}): Emulator {
  return createEmulator({ films: TEST_FILMS, ...SAMPLE_SERVICES, ...options });
}

export interface ServeOptions {
  readonly port: number;
  /** `--lake`; without it the environment names the lake (e.g. AZURE_STORAGE_CONNECTION_STRING). */
  readonly lake?: string;
  /** `--dev`; default true. */
  readonly dev?: boolean;
  readonly env: Readonly<Record<string, string>>;
  /** The child's name in messages; default `medallion serve`. */
  readonly name?: string;
  /** More arguments, e.g. `--config PATH` for another graph. */
  readonly args?: readonly string[];
}

/** `medallion serve` (the built CLI, server/bin.mjs) as a child process, once it has printed its banner. */
export async function startServe(options: ServeOptions): Promise<MedallionServe> {
  const url = `http://127.0.0.1:${options.port}`;
  const spawnServe = async () => {
    // The network guard goes with it: medallion serve may reach loopback only, as every test process.
    const { NODE_TEST_CONTEXT: _testRunner, NODE_OPTIONS: _options, ...inherited } = process.env;
    const child = startChild(options.name ?? 'medallion serve', process.execPath, [
      '--require', './tests/support/netguard.cjs', 'server/bin.mjs', 'serve', '--port', String(options.port),
      ...(options.dev === false ? [] : ['--dev']), ...(options.lake === undefined ? [] : ['--lake', options.lake]), ...(options.args ?? []),
    ], { cwd: ROOT, env: { ...inherited, NO_COLOR: '1', ...options.env } });
    await child.waitForLine(/^medallion serving/, 30_000);
    return child;
  };
  const children = [await spawnServe()];
  return {
    url,
    get child() {
      return children.at(-1)!;
    },
    async restart() {
      await children.at(-1)!.stop();
      children.push(await spawnServe());
    },
    inngestCalls() {
      return children.flatMap((child) => child.lines.flatMap((line, index) => {
        const match = /^POST \/api\/inngest fn=(\S+) (\d{3}) (\d+) ms$/.exec(line);
        if (match === null) return [];
        // The line is written as the answer goes out; the duration gives the start (within a millisecond or so).
        const to = child.receivedAt[index]!;
        return [{ fn: match[1]!, status: Number(match[2]), from: to - Number(match[3]), to }];
      }));
    },
  };
}
