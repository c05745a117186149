/** `medallion show ASSET`: the first rows of an asset's committed data, with what version they are. */
import { slotLabel } from '../../asset/asset-key.ts';
import { UsageError } from '../../errors.ts';
import { shortVersion } from '../../versions/data-version.ts';
import type { CommandContext } from '../command.ts';
import { EXIT_OK } from '../exit-codes.ts';
import { formatCount, formatTable } from '../format.ts';
import { assetArgument, readCommitted } from '../read-asset.ts';

export async function run(ctx: CommandContext): Promise<number> {
  const limit = ctx.values.limit === undefined ? 20 : Number(ctx.values.limit);
  if (!Number.isInteger(limit) || limit < 0) throw new UsageError(`--limit must be a whole number ≥ 0, not "${String(ctx.values.limit)}".`);
  const graph = await ctx.graph();
  const data = await readCommitted(ctx, graph, assetArgument(ctx, graph, 'show'));
  const rows = (await data.rows()).slice(0, limit);
  const { head } = data;
  if (ctx.json) {
    ctx.io.stdout.write(`${JSON.stringify({ asset: data.key, partition: head.partition, dataVersion: head.dataVersion, materializedAt: head.finishedAt, totalRows: head.rows, rows }, null, 2)}\n`);
    return EXIT_OK;
  }
  ctx.io.stdout.write(`${slotLabel(data.key, head.partition)} · ${formatCount(head.rows)} rows · data version ${shortVersion(head.dataVersion)} · materialized ${head.finishedAt}\n\n`);
  const columns = Object.keys(graph.get(data.key).schema.shape);
  ctx.io.stdout.write(formatTable(columns, rows.map((row) => columns.map((column) => cell(row[column])))));
  if (head.rows > rows.length) ctx.io.stdout.write(`… ${formatCount(head.rows - rows.length)} more rows (--limit N shows more)\n`);
  return EXIT_OK;
}

function cell(value: unknown): string {
  const text = value === null || value === undefined ? '' : value instanceof Date ? value.toISOString() : Array.isArray(value) ? value.join('|') : String(value);
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > 40 ? `${flat.slice(0, 39)}…` : flat;
}
