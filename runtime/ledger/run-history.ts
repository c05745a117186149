/**
 * Run history read back from the lake: the newest run summaries under `metrics/_runs/`, and one run by id.
 * Both kinds of run are there: `medallion materialize` writes one summary per run, and the Inngest functions
 * one per function run (`materializeOne` when a slot settles, `recordFailure` when a run gives up).
 */
import { LedgerError, SelectionError, UsageError } from '../errors.ts';
import { didYouMean, nearestMatches } from '../graph/nearest-keys.ts';
import type { ObjectInfo, Storage } from '../storage/storage.ts';
import { DEFAULT_RUN_LIMIT, RUNS_PREFIX } from './lake-layout.ts';
import { Ledger } from './ledger.ts';
import type { RunSummary } from './run-summary.ts';


/** Which runs `listRuns` reads: how many of the newest. */
export interface ListRunsOptions {
  /** How many of the newest runs to read (default 20). */
  readonly limit?: number;
}

/** The newest run summaries, and the ones that could not be read (with why). */
export interface RunHistory {
  /** Newest first. */
  readonly runs: RunSummary[];
  /** Paths of summaries among the newest that are not JSON or not a run summary (to move aside). */
  readonly unreadable: string[];
}

/** Our ids and Inngest's (ULIDs) are letters, digits, `-`, `_` and `.`; anything else names no summary. */
const RUN_ID_SHAPE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/**
 * The newest `limit` runs, newest first. A summary that cannot be parsed is reported in `unreadable` by its
 * path instead of failing the whole listing; storage errors are thrown.
 *
 * @example
 * const { runs, unreadable } = await listRuns(openLake('./data/lake'), { limit: 5 });
 */
export async function listRuns(storage: Storage, options: ListRunsOptions = {}): Promise<RunHistory> {
  const limit = options.limit ?? DEFAULT_RUN_LIMIT;
  if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`The run limit must be a whole number ≥ 1, not ${limit}.`);
  const newest = (await listSummaries(storage)).sort(newestFirst).slice(0, limit);
  const ledger = new Ledger(storage);
  const read = await Promise.all(
    newest.map(async (object) => {
      try {
        return await ledger.readRunSummary(runIdOf(object));
      } catch (error) {
        if (error instanceof LedgerError) return object.path;
        throw error;
      }
    }),
  );
  return {
    runs: read.filter((entry): entry is RunSummary => typeof entry === 'object'),
    unreadable: read.filter((entry): entry is string => typeof entry === 'string'),
  };
}

/**
 * One run's summary. An unknown id throws a SelectionError (bad input, like an unknown asset key) whose
 * `suggestions` are the nearest run ids.
 *
 * @example
 * const run = await readRun(storage, '20261126T132633293Z-c5a874');
 */
export async function readRun(storage: Storage, runId: string): Promise<RunSummary> {
  const summary = RUN_ID_SHAPE.test(runId) ? await new Ledger(storage).readRunSummary(runId) : undefined;
  if (summary !== undefined) return summary;
  const known = (await listSummaries(storage)).map(runIdOf);
  const suggestions = nearestMatches(runId, known);
  const hint =
    suggestions.length > 0 ? didYouMean(suggestions)
    : known.length === 0 ? ` No run has been recorded in ${storage.location} yet.`
    : '';
  throw new SelectionError('SELECTION_UNKNOWN_KEY', `Unknown run "${runId}".${hint} "medallion runs" lists the recent runs.`, suggestions);
}

/** Summaries directly under `metrics/_runs/` (anything deeper, or not JSON, is not one). */
async function listSummaries(storage: Storage): Promise<ObjectInfo[]> {
  const listed = await storage.list(RUNS_PREFIX);
  return listed.filter((object) => object.path.endsWith('.json') && !object.path.slice(RUNS_PREFIX.length).includes('/'));
}

function runIdOf(object: ObjectInfo): string {
  return object.path.slice(RUNS_PREFIX.length, -'.json'.length);
}

/**
 * By when the summary was written (the run's end), then by id. Not by id alone: our ids sort by time, but
 * Inngest's run ids (ULIDs, `01J…`) sort before all of ours, so names would not interleave the two.
 */
function newestFirst(a: ObjectInfo, b: ObjectInfo): number {
  return b.lastModified.getTime() - a.lastModified.getTime() || (a.path < b.path ? 1 : a.path > b.path ? -1 : 0);
}
