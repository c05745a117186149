/**
 * `npm run bench`: prints the figures the issues set targets for, measured on this machine.
 *   - cold `npm start` (the whole pipeline into an empty lake, as a process) and the no-op rerun
 *   - framework overhead per asset on a graph of 200 trivial assets
 *   - matching at 1× and 10×, extraction over loopback, the Discogs window, the requests of a first and a
 *     second live run
 *   - the server under load: each route at 32 connections with wrk, and /healthz meanwhile (skipped without wrk)
 *   - gold/matches through the real Inngest server against in process, and calls per run
 *   - throughput of 24 CPU-bound partitions on self-hosted Inngest with 1 and with 3 replicas (skipped without
 *     redis, postgres, nginx or the Inngest server)
 * Figures only; nothing here asserts a time.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureCompressedWindow, measureFullScaleExtraction, measureLiveRequestCost } from './extraction.ts';
import { measureOverhead } from './framework-overhead.ts';
import { httpLoadRows, measureHttpLoad } from './http-load.ts';
import { measureOrchestration } from './inngest-orchestration.ts';
import { measureScaleOut, scaleOutRows } from './scale-out.ts';
import { DEFAULT_HASH_MIB } from './scale-out/assets.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'server/bin.mjs');

function timeProcess(args: string[], script = bin): number {
  const start = performance.now();
  const result = spawnSync(process.execPath, [script, ...args].filter((arg) => arg !== ''), { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const ms = performance.now() - start;
  if (result.status !== 0) throw new Error(`medallion ${args.join(' ')} exited ${result.status}:\n${result.stderr}`);
  return ms;
}

/** candidates + gold durations from the run summary a cold run wrote into `lake`. */
function matchingMsOf(lake: string): number {
  const runs = join(lake, 'metrics', '_runs');
  const summary = JSON.parse(readFileSync(join(runs, readdirSync(runs)[0]!), 'utf8')) as { outcomes: { asset: string; durationMs: number }[] };
  return summary.outcomes.filter((outcome) => outcome.asset === 'intermediate/candidates' || outcome.asset === 'gold/matches').reduce((sum, outcome) => sum + outcome.durationMs, 0);
}

