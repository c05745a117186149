/** `medallion runs [RUN_ID]`: the recent runs from the lake, or one run's timeline. */
import { UsageError } from '../../errors.ts';
import { DEFAULT_RUN_LIMIT } from '../../ledger/lake-layout.ts';
import { listRuns, readRun, type RunHistory } from '../../ledger/run-history.ts';
import type { CommandContext } from '../command.ts';
import { EXIT_OK } from '../exit-codes.ts';
import { painter } from '../format.ts';
import { formatRunList, formatRunTimeline } from '../run-timeline.ts';

export async function run(ctx: CommandContext): Promise<number> {
  if (ctx.positionals.length > 1) throw new UsageError(`Give one run id at most, not ${ctx.positionals.length}: "medallion runs RUN_ID".`);
  const [runId] = ctx.positionals;
  if (runId !== undefined) {
    if (ctx.values.limit !== undefined) throw new UsageError('--limit applies to the list of runs; leave it out with a RUN_ID.');
    return showRun(ctx, runId);
  }
  return listRecentRuns(ctx, limitOf(ctx.values.limit));
}

async function showRun(ctx: CommandContext, runId: string): Promise<number> {
  const run = await readRun(ctx.lake(), runId);
  ctx.io.stdout.write(ctx.json ? `${JSON.stringify(run, null, 2)}\n` : formatRunTimeline(run, painter(ctx.io.stdout, ctx.io.env)));
  return EXIT_OK;
}

async function listRecentRuns(ctx: CommandContext, limit: number): Promise<number> {
  const lake = ctx.lake();
  const history = await listRuns(lake, { limit });
  if (ctx.json) {
    ctx.io.stdout.write(`${JSON.stringify(history, null, 2)}\n`);
    return EXIT_OK;
  }
  warnUnreadable(ctx, history);
  if (history.runs.length === 0) {
    ctx.io.stdout.write(`No runs yet in ${lake.location}: run "medallion materialize --all" (or a selection such as "+gold/matches"), and each run is listed here.\n`);
    return EXIT_OK;
  }
  ctx.io.stdout.write(formatRunList(history.runs, painter(ctx.io.stdout, ctx.io.env)));
  const more = history.runs.length + history.unreadable.length === limit ? ` These are the ${limit} most recent; --limit N shows more.` : '';
  ctx.io.stdout.write(`\n"medallion runs RUN_ID" shows one run's timeline.${more}\n`);
  return EXIT_OK;
}

function warnUnreadable(ctx: CommandContext, history: RunHistory): void {
  if (history.unreadable.length === 0) return;
  const one = history.unreadable.length === 1;
  ctx.io.stderr.write(
    `medallion: ${history.unreadable.length} run ${one ? 'summary' : 'summaries'} could not be read (not JSON, or not a run summary) and ${one ? 'is' : 'are'} left out: ${history.unreadable.join(', ')}. Move ${one ? 'it' : 'them'} aside.\n`,
  );
}

function limitOf(value: string | boolean | undefined): number {
  if (value === undefined) return DEFAULT_RUN_LIMIT;
  const limit = Number(value);
  if (typeof value !== 'string' || !/^\d+$/.test(value.trim()) || !Number.isInteger(limit) || limit < 1) {
    throw new UsageError(`--limit must be a whole number ≥ 1, not "${String(value)}".`);
  }
  return limit;
}
