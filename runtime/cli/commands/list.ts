/** `medallion list`: the assets with their layer, group, upstream dependencies and code version. */
import { lineageOf } from '../../graph/lineage.ts';
import type { CommandContext } from '../command.ts';
import { EXIT_OK } from '../exit-codes.ts';
import { formatTable } from '../format.ts';

export async function run(ctx: CommandContext): Promise<number> {
  const { assets } = lineageOf(await ctx.graph());
  if (ctx.json) {
    ctx.io.stdout.write(`${JSON.stringify(assets, null, 2)}\n`);
    return EXIT_OK;
  }
  const rows = assets.map((node) => [
    node.key,
    node.layer,
    node.group,
    node.upstream.join(', ') || '—',
    node.codeVersion,
    node.partitions === null ? '' : `${node.partitions.length} partitions`,
  ]);
  ctx.io.stdout.write(formatTable(['ASSET', 'LAYER', 'GROUP', 'UPSTREAM', 'CODE', 'PARTITIONS'], rows));
  return EXIT_OK;
}
