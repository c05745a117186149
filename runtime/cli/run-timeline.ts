/**
 * Text views of run summaries for `medallion runs`: one line per run for the list, and one run's timeline
 * (per slot: wait, duration, attempts, rows, bytes, outcome, error, and a bar scaled to the run).
 */
import { slotLabel } from '../asset/asset-key.ts';
import type { OutcomeType, RunSummary, SlotOutcome } from '../ledger/run-summary.ts';
import { formatBytes, formatCount, formatDuration, formatTable, plural, type painter, type Style } from './format.ts';

type Paint = ReturnType<typeof painter>;

const OUTCOME_STYLE: Record<OutcomeType, Style> = { materialized: 'green', skipped: 'gray', failed: 'red', 'upstream-failed': 'red' };
const STATUS_STYLE: Record<RunSummary['status'], Style> = { succeeded: 'green', failed: 'red', interrupted: 'yellow' };
const TIMELINE_WIDTH = 24;

/** `2026-11-26 13:26:33` (UTC) from an ISO timestamp. */
export function formatUtc(iso: string, withMs = false): string {
  return iso.replace('T', ' ').slice(0, withMs ? 23 : 19);
}

/** What a run covered: its selection, with the partition and --force when given. */
export function describeSelection(run: RunSummary): string {
  const extras = [run.partition === null ? '' : `--partition ${run.partition}`, run.force === true ? '--force' : run.force === false || run.force.length === 0 ? '' : `(forced: ${run.force.join(', ')})`].filter(Boolean);
  return [run.selection, ...extras].join(' ');
}

export function countOutcomes(run: RunSummary): Record<OutcomeType, number> {
  const counts: Record<OutcomeType, number> = { materialized: 0, skipped: 0, failed: 0, 'upstream-failed': 0 };
  for (const outcome of run.outcomes) counts[outcome.type]++;
  return counts;
}

/** Rows written by the run (skipped slots report the rows they already had, which were not written now). */
export function rowsWritten(run: RunSummary): number {
  return run.outcomes.reduce((sum, outcome) => sum + (outcome.type === 'materialized' ? outcome.rows : 0), 0);
}

/** The failure to read first: an asset that failed itself, else one that could not run. */
export function firstFailure(run: RunSummary): string | undefined {
  const outcome = run.outcomes.find((o) => o.type === 'failed') ?? run.outcomes.find((o) => o.type === 'upstream-failed');
  if (outcome === undefined) return undefined;
  const message = failureMessage(outcome);
  // Executor errors already start with the slot ("raw/films failed in materialize: …").
  return message.startsWith(labelOf(outcome)) ? message : `${labelOf(outcome)}: ${message}`;
}

/** The list: one row per run. */
export function formatRunList(runs: readonly RunSummary[], paint: Paint): string {
  const rows = runs.map((run) => {
    const counts = countOutcomes(run);
    return [
      run.runId,
      formatUtc(run.startedAt),
      formatDuration(run.durationMs),
      truncate(describeSelection(run), 32),
      paint(STATUS_STYLE[run.status], run.status),
      formatCount(counts.materialized),
      formatCount(counts.skipped),
      formatCount(counts.failed + counts['upstream-failed']),
      formatCount(rowsWritten(run)),
      truncate(firstFailure(run) ?? '', 60),
    ];
  });
  return formatTable(['RUN', 'STARTED (UTC)', 'DURATION', 'SELECTION', 'STATUS', 'MATERIALIZED', 'SKIPPED', 'FAILED', 'ROWS', 'FIRST FAILURE'], rows);
}

