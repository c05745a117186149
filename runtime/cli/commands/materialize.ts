/** `medallion materialize [SELECTION]`: materialize what is missing or stale, with progress and a summary. */
import { UsageError } from '../../errors.ts';
import { materialize } from '../../executor/run.ts';
import type { RunSummary } from '../../ledger/run-summary.ts';
import type { CommandContext } from '../command.ts';
import { EXIT_OK, exitCodeForFailedRun } from '../exit-codes.ts';
import { createProgressReporter, formatRunSummary } from '../progress-reporter.ts';

export async function run(ctx: CommandContext): Promise<number> {
  const selection = selectionOf(ctx.positionals, ctx.values.all === true);
  const concurrency = ctx.values.concurrency === undefined ? undefined : Number(ctx.values.concurrency);
  if (concurrency !== undefined && !(Number.isInteger(concurrency) && concurrency >= 1)) {
    throw new UsageError(`--concurrency must be a whole number ≥ 1, not "${String(ctx.values.concurrency)}".`);
  }
  const graph = await ctx.graph();
  const lake = ctx.lake();
  const interrupt = interruptOnSignal(ctx);
  const { summary } = await materialize({
    signal: interrupt.signal,
    graph,
    storage: lake,
    selection,
    force: ctx.values.force === true,
    ...(typeof ctx.values.partition === 'string' ? { partition: ctx.values.partition } : {}),
    ...(concurrency === undefined ? {} : { concurrency }),
    ...(ctx.json ? {} : { onEvent: createProgressReporter(ctx.io) }),
  });
  interrupt.dispose();
  if (ctx.json) ctx.io.stdout.write(`${JSON.stringify(toJson(summary), null, 2)}\n`);
  else ctx.io.stdout.write(formatRunSummary(summary, lake.location));
  return summary.status === 'succeeded' ? EXIT_OK : exitCodeForFailedRun(summary.outcomes);
}

/**
 * The first Ctrl-C lets running assets finish and starts no more (the run summary still gets written); a
 * second one exits at once. Either way nothing is lost: the journal and the lock's dead-owner takeover let the
 * next run resume.
 */
function interruptOnSignal(ctx: { io: { stderr: { write(text: string): unknown } } }) {
  const controller = new AbortController();
  const onSignal = () => {
    if (controller.signal.aborted) process.exit(130);
    ctx.io.stderr.write('\nInterrupted: letting running assets finish, starting no more (Ctrl-C again to stop at once).\n');
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    signal: controller.signal,
    dispose: () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}

function selectionOf(positionals: readonly string[], all: boolean): string {
  if (all && positionals.length > 0) throw new UsageError('Give either a selection or --all, not both.');
  if (all) return '*';
  if (positionals.length === 0) {
    throw new UsageError('Nothing selected: give a selection (e.g. "+gold/matches" or "group:silver") or --all.');
  }
  return positionals.join(',');
}

function toJson(summary: RunSummary) {
  const keysOf = (...types: string[]) =>
    summary.outcomes.filter((outcome) => types.includes(outcome.type)).map((outcome) => outcome.partition === null ? outcome.asset : `${outcome.asset}[${outcome.partition}]`);
  return {
    runId: summary.runId,
    status: summary.status,
    materialized: keysOf('materialized'),
    skipped: keysOf('skipped'),
    failed: keysOf('failed', 'upstream-failed'),
    outcomes: summary.outcomes,
  };
}
