/**
 * The server under load over loopback, measured with wrk (Debian's `wrk` package): `medallion serve` over a lake
 * materialized from the built-in sample, each route at 32 connections (`wrk -t2 -c32`) with a one-connection
 * probe on `/healthz` running alongside, so a route that holds the event loop shows up in the probe's p99.
 * Needs the compiled CLI (`npm run build`). Figures only. Run alone:
 * `node --conditions=source --import tsx bench/http-load.ts [seconds=10] [repeats=2]`.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'server/bin.mjs');

/** The routes the issue names, heaviest first; `/healthz` alone is the floor. */
export const LOADED_ROUTES = ['/assets', '/assets/gold/matches', '/lineage', '/report', '/runs', '/healthz'] as const;
export const PROBE_ROUTE = '/healthz';

export interface WrkFigures {
  readonly requests: number;
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  /** Socket errors, timeouts and answers other than 2xx/3xx. */
  readonly errors: number;
}

export interface RouteLoad {
  readonly route: string;
  readonly load: WrkFigures;
  /** The one-connection `/healthz` probe that ran during the load. */
  readonly probe: WrkFigures;
}

export type HttpLoadResult = { readonly skipped: string } | { readonly seconds: number; readonly runs: readonly (readonly RouteLoad[])[] };

// wrk's own numbers, exact (µs), instead of parsing its rounded, unit-suffixed report.
const DONE_HOOK = `done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('{"requests":%d,"durationUs":%d,"p50Us":%d,"p99Us":%d,"maxUs":%d,"errors":%d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), latency.max,
    e.connect + e.read + e.write + e.status + e.timeout))
end
`;

/** Why the section cannot run here, or undefined when wrk is installed. */
export function wrkMissing(): string | undefined {
  const found = spawnSync('wrk', ['--version'], { encoding: 'utf8' });
  return found.error === undefined ? undefined : 'wrk is not installed (apt-get install wrk); the load section is skipped';
}

export async function measureHttpLoad(seconds = 10, repeats = 2): Promise<HttpLoadResult> {
  const missing = wrkMissing();
  if (missing !== undefined) return { skipped: missing };
  const scratch = mkdtempSync(join(tmpdir(), 'medallion-bench-http-'));
  try {
    const lake = join(scratch, 'lake');
    const script = join(scratch, 'done.lua');
    writeFileSync(script, DONE_HOOK);
    const built = spawnSync(process.execPath, [bin, 'materialize', '*', '--lake', lake], { cwd: root, encoding: 'utf8' });
    if (built.status !== 0) throw new Error(`materialize * exited ${built.status}:\n${built.stderr}`);
    const server = await startServer(lake);
    try {
      for (const route of LOADED_ROUTES) await warmUp(server.url + route);
      const runs: RouteLoad[][] = [];
      for (let i = 0; i < repeats; i++) {
        const run: RouteLoad[] = [];
        for (const route of LOADED_ROUTES) {
          const [load, probe] = await Promise.all([wrk(script, server.url + route, 32, seconds), wrk(script, server.url + PROBE_ROUTE, 1, seconds)]);
          run.push({ route, load, probe });
        }
        runs.push(run);
      }
      return { seconds, runs };
    } finally {
      server.process.kill('SIGTERM');
      await once(server.process, 'exit');
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** `medallion serve --port 0 --json`: its first stdout line says where it listens. Request logs go nowhere. */
async function startServer(lake: string): Promise<{ url: string; process: ChildProcess }> {
  const child = spawn(process.execPath, [bin, 'serve', '--port', '0', '--json', '--lake', lake], { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] });
  const exited = once(child, 'exit').then(([code]) => {
    throw new Error(`medallion serve exited ${code} before listening`);
  });
  const lines = createInterface({ input: child.stdout! });
  const [first] = (await Promise.race([once(lines, 'line'), exited])) as [string];
  lines.close();
  child.stdout!.resume();
  return { url: (JSON.parse(first) as { url: string }).url, process: child };
}

async function warmUp(url: string): Promise<void> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}: ${await response.text()}`);
  await response.arrayBuffer();
}

async function wrk(script: string, url: string, connections: number, seconds: number): Promise<WrkFigures> {
  const threads = Math.min(2, connections);
  // A generous timeout, so a slow answer counts in the latency instead of vanishing as a timeout.
  const args = [`-t${threads}`, `-c${connections}`, `-d${seconds}s`, '--timeout', '30s', '-s', script, url];
  const child = spawn('wrk', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  const [code] = (await once(child, 'exit')) as [number | null];
  const line = out.split('\n').find((candidate) => candidate.startsWith('{"requests"'));
  if (code !== 0 || line === undefined) throw new Error(`wrk ${args.join(' ')} exited ${code}:\n${err}${out}`);
  const raw = JSON.parse(line) as { requests: number; durationUs: number; p50Us: number; p99Us: number; maxUs: number; errors: number };
  return {
    requests: raw.requests,
    requestsPerSecond: raw.requests / (raw.durationUs / 1e6),
    p50Ms: raw.p50Us / 1000,
    p99Ms: raw.p99Us / 1000,
    maxMs: raw.maxUs / 1000,
    errors: raw.errors,
  };
}

/** The bench's rows (label, value, target, note): each figure once per repeat, separated by " / ". */
export function httpLoadRows(result: HttpLoadResult): [string, string, string, string][] {
  if ('skipped' in result) return [['HTTP load (wrk, loopback)', 'skipped', '', result.skipped]];
  const each = (route: string, figure: (load: RouteLoad) => number, digits = 0) =>
    result.runs.map((run) => figure(run.find((load) => load.route === route)!).toFixed(digits)).join(' / ');
  // A probe that got no answer in the whole run has no percentile: its wait was longer than the run.
  const probeP99 = (route: string) =>
    result.runs.map((run) => run.find((load) => load.route === route)!.probe).map((probe) => (probe.requests === 0 ? `>${result.seconds * 1000}` : probe.p99Ms.toFixed(1))).join(' / ');
  const errors = (route: string) => result.runs.flatMap((run) => run.filter((load) => load.route === route)).reduce((sum, load) => sum + load.load.errors + load.probe.errors, 0);
  return LOADED_ROUTES.flatMap((route): [string, string, string, string][] => [
    [`GET ${route}, 32 connections, ${result.seconds} s: req/s`, each(route, (load) => load.load.requestsPerSecond), route === PROBE_ROUTE ? '' : '≥ 1000', errors(route) > 0 ? `${errors(route)} errors` : ''],
    ['  p99', `${each(route, (load) => load.load.p99Ms, 1)} ms`, route === PROBE_ROUTE ? '' : '≤ 100 ms', ''],
    [`  ${PROBE_ROUTE} p99 meanwhile (1 connection)`, `${probeP99(route)} ms`, '≤ 50 ms', `${each(route, (load) => load.probe.requestsPerSecond)} req/s`],
  ]);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await measureHttpLoad(Number(process.argv[2] ?? 10), Number(process.argv[3] ?? 2));
  for (const [label, value, target, note] of httpLoadRows(result)) console.log(`${label.padEnd(46)} ${value.padStart(16)}  ${target.padEnd(10)} ${note}`);
}