/** Matching on catalogue-built intermediate rows, in its own process so its peak RSS is its own. */
function matchingAtScale(films: number): { matchingMs: number; pairsScored: number; peakRssMb: number; precision: number; recall: number } {
  const result = spawnSync(process.execPath, ['--expose-gc', '--conditions=source', '--import', 'tsx', join(root, 'bench/matching-scale.ts'), String(films)], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`matching at ${films} films failed:\n${result.stderr}`);
  return JSON.parse(result.stdout) as ReturnType<typeof matchingAtScale>;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const fmt = (ms: number) => `${ms.toFixed(0)} ms`;
const row = (label: string, value: string, target = '', ratio = '') => console.log(`${label.padEnd(46)} ${value.padStart(12)}  ${target.padEnd(12)} ${ratio}`);

console.log(`medallion bench · node ${process.version} · ${cpus().length} cores · ${new Date().toISOString()}\n`);
console.log(`${'measure'.padEnd(46)} ${'value'.padStart(12)}  ${'target'.padEnd(12)} ratio`);

const runs = Number(process.env.BENCH_RUNS ?? 5);
const colds: number[] = [];
const noops: number[] = [];
const matchingInRun: number[] = [];
for (let i = 0; i < runs; i++) {
  const lake = mkdtempSync(join(tmpdir(), 'medallion-bench-'));
  try {
    colds.push(timeProcess(['materialize', '*', '--lake', lake]));
    matchingInRun.push(matchingMsOf(lake));
    noops.push(timeProcess(['materialize', '*', '--lake', lake]));
  } finally {
    rmSync(lake, { recursive: true, force: true });
  }
}
// Start-up against a bare Node, in turn, with the compiled config (no TypeScript loader) and with the
// repository's medallion.config.ts as `npm start` finds it (tsx on a Node that cannot strip types).
const COMPILED = ['--config', 'dist/medallion.config.js'];
const startup = { node: [] as number[], help: [] as number[], helpTs: [] as number[], noop: [] as number[], noopTs: [] as number[] };
const startupLake = mkdtempSync(join(tmpdir(), 'medallion-bench-'));
try {
  timeProcess(['materialize', '*', '--lake', startupLake, ...COMPILED]);
  for (let i = 0; i < Math.max(runs, 5); i++) {
    startup.node.push(timeProcess(['-e', '0'], ''));
    startup.help.push(timeProcess(['--help', ...COMPILED]));
    startup.helpTs.push(timeProcess(['--help']));
    startup.noop.push(timeProcess(['materialize', '--all', '--lake', startupLake, ...COMPILED]));
    startup.noopTs.push(timeProcess(['materialize', '--all', '--lake', startupLake]));
  }
} finally {
  rmSync(startupLake, { recursive: true, force: true });
}
const bare = median(startup.node);
const times = (ms: number) => `${(ms / bare).toFixed(1)}× node`;
row('bare node -e 0', fmt(bare));
row('medallion --help (compiled config)', fmt(median(startup.help)), '≤ 3× node', times(median(startup.help)));
row('  with medallion.config.ts', fmt(median(startup.helpTs)), '', times(median(startup.helpTs)));
row('no-op materialize --all (compiled config)', fmt(median(startup.noop)), '≤ 4× node', times(median(startup.noop)));
row('  with medallion.config.ts', fmt(median(startup.noopTs)), '', times(median(startup.noopTs)));
row(`cold npm start, sample pipeline (median of ${runs})`, fmt(median(colds)), '≤ 15000 ms', `${(median(colds) / 15_000).toFixed(2)}×`);
row('  candidates + gold inside it (run summary)', fmt(median(matchingInRun)), '≤ 2000 ms', `${(median(matchingInRun) / 2_000).toFixed(2)}×`);
row(`no-op rerun, whole process (median of ${runs})`, fmt(median(noops)), '≤ 1000 ms', `${(median(noops) / 1000).toFixed(2)}×`);

for (const concurrency of [1, 4]) {
  const lake = mkdtempSync(join(tmpdir(), 'medallion-bench-'));
  try {
    const result = await measureOverhead(lake, concurrency);
    const perAsset = result.coldMs / result.materialized;
    row(`200 trivial assets, cold, concurrency ${concurrency}`, fmt(result.coldMs));
    row(`  overhead per materialized asset`, `${perAsset.toFixed(2)} ms`, '≤ 10 ms', `${(perAsset / 10).toFixed(2)}×`);
    row(`  no-op run over 200 fresh assets`, fmt(result.noopMs), '', `${(result.noopMs / result.assets).toFixed(2)} ms/asset`);
  } finally {
    rmSync(lake, { recursive: true, force: true });
  }
}

// 1× and 10× in turn, `runs` times: a 0.6 s run alone swings the ratio by a tenth, and the machine's drift
// falls on both scales alike. The ratio is of the medians; the spread is each pair's own.
const scaled = Array.from({ length: runs }, () => [matchingAtScale(10_000), matchingAtScale(100_000)] as const);
const [one, ten] = [scaled[0]![0], scaled[0]![1]];
const [oneMs, tenMs] = [median(scaled.map(([a]) => a.matchingMs)), median(scaled.map(([, b]) => b.matchingMs))];
const pairRatios = scaled.map(([a, b]) => b.matchingMs / a.matchingMs);
row(`matching alone, 1× (10,000 × ~30,000), median of ${runs}`, fmt(oneMs), '', `${one.pairsScored} pairs scored`);
row('matching alone at 10× (100,000 × ~300,000)', fmt(tenMs), '≤ 10× 1×', `${(tenMs / oneMs).toFixed(1)}× (pairs ${(ten.pairsScored / one.pairsScored).toFixed(1)}×; each run ${Math.min(...pairRatios).toFixed(1)}–${Math.max(...pairRatios).toFixed(1)}×)`);
const peakRssMb = Math.max(...scaled.map(([, b]) => b.peakRssMb));
row('  peak RSS at 10× (largest run)', `${peakRssMb.toFixed(0)} MB`, '≤ 2048 MB', `${(peakRssMb / 2048).toFixed(2)}×`);
row('  quality at 10× (all releases known)', `P ${ten.precision.toFixed(3)}`, '', `R ${ten.recall.toFixed(3)}`);

const extraction = await measureFullScaleExtraction();
row('extraction, original scale over loopback (wall)', fmt(extraction.wallMs));
row(`  ${extraction.requests} requests, ${extraction.rows} raw rows`, `${extraction.requestsPerSecond.toFixed(0)} req/s`);
const window = await measureCompressedWindow();
row(`Discogs bulk at 60 requests per 2 s (${window.requests} requests)`, fmt(window.wallMs), '≤ 1.05× floor', `${window.ratio.toFixed(3)}× of ${fmt(window.floorMs)}`);
row('  429s provoked', String(window.throttled), '0');
const [firstRun, secondRun] = await measureLiveRequestCost(2);
for (const [label, cost] of [['first', firstRun!], ['second', secondRun!]] as const) {
  const total = Object.values(cost).reduce((sum, count) => sum + count, 0);
  const discogs = Object.entries(cost).filter(([endpoint]) => endpoint.startsWith('discogs')).reduce((sum, [, count]) => sum + count, 0);
  row(`live plan, ${label} run: requests`, String(total), '', `Discogs ${discogs} (${(discogs / 60).toFixed(0)} min at 60/min)`);
  row('  by endpoint', '', '', Object.entries(cost).map(([endpoint, count]) => `${endpoint} ${count}`).join(', '));
}

// BENCH_HTTP_SECONDS per wrk run (default 10), BENCH_HTTP_REPEATS runs of every route (default 2).
const load = await measureHttpLoad(Number(process.env.BENCH_HTTP_SECONDS ?? 10), Number(process.env.BENCH_HTTP_REPEATS ?? 2));
for (const [label, value, target, note] of httpLoadRows(load)) row(label, value, target, note);

// Needs the real Inngest server: the cached build (built now if missing, which needs Go) or MEDALLION_INNGEST_COMMAND.
try {
  const orchestration = await measureOrchestration(1);
  const { inngestMs, inProcessMs, runs: assetRuns, materialized, calls, perFunction } = orchestration;
  row('gold/matches on Inngest, request→fresh (1 s)', fmt(inngestMs), '', `${(inngestMs / inProcessMs).toFixed(1)}× in process`);
  row('  the same with ?run=in-process (e2e scale)', fmt(inProcessMs));
  row(`  ${assetRuns} runs, ${materialized} slots materialized`, `${((inngestMs - inProcessMs) / assetRuns).toFixed(0)} ms/run`, '', 'orchestration + debounce per run');
  const sequential = Object.values(perFunction).filter((fn) => fn.calls === fn.runs).length;
  row('  calls to /api/inngest per run', (calls / assetRuns).toFixed(2), '', `${sequential} of ${Object.keys(perFunction).length} functions: 1 per run`);
} catch (error) {
  row('gold/matches on Inngest', 'skipped', '', error instanceof Error ? error.message.split('\n')[0]! : String(error));
}

// BENCH_SCALE_MIB of sha256 per partition (default 1024), BENCH_SCALE_REPEATS pairs of stacks (default 1).
const scaleOut = await measureScaleOut(Number(process.env.BENCH_SCALE_MIB ?? DEFAULT_HASH_MIB), Number(process.env.BENCH_SCALE_REPEATS ?? 1));
for (const [label, value, target, note] of scaleOutRows(scaleOut)) row(label, value, target, note);
