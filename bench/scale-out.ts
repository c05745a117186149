/**
 * Throughput with 1 replica and with 3: the scale-out stack (tests/scale/support/scale-stack.ts: `inngest start`
 * on Redis and PostgreSQL, `medallion serve` replicas behind nginx round-robin, an Azurite lake) serving the
 * benchmark graph of bench/scale-out/ (24 partitions of fixed sha256 work, and one asset that reads them all).
 * One `medallion/asset.requested` for the partitioned asset fans out one run per partition; the wall time runs
 * from that request to the last partition's commit (its ledger record's `finishedAt`), and on to the
 * downstream's. A fresh stack, so a fresh lake, for each replica count; on it, the request once fresh and once
 * again with `force` (warm replicas: the steady state). The machine is shared, so each round also says how
 * much CPU went to the replicas, to the whole stack, and to everything else.
 * Needs the compiled CLI (`npm run build`), redis-server, PostgreSQL, nginx and the Inngest server (Go, or
 * MEDALLION_INNGEST_COMMAND); skipped, saying which is missing, without them. Figures only. Run alone:
 * `node --conditions=source --import tsx bench/scale-out.ts [MiB per partition=1024] [repeats=1]`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Ledger } from '../runtime/internal.ts';
import { inngestCommand } from '../tests/e2e/support/inngest-dev-server.ts';
import { ScaleStack } from '../tests/scale/support/scale-stack.ts';
import { postgresBin, type UpstreamLogLine } from '../tests/scale/support/services.ts';
import { cpuSnapshot, machineBusySeconds, treeCpuSeconds } from './cpu-time.ts';
import { createScaleOutGraph, DEFAULT_HASH_MIB, hashChain, PARTITIONS } from './scale-out/assets.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const CONFIG = 'bench/scale-out/medallion.config.ts';
const PARTITIONED = 'raw/hash_chains';
const DOWNSTREAM = 'gold/hash_chain_heads';
/** Workers enough for every partition's run, the fan-out and the downstream at once (Inngest's default is 100). */
const QUEUE_WORKERS = 2 * PARTITIONS.length;

/** One timed request: the partitioned asset requested, until every partition (and the downstream) committed. */
export interface ScaleOutRound {
  /** From the request to the last partition's commit. */
  readonly partitionsMs: number;
  /** From the request to the downstream's commit; undefined for a forced round (same data: it is skipped). */
  readonly downstreamMs: number | undefined;
  /** How many partitions each replica materialized (from its `medallion.materialize` spans). */
  readonly partitionsByReplica: Readonly<Record<string, number>>;
  /** The most calls to /api/inngest that nginx had in flight at once. */
  readonly maxCallsInFlight: number;
  /**
   * CPU meanwhile, in cores used on average over the round: the replicas, the whole stack (inngest, the services
   * and this process too), and every process on the machine.
   */
  readonly cores: { readonly replicas: number; readonly stack: number; readonly machine: number };
}

export interface ScaleOutRun {
  readonly replicas: number;
  /** The first request on a fresh stack: a fresh lake, and replicas that have not materialized anything yet. */
  readonly fresh: ScaleOutRound;
  /** The same request again with `force`, on the same replicas: the steady state, without their start-up. */
  readonly warm: ScaleOutRound;
  /** Each replica's peak RSS (VmHWM), MiB. */
  readonly peakRssMiB: Readonly<Record<string, number | undefined>>;
}

export type ScaleOutResult =
  | { readonly skipped: string }
  | {
    readonly cores: number;
    readonly hashMiB: number;
    readonly partitions: number;
    readonly queueWorkers: number;
    /** One partition's work in this process (CPU time), just before the stacks start. */
    readonly onePartitionCpuMs: number;
    readonly runs: readonly ScaleOutRun[];
  };

/** Why the section cannot run here, or undefined when everything it needs is installed. */
export function scaleOutMissing(): string | undefined {
  if (!existsSync(join(root, 'dist/runtime/index.js'))) return 'the compiled CLI is missing (npm run build)';
  for (const [tool, args, install] of [['redis-server', ['--version'], 'redis-server'], ['nginx', ['-v'], 'nginx']] as const) {
    if (spawnSync(tool, args).error !== undefined) return `${tool} is not installed (apt-get install ${install})`;
  }
  try {
    postgresBin('initdb');
  } catch (error) {
    return (error as Error).message;
  }
  try {
    inngestCommand();
  } catch {
    return 'the Inngest server is not built and cannot be: Go is needed (tests/e2e/inngest-server.sh), or set MEDALLION_INNGEST_COMMAND';
  }
  return undefined;
}

/** Measures 1 replica, then 3, `repeats` times over (each on a fresh stack). */
/** What is wrong with the section's settings (as given: numbers, or the command line's strings), if anything. */
function settingsProblem(hashMiB: number | string, repeats: number | string): string | undefined {
  const [mib, times] = [Number(hashMiB), Number(repeats)];
  if (!Number.isInteger(mib) || mib < 1 || mib > 65_536) return `The work per partition is a whole number of MiB from 1 to 65536, not "${hashMiB}".`;
  if (!Number.isInteger(times) || times < 1) return `The repeats are a whole number from 1, not "${repeats}".`;
  return undefined;
}

