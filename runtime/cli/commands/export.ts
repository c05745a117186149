/**
 * `medallion export ASSET --format ndjson|csv|parquet [--out FILE]`: an asset's committed data as a file.
 * CSV quoting is RFC 4180, written here (a dozen lines) rather than pulling in a CSV library.
 */
import { stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { errorMessage, StorageError, UsageError } from '../../errors.ts';
import type { CommandContext } from '../command.ts';
import { EXIT_OK } from '../exit-codes.ts';
import { formatCount } from '../format.ts';
import { assetArgument, readCommitted } from '../read-asset.ts';

const FORMATS = ['ndjson', 'csv', 'parquet'] as const;

export async function run(ctx: CommandContext): Promise<number> {
  const format = ctx.values.format;
  if (typeof format !== 'string' || !(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`Choose an export format with --format ${FORMATS.join('|')}${typeof format === 'string' ? ` ("${format}" is not one)` : ''}.`);
  }
  const out = typeof ctx.values.out === 'string' ? resolve(ctx.io.cwd, ctx.values.out) : undefined;
  if (format === 'parquet' && out === undefined) throw new UsageError('Parquet is binary: give a file with --out FILE.');
  if (out !== undefined) await checkOutFolder(out);
  const graph = await ctx.graph();
  const key = assetArgument(ctx, graph, 'export');
  const data = await readCommitted(ctx, graph, key);
  const columns = Object.keys(graph.get(key).schema.shape);
  const body =
    format === 'parquet'
      ? data.parquet
      : format === 'csv'
        ? toCsv(columns, await data.rows())
        : (await data.rows()).map((row) => JSON.stringify(row)).join('\n') + (data.head.rows > 0 ? '\n' : '');
  if (out === undefined) {
    ctx.io.stdout.write(body as string);
    return EXIT_OK;
  }
  await writeOut(out, body);
  const summary = { asset: key, format, out, rows: data.head.rows, dataVersion: data.head.dataVersion };
  if (ctx.json) ctx.io.stdout.write(`${JSON.stringify(summary)}\n`);
  else ctx.io.stderr.write(`Wrote ${formatCount(data.head.rows)} rows of ${key} to ${out} (${format}).\n`);
  return EXIT_OK;
}

/** Refuses an --out whose folder does not exist (or is not a folder) before any data is read. */
async function checkOutFolder(out: string): Promise<void> {
  const folder = dirname(out);
  const found = await stat(folder).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return undefined;
    throw outError(out, error);
  });
  if (found === undefined) throw new UsageError(`--out ${out}: the folder ${folder} does not exist. Create it, or choose a file in an existing folder.`);
  if (!found.isDirectory()) throw new UsageError(`--out ${out}: ${folder} is a file, not a folder. Choose a file in a folder.`);
  if ((await stat(out).catch(() => undefined))?.isDirectory() === true) throw new UsageError(`--out ${out} is a folder; give a file name in it, e.g. ${join(out, 'export.csv')}.`);
}

async function writeOut(out: string, body: string | Uint8Array): Promise<void> {
  try {
    await writeFile(out, body);
  } catch (error) {
    throw outError(out, error);
  }
}

/** Writing the export failed in the environment (permissions, a full disk): exit 4, naming the file. */
function outError(out: string, error: unknown): StorageError {
  return new StorageError('STORAGE_IO', `Could not write the export to ${out}: ${errorMessage(error)}.`, out, { cause: error });
}

function toCsv(columns: readonly string[], rows: readonly Record<string, unknown>[]): string {
  const lines = [columns.map(csvField).join(',')];
  for (const row of rows) lines.push(columns.map((column) => csvField(row[column])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = value instanceof Date ? value.toISOString() : Array.isArray(value) ? JSON.stringify(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
