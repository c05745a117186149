/**
 * Human-readable progress for a run, one line per event (readable in a terminal and in CI logs alike), and
 * the closing summary table. Written to stderr so `--json` output on stdout stays clean.
 */
import { slotLabel } from '../asset/asset-key.ts';
import type { RunEvent } from '../executor/run-events.ts';
import type { JsonObject } from '../json.ts';
import type { RunSummary, SlotOutcome } from '../ledger/run-summary.ts';
import { shortVersion } from '../versions/data-version.ts';
import type { CliIo } from './command.ts';
import { ProgressBoard } from './progress-board.ts';
import { formatBytes, formatCount, formatDuration, formatTable, painter, plural } from './format.ts';

export function createProgressReporter(io: CliIo): (event: RunEvent) => void {
  const paint = painter(io.stderr, io.env);
  const board = new ProgressBoard(io.stderr, { live: io.stderr.isTTY === true && io.env.TERM !== 'dumb' });
  const out = { write: (text: string) => board.print(text) };
  let width = 24;
  const label = (asset: string, partition: string | null) => slotLabel(asset, partition).padEnd(width);
  return (event) => {
    switch (event.type) {
      case 'slot-progress':
        board.update(slotLabel(event.asset, event.partition), event);
        break;
      case 'run-started': {
        width = Math.max(24, ...event.slots.map((slot) => slotLabel(slot.asset, slot.partition).length));
        const counts = ['missing', 'stale', 'fresh'].map((status) => [status, event.slots.filter((slot) => slot.status === status).length] as const);
        const breakdown = counts.filter(([, count]) => count > 0).map(([status, count]) => `${count} ${status}`).join(', ');
        out.write(paint('bold', `medallion · run ${event.runId} · ${countAssets(event.slots)} in "${event.selection}" (${breakdown || 'none'})\n`));
        break;
      }
      case 'slot-waiting-for-lock':
        out.write(`  ${paint('yellow', '…')} ${label(event.asset, event.partition)} waiting: ${event.holder}\n`);
        break;
      case 'slot-started': {
        const resume = event.resumableSteps > 0 ? ` (resuming: ${plural(event.resumableSteps, 'completed step')})` : '';
        out.write(`  ${paint('cyan', '▸')} ${label(event.asset, event.partition)} ${event.attempt > 1 ? `attempt ${event.attempt}` : 'materializing'}${resume}\n`);
        break;
      }
      case 'slot-retrying':
        out.write(`  ${paint('yellow', '↻')} ${label(event.asset, event.partition)} retry in ${formatDuration(event.delayMs)} (attempt ${event.attempt}): ${event.error}\n`);
        break;
      case 'slot-log':
        out.write(`  ${paint('gray', '·')} ${label(event.asset, event.partition)} ${event.message}\n`);
        break;
      case 'step-finished':
        break;
      case 'slot-finished':
        board.end(slotLabel(event.outcome.asset, event.outcome.partition));
        // Fresh slots are counted in the header and the summary; a line each would only bury the work done.
        if (event.outcome.type === 'skipped' && event.outcome.reason === 'fresh') break;
        out.write(`  ${describeOutcome(event.outcome, label, paint)}\n`);
        break;
      case 'run-finished':
        break;
    }
  };
}

function describeOutcome(outcome: SlotOutcome, label: (a: string, p: string | null) => string, paint: ReturnType<typeof painter>): string {
  const name = label(outcome.asset, outcome.partition);
  switch (outcome.type) {
    case 'materialized': {
      const quarantine = outcome.quarantined > 0 ? paint('yellow', ` · ${formatCount(outcome.quarantined)} quarantined`) : '';
      const replayed = outcome.steps.replayed > 0 ? ` · ${outcome.steps.replayed} steps resumed` : '';
      return `${paint('green', '✓')} ${name} ${plural(outcome.rows, 'row')}${quarantine} · ${formatDuration(outcome.durationMs)}${replayed} · ${shortVersion(outcome.dataVersion ?? '')}`;
    }
    case 'skipped':
      return `${paint('gray', '–')} ${name} ${paint('gray', `skipped: ${outcome.reason}`)}`;
    case 'failed':
      return `${paint('red', '✗')} ${name} ${paint('red', `failed${outcome.attempts > 1 ? ` after ${outcome.attempts} attempts` : ''}: ${outcome.reason}`)}`;
    case 'upstream-failed':
      return `${paint('red', '✗')} ${name} ${paint('gray', `not run: ${outcome.reason}`)}`;
  }
}

/** `8 assets` or, with partitions, `8 assets (17 partitions and assets)`: what a run covers. */
function countAssets(slots: readonly { asset: string; partition: string | null }[]): string {
  const assets = new Set(slots.map((slot) => slot.asset)).size;
  return assets === slots.length ? plural(assets, 'asset') : `${plural(assets, 'asset')} (${slots.length} with their partitions)`;
}

/** The closing summary: one row per slot, then totals and where the summary JSON went. */
export function formatRunSummary(summary: RunSummary, lakeLocation: string): string {
  const counts = (type: SlotOutcome['type']) => summary.outcomes.filter((outcome) => outcome.type === type).length;
  if (summary.outcomes.length > 0 && summary.outcomes.every((outcome) => outcome.type === 'skipped' && outcome.reason === 'fresh')) {
    return `Nothing to materialize: all ${countAssets(summary.outcomes)} in "${summary.selection}" are fresh (checked in ${formatDuration(summary.durationMs)}). Use --force to materialize anyway.\n`;
  }
  const rows = summary.outcomes.map((outcome) => [
    slotLabel(outcome.asset, outcome.partition),
    outcome.type,
    outcome.type === 'upstream-failed' || outcome.type === 'failed' ? '' : formatCount(outcome.rows),
    outcome.quarantined > 0 ? formatCount(outcome.quarantined) : '',
    outcome.type === 'materialized' ? formatDuration(outcome.durationMs) : '',
    outcome.type === 'materialized' ? formatBytes(outcome.bytes) : '',
    highlights(outcome.metadata),
  ]);
  const failed = counts('failed') + counts('upstream-failed');
  const totals = `${counts('materialized')} materialized, ${counts('skipped')} skipped, ${failed} failed in ${formatDuration(summary.durationMs)}`;
  return `\n${formatTable(['ASSET', 'OUTCOME', 'ROWS', 'QUARANTINED', 'TIME', 'SIZE', 'NOTES'], rows)}\n${totals}. Run summary: ${lakeLocation}/metrics/_runs/${summary.runId}.json\n`;
}

/** Up to four numeric facts an asset reported about itself (e.g. matches=97). */
function highlights(metadata: JsonObject): string {
  return Object.entries(metadata)
    .filter((entry): entry is [string, number] => typeof entry[1] === 'number')
    .slice(0, 4)
    .map(([key, value]) => `${key}=${Number.isInteger(value) ? formatCount(value) : value.toFixed(3)}`)
    .join(' ');
}