export async function measureScaleOut(hashMiB = DEFAULT_HASH_MIB, repeats = 1): Promise<ScaleOutResult> {
  const problem = settingsProblem(hashMiB, repeats);
  if (problem !== undefined) throw new RangeError(problem);
  const missing = scaleOutMissing();
  if (missing !== undefined) return { skipped: `${missing}; the scale-out section is skipped` };
  const cpu = process.cpuUsage();
  hashChain(PARTITIONS[0]!, hashMiB);
  const used = process.cpuUsage(cpu);
  const runs: ScaleOutRun[] = [];
  for (let i = 0; i < repeats; i++) for (const replicas of [1, 3]) runs.push(await measureStack(replicas, hashMiB));
  return { cores: cpus().length, hashMiB, partitions: PARTITIONS.length, queueWorkers: QUEUE_WORKERS, onePartitionCpuMs: (used.user + used.system) / 1000, runs };
}

async function measureStack(replicas: number, hashMiB: number): Promise<ScaleOutRun> {
  const stack = await ScaleStack.start({
    replicas,
    serveArgs: ['--config', CONFIG],
    graph: createScaleOutGraph(hashMiB),
    queueWorkers: QUEUE_WORKERS,
    // The downstream is debounced (it reads 24 slots): a short period, so it follows the last partition closely.
    serveEnv: { MEDALLION_BENCH_HASH_MIB: String(hashMiB), MEDALLION_INNGEST_DEBOUNCE: '1s' },
  });
  try {
    const fresh = await measureRound(stack, false);
    const warm = await measureRound(stack, true);
    return { replicas, fresh, warm, peakRssMiB: stack.peakMemoryMiB() };
  } finally {
    await stack.close();
  }
}

async function measureRound(stack: ScaleStack, force: boolean): Promise<ScaleOutRound> {
  const ledger = new Ledger(stack.storage);
  const finishedAt = async (key: string, partition: string | null) => {
    const head = await ledger.readHead(key, partition);
    return head === undefined ? Number.NaN : Date.parse(head.record.finishedAt);
  };
  const partitionsFinishedAt = () => Promise.all(PARTITIONS.map((partition) => finishedAt(PARTITIONED, partition)));
  const before = cpuSnapshot();
  const requestedAt = Date.now();
  const response = await stack.api(`/assets/${PARTITIONED}/materialize`, { json: force ? { force } : {} });
  if (response.status !== 202) throw new Error(`POST /assets/${PARTITIONED}/materialize answered ${response.status}: ${await response.text()}`);
  if (force) {
    await stack.waitUntil('every partition is committed again', async () => (await partitionsFinishedAt()).every((at) => at >= requestedAt), 600_000, 1000);
  } else {
    await stack.waitUntil(`every partition and ${DOWNSTREAM} are committed`, () => stack.allFresh(), 600_000, 1000);
  }
  const after = cpuSnapshot();
  const windowS = (Date.now() - requestedAt) / 1000;
  return {
    partitionsMs: Math.max(...(await partitionsFinishedAt())) - requestedAt,
    downstreamMs: force ? undefined : (await finishedAt(DOWNSTREAM, null)) - requestedAt,
    partitionsByReplica: await waitForMaterializeSpans(stack, requestedAt),
    maxCallsInFlight: maxInFlight(stack.nginx.accessLog().filter((line) => line.method === 'POST' && line.path === '/api/inngest' && line.at >= requestedAt)),
    cores: {
      replicas: treeCpuSeconds(before, after, stack.replicas.map((replica) => replica.serve.child.process.pid!)) / windowS,
      stack: treeCpuSeconds(before, after, [process.pid]) / windowS,
      machine: machineBusySeconds(before, after) / windowS,
    },
  };
}

/** Partitions each replica materialized since `since`, once every partition's span is in (or after 10 s). */
async function waitForMaterializeSpans(stack: ScaleStack, since: number): Promise<Record<string, number>> {
  const count = () => {
    const byReplica: Record<string, Set<string>> = Object.fromEntries(stack.replicas.map((replica) => [replica.id, new Set<string>()]));
    for (const span of stack.otlp.spans) {
      const { 'medallion.asset.key': key, 'medallion.partition': partition, 'medallion.outcome': outcome } = span.attributes;
      // The span is named after the slot: `medallion.materialize raw/hash_chains[p07]`.
      if (span.name.startsWith('medallion.materialize ') && span.startMs >= since && key === PARTITIONED && outcome === 'materialized' && span.instance !== undefined) {
        byReplica[span.instance]?.add(String(partition));
      }
    }
    return Object.fromEntries(Object.entries(byReplica).map(([replica, partitions]) => [replica, partitions.size]));
  };
  const total = () => Object.values(count()).reduce((sum, n) => sum + n, 0);
  await stack.waitUntil('every partition has its materialize span', () => Promise.resolve(total() >= PARTITIONS.length), 10_000, 200).catch(() => undefined);
  return count();
}

