/** `medallion gc [--dry-run] [--grace DURATION]`: remove what killed and failed runs left in the lake. */
import { UsageError } from '../../errors.ts';
import { collectGarbage, type GarbageReport } from '../../executor/collect-garbage.ts';
import type { CommandContext } from '../command.ts';
import { EXIT_OK } from '../exit-codes.ts';
import { formatBytes, plural } from '../format.ts';

/** Debris younger than this may belong to a run still going (on this machine or another): leave it. */
export const DEFAULT_GC_GRACE = '1h';

export async function run(ctx: CommandContext): Promise<number> {
  if (ctx.positionals.length > 0) throw new UsageError(`gc takes no arguments, not "${ctx.positionals.join(' ')}": it looks at every asset of the project.`);
  const graceMs = parseDuration(typeof ctx.values.grace === 'string' ? ctx.values.grace : DEFAULT_GC_GRACE);
  const dryRun = ctx.values['dry-run'] === true;
  const lake = ctx.lake();
  const report = await collectGarbage({ graph: await ctx.graph(), storage: lake, graceMs, dryRun });
  ctx.io.stdout.write(ctx.json ? `${JSON.stringify({ dryRun, graceMs, ...report }, null, 2)}\n` : describe(report, dryRun, lake.location));
  return EXIT_OK;
}

function describe(report: GarbageReport, dryRun: boolean, location: string): string {
  const verb = dryRun ? 'Would remove' : 'Removed';
  const lines = [
    ...report.journals.map((path) => `  journal          ${path}/`),
    ...report.versionFolders.map((path) => `  orphaned version ${path}/`),
    ...report.leftovers.map((leftover) => `  ${leftover.kind.padEnd(16)} ${leftover.path}`),
  ];
  const counts = [
    plural(report.journals.length, 'journal'),
    plural(report.versionFolders.length, 'orphaned version folder'),
    plural(report.leftovers.length, 'leftover'),
  ].join(', ');
  const recorded = report.interruptedRuns.length === 0 ? '' : `Recorded ${plural(report.interruptedRuns.length, 'killed run')} as interrupted: ${report.interruptedRuns.join(', ')}.\n`;
  const busy = report.busySlots.length === 0 ? '' : `Skipped (a run holds them now): ${report.busySlots.join(', ')}.\n`;
  const size = report.objects === 0 ? '' : ` (${plural(report.objects, 'object')}, ${formatBytes(report.bytes)})`;
  const total = lines.length === 0 ? `Nothing to remove in ${location}.\n` : `${verb} ${counts}${size} in ${location}:\n${lines.join('\n')}\n`;
  return `${total}${recorded}${busy}${dryRun && lines.length > 0 ? 'Nothing was removed (--dry-run).\n' : ''}`;
}

const UNIT_MS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `90s`, `30m`, `1h`, `1.5h`, `2d`, or `0`. */
export function parseDuration(text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?\s*$/.exec(text);
  const value = match === null ? Number.NaN : Number(match[1]);
  if (match === null || (match[2] === undefined && value !== 0)) {
    throw new UsageError(`--grace must be a duration such as 30m, 1h or 2d (or 0 for no grace period), not "${text}".`);
  }
  return Math.round(value * UNIT_MS[match[2] ?? 'ms']!);
}
