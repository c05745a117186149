/** `medallion materialize [SELECTION]`: materialize what is missing or stale, with progress and a summary. */
import { slotLabel } from '../../asset/asset-key.ts';
import { UsageError } from '../../errors.ts';
import { materialize } from '../../executor/run.ts';
import type { RunSummary } from '../../ledger/run-summary.ts';
import type { CommandContext } from '../command.ts';
import { EXIT_OK, EXIT_RUN_FAILED, EXIT_SIGINT, EXIT_SIGTERM, exitCodeForFailedRun } from '../exit-codes.ts';
import { createProgressReporter, formatRunSummary } from '../progress-reporter.ts';

export async function run(ctx: CommandContext): Promise<number> {
  const selection = selectionOf(ctx.positionals, ctx.values.all === true);
  const concurrency = ctx.values.concurrency === undefined ? undefined : Number(ctx.values.concurrency);
  if (concurrency !== undefined && !(Number.isInteger(concurrency) && concurrency >= 1)) {
    throw new UsageError(`--concurrency must be a whole number ≥ 1, not "${String(ctx.values.concurrency)}".`);
  }
  const graph = await ctx.graph();
  const lake = ctx.lake();
  const interrupt = interruptOnSignal(ctx.io);
  let summary: RunSummary;
  try {
    ({ summary } = await materialize({
      signal: interrupt.signal,
      graph,
      storage: lake,
      selection,
      force: ctx.values.force === true,
      ...(typeof ctx.values.partition === 'string' ? { partition: ctx.values.partition } : {}),
      ...(concurrency === undefined ? {} : { concurrency }),
      ...(ctx.json ? {} : { onEvent: createProgressReporter(ctx.io) }),
    }));
  } finally {
    interrupt.runEnded();
  }
  if (ctx.json) ctx.io.stdout.write(`${JSON.stringify(toJson(summary), null, 2)}\n`);
  else ctx.io.stdout.write(formatRunSummary(summary, lake.location));
  if (summary.status === 'interrupted') {
    ctx.io.stderr.write(
      `medallion: the run was interrupted (${interrupt.received ?? 'aborted'}) and is recorded as such ("medallion runs ${summary.runId}"). ` +
        'Run the same command again to resume: completed steps are kept.\n',
    );
    return interrupt.exitCode ?? EXIT_RUN_FAILED;
  }
  return summary.status === 'succeeded' ? EXIT_OK : exitCodeForFailedRun(summary.outcomes);
}

/** How long after the first signal the process exits even if the run has not stopped (the promise: within 5 s). */
const STOP_DEADLINE_MS = 4_500;

/**
 * SIGINT or SIGTERM stops the run: waits end at once, running assets see `ctx.signal` and get the executor's
 * grace period, and the summary says `interrupted`; the process then exits 130 (SIGINT) or 143 (SIGTERM). If
 * it is still alive STOP_DEADLINE_MS after the signal (an asset's handles, a hung lake call), it exits anyway;
 * a second signal exits at once. Nothing is lost either way: the journal keeps completed steps, and a run
 * that could not write its summary is recorded as interrupted by the next one.
 */
function interruptOnSignal(io: { stderr: { write(text: string): unknown } }) {
  const controller = new AbortController();
  let received: NodeJS.Signals | undefined;
  let isRunOver = false;
  const exitCodeOf = (name: NodeJS.Signals) => (name === 'SIGINT' ? EXIT_SIGINT : EXIT_SIGTERM);
  const onSignal = (name: NodeJS.Signals) => {
    if (received !== undefined) {
      io.stderr.write(`\nmedallion: ${name} again: exiting now; the next run records this one as interrupted and resumes its assets.\n`);
      process.exit(exitCodeOf(name));
    }
    received = name;
    io.stderr.write(`\nmedallion: ${name}: stopping the run (waits end now; running assets are told to stop). Send ${name} again to exit at once.\n`);
    controller.abort(new DOMException(`${name} received`, 'AbortError'));
    // Unref'd: it only fires if something keeps the process alive past the deadline.
    setTimeout(() => {
      io.stderr.write(
        isRunOver
          ? `medallion: exiting ${STOP_DEADLINE_MS / 1000} s after ${name}; an asset that ignored the signal was still running.\n`
          : `medallion: the run did not stop within ${STOP_DEADLINE_MS / 1000} s of ${name}; exiting without its summary. The next run records it as interrupted.\n`,
      );
      process.exit(exitCodeOf(name));
    }, STOP_DEADLINE_MS).unref();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    signal: controller.signal,
    get received() {
      return received;
    },
    get exitCode() {
      return received === undefined ? undefined : exitCodeOf(received);
    },
    /** Stops listening, unless a signal came: then a second one must still exit at once until the process ends. */
    runEnded: () => {
      isRunOver = true;
      if (received !== undefined) return;
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}

function selectionOf(positionals: readonly string[], all: boolean): string {
  if (all && positionals.length > 0) throw new UsageError('Give either a selection or --all, not both.');
  if (all) return '*';
  if (positionals.length === 0) {
    throw new UsageError('Nothing selected: give a selection (e.g. "+gold/matches" or "group:intermediate") or --all.');
  }
  return positionals.join(',');
}

function toJson(summary: RunSummary) {
  const keysOf = (...types: string[]) =>
    summary.outcomes.filter((outcome) => types.includes(outcome.type)).map((outcome) => slotLabel(outcome.asset, outcome.partition));
  return {
    runId: summary.runId,
    status: summary.status,
    materialized: keysOf('materialized'),
    skipped: keysOf('skipped'),
    failed: keysOf('failed', 'upstream-failed'),
    outcomes: summary.outcomes,
  };
}