/** The most intervals (nginx's end time minus its request time) open at once. */
function maxInFlight(lines: readonly UpstreamLogLine[]): number {
  const edges = lines.flatMap((line) => [[line.at - line.seconds * 1000, 1], [line.at, -1]] as const);
  // At equal times an end comes before a start: touching intervals do not overlap.
  edges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let open = 0;
  let most = 0;
  for (const [, change] of edges) most = Math.max(most, (open += change));
  return most;
}

/** The bench's rows (label, value, target, note). */
export function scaleOutRows(result: ScaleOutResult): [string, string, string, string][] {
  if ('skipped' in result) return [['scale-out, 1 vs 3 replicas', 'skipped', '', result.skipped]];
  const rate = (round: ScaleOutRound) => result.partitions / (round.partitionsMs / 1000);
  const cores = ({ cores: { replicas, stack, machine } }: ScaleOutRound) => `${replicas.toFixed(2)} / ${stack.toFixed(2)} / ${(machine - stack).toFixed(2)}`;
  const rows: [string, string, string, string][] = [
    [`one partition: ${result.hashMiB} MiB of sha256, CPU`, `${result.onePartitionCpuMs.toFixed(0)} ms`, '', `all ${result.partitions}: ${((result.onePartitionCpuMs * result.partitions) / 1000).toFixed(1)} s of one core`],
  ];
  for (const run of result.runs) {
    const rss = Object.values(run.peakRssMiB).map((mib) => (mib === undefined ? '?' : String(mib))).join(' / ');
    rows.push(
      [`${result.partitions} partitions, ${run.replicas} replica${run.replicas === 1 ? '' : 's'}, fresh stack: wall`, `${run.fresh.partitionsMs.toFixed(0)} ms`, '', `${rate(run.fresh).toFixed(2)} partitions/s; downstream at ${run.fresh.downstreamMs!.toFixed(0)} ms`],
      ['  again with force, warm replicas: wall', `${run.warm.partitionsMs.toFixed(0)} ms`, '', `${rate(run.warm).toFixed(2)} partitions/s`],
      ['  partitions per replica, fresh; warm', `${Object.values(run.fresh.partitionsByReplica).join('/')}; ${Object.values(run.warm.partitionsByReplica).join('/')}`, '', `at most ${run.fresh.maxCallsInFlight}; ${run.warm.maxCallsInFlight} calls to /api/inngest at once`],
      ['  cores: replicas / stack / others, fresh', cores(run.fresh), '', `of ${result.cores}, averaged over the round`],
      ['  cores: replicas / stack / others, warm', cores(run.warm), '', ''],
      ['  peak RSS per replica (VmHWM)', `${rss} MiB`, '', ''],
    );
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const ratio = (round: 'fresh' | 'warm', figure: (round: ScaleOutRound) => number) => {
    const medianOf = (replicas: number) => median(result.runs.filter((run) => run.replicas === replicas).map((run) => figure(run[round])));
    return `${(medianOf(3) / medianOf(1)).toFixed(2)}×`;
  };
  // Throughput follows the cores the replicas got: the machine's other processes take what they take.
  const replicaCores = (round: 'fresh' | 'warm') => `the replicas had ${ratio(round, (measured) => measured.cores.replicas)} the cores`;
  const ceiling = `≤ ${Math.min(3, result.cores)}× (${result.cores} cores)`;
  const of = result.runs.length > 2 ? ` (medians of ${result.runs.length / 2})` : '';
  rows.push(
    [`throughput 3 replicas / 1, fresh stacks${of}`, ratio('fresh', rate), ceiling, `${replicaCores('fresh')}; each fresh replica pays its own start-up (modules, data plane)`],
    [`throughput 3 replicas / 1, warm replicas${of}`, ratio('warm', rate), ceiling,
      `${replicaCores('warm')}. 1 replica is one event loop, which the hashing holds: at most 1 core; 3 share the ${result.cores} cores with inngest, redis, postgres, nginx, azurite and the machine's other processes (others). ${result.queueWorkers} queue workers, one run per partition at a time`],
  );
  return rows;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [hashMiB = String(DEFAULT_HASH_MIB), repeats = '1'] = process.argv.slice(2);
  const problem = settingsProblem(hashMiB, repeats);
  if (problem !== undefined) {
    console.error(`${problem} Usage: bench/scale-out.ts [MiB per partition] [repeats]`);
    process.exit(2);
  }
  for (const [label, value, target, note] of scaleOutRows(await measureScaleOut(Number(hashMiB), Number(repeats)))) console.log(`${label.padEnd(46)} ${value.padStart(16)}  ${target.padEnd(16)} ${note}`);
}