/** One run: a header, a row per slot in the order they started, then each failure in full. */
export function formatRunTimeline(run: RunSummary, paint: Paint): string {
  const counts = countOutcomes(run);
  const totals = [
    `${counts.materialized} materialized`, `${counts.skipped} skipped`, `${counts.failed} failed`,
    ...(counts['upstream-failed'] > 0 ? [`${counts['upstream-failed']} not run (upstream failed)`] : []),
  ].join(', ');
  const bytes = run.outcomes.reduce((sum, outcome) => sum + (outcome.type === 'materialized' ? outcome.bytes : 0), 0);
  const header = [
    `${paint('bold', `Run ${run.runId}`)} · ${paint(STATUS_STYLE[run.status], run.status)}`,
    `  selection  ${describeSelection(run)}`,
    `  started    ${formatUtc(run.startedAt, true)} UTC`,
    `  finished   ${formatUtc(run.finishedAt, true)} UTC (${formatDuration(run.durationMs)})`,
    `  outcome    ${totals} · ${plural(rowsWritten(run), 'row')} · ${formatBytes(bytes)} written`,
    ...(run.instance === undefined ? [] : [`  recorded   by ${run.instance}`]),
  ].join('\n');
  if (run.outcomes.length === 0) return `${header}\n\nThe run had nothing to consider.\n`;
  // The scale covers the whole run, and any slot that (by clock skew between requests) reaches past it.
  const scale = Math.max(run.durationMs, ...run.outcomes.map((outcome) => outcome.waitMs + outcome.durationMs));
  const slots = [...run.outcomes].sort((a, b) => a.waitMs - b.waitMs);
  const rows = slots.map((outcome) => [
    labelOf(outcome),
    paint(OUTCOME_STYLE[outcome.type], outcome.type),
    formatDuration(outcome.waitMs),
    formatDuration(outcome.durationMs),
    outcome.attempts === 0 ? '' : formatCount(outcome.attempts),
    outcome.type === 'materialized' ? formatCount(outcome.rows) : '',
    outcome.type === 'materialized' ? formatBytes(outcome.bytes) : '',
    `|${timelineBar(outcome.waitMs, outcome.durationMs, scale, TIMELINE_WIDTH, (text) => paint(OUTCOME_STYLE[outcome.type], text))}|`,
    truncate(noteOf(outcome), 60),
  ]);
  const table = formatTable(['SLOT', 'OUTCOME', 'WAIT', 'TIME', 'ATTEMPTS', 'ROWS', 'SIZE', `TIMELINE (${formatDuration(scale)})`, 'NOTE'], rows);
  const failures = slots.filter((outcome) => outcome.type === 'failed');
  const details = failures.map((outcome) => {
    const tries = outcome.attempts > 1 ? ` after ${outcome.attempts} attempts` : '';
    const code = outcome.error?.code == null ? '' : ` (${outcome.error.code})`;
    const message = failureMessage(outcome).replace(/\n/g, '\n    ');
    return `  ${paint('red', '✗')} ${labelOf(outcome)} failed${tries}${code}: ${message}`;
  });
  return `${header}\n\n${table}${details.length > 0 ? `\nFailures:\n${details.join('\n')}\n` : ''}`;
}

/**
 * `····████` : the wait, then the time spent, on a `width`-column scale of `scaleMs`. A slot that ran gets at
 * least one column, so a fast one still shows where it ran.
 */
export function timelineBar(waitMs: number, durationMs: number, scaleMs: number, width: number, paintRun: (text: string) => string = (text) => text): string {
  const columns = (ms: number) => (scaleMs <= 0 ? 0 : Math.min(width, Math.round((ms / scaleMs) * width)));
  const ran = durationMs > 0 ? Math.max(1, columns(durationMs)) : 0;
  const waited = Math.min(columns(waitMs), width - ran);
  return `${'·'.repeat(waited)}${ran > 0 ? paintRun('█'.repeat(ran)) : ''}${' '.repeat(width - waited - ran)}`;
}

function noteOf(outcome: SlotOutcome): string {
  switch (outcome.type) {
    case 'materialized': {
      const facts = [
        outcome.attempts > 1 ? `${outcome.attempts - 1} ${outcome.attempts === 2 ? 'retry' : 'retries'}` : '',
        outcome.quarantined > 0 ? `${formatCount(outcome.quarantined)} quarantined` : '',
        outcome.steps.replayed > 0 ? `${plural(outcome.steps.replayed, 'step')} resumed` : '',
      ];
      return facts.filter(Boolean).join(', ');
    }
    case 'skipped':
      return outcome.reason ?? '';
    case 'failed':
    case 'upstream-failed':
      return failureMessage(outcome);
  }
}

function failureMessage(outcome: SlotOutcome): string {
  return outcome.error?.message ?? outcome.reason ?? 'no message';
}

function labelOf(outcome: SlotOutcome): string {
  return slotLabel(outcome.asset, outcome.partition);
}

function truncate(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
