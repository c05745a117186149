/**
 * The built-in commands as `--help` shows them. Each body (commands/*.ts) is imported when its command runs,
 * so `medallion --help` loads none of the executor, the ledger or zod.
 */
import { DEFAULT_RUN_LIMIT } from '../ledger/lake-layout.ts';
import type { CliCommand, CommandContext } from './command.ts';

interface CommandBody {
  run(ctx: CommandContext): Promise<number>;
}

function lazy(spec: Omit<CliCommand, 'run'>, load: () => Promise<CommandBody>): CliCommand {
  return { ...spec, run: async (ctx) => (await load()).run(ctx) };
}

/** The CLI's own commands by name (`init`, `list`, `status`, `materialize`, `lineage`, `show`, `export`, `runs`, `gc`). */
export const BUILTIN_COMMANDS: Readonly<Record<string, CliCommand>> = {
  init: lazy({
    summary: 'scaffold a project (config, two assets, a test, a README) that runs offline',
    usage: '[DIR]',
    options: {},
    withoutConfig: true,
  }, () => import('./commands/init.ts')),
  list: lazy({
    summary: 'list the assets with their layer, dependencies and code version',
    usage: '[--json]',
    options: {},
  }, () => import('./commands/list.ts')),
  status: lazy({
    summary: 'show whether each asset is missing, stale or fresh, and why',
    usage: '[SELECTION]',
    options: {},
  }, () => import('./commands/status.ts')),
  materialize: lazy({
    summary: 'materialize what is missing or stale in a selection (and nothing else)',
    usage: '[SELECTION | --all] [--partition P] [--force]',
    options: {
      all: { type: 'boolean', description: 'select every asset (same as "*")' },
      partition: { type: 'string', description: 'only this partition of partitioned assets' },
      force: { type: 'boolean', description: 'materialize even what is fresh' },
      concurrency: { type: 'string', description: 'how many assets may run at once (default 4)' },
    },
  }, () => import('./commands/materialize.ts')),
  lineage: lazy({
    summary: "print the asset graph (JSON or Mermaid), with each asset's status",
    usage: '[--format json|mermaid]',
    options: { format: { type: 'string', description: 'json (default with --json) or mermaid (default otherwise)' } },
  }, () => import('./commands/lineage.ts')),
  show: lazy({
    summary: "print an asset's latest committed rows",
    usage: 'ASSET [--limit N] [--partition P]',
    options: {
      limit: { type: 'string', description: 'how many rows (default 20)' },
      partition: { type: 'string', description: 'which partition of a partitioned asset' },
    },
  }, () => import('./commands/show.ts')),
  export: lazy({
    summary: "write an asset's latest committed data as NDJSON, CSV or Parquet",
    usage: 'ASSET --format ndjson|csv|parquet [--out FILE] [--partition P]',
    options: {
      format: { type: 'string', description: 'ndjson, csv or parquet' },
      out: { type: 'string', description: 'file to write (default: stdout; required for parquet)' },
      partition: { type: 'string', description: 'which partition of a partitioned asset' },
    },
  }, () => import('./commands/export.ts')),
  runs: lazy({
    summary: "list the recent runs (outcomes, rows, first failure), or show one run's timeline",
    usage: '[RUN_ID] [--limit N]',
    options: { limit: { type: 'string', description: `how many recent runs (default ${DEFAULT_RUN_LIMIT})` } },
  }, () => import('./commands/runs.ts')),
  gc: lazy({
    summary: 'remove what killed or failed runs left in the lake (temp files, stale journals, orphaned version folders); never a committed version',
    usage: '[--dry-run] [--grace DURATION]',
    options: {
      'dry-run': { type: 'boolean', description: 'list what would be removed, and remove nothing' },
      grace: { type: 'string', description: 'keep anything changed more recently than this, as a run may still use it (default 1h; e.g. 30m, 2d, 0)' },
    },
  }, () => import('./commands/gc.ts')),
};
