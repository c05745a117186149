/** `medallion lineage`: the graph as JSON or Mermaid, each asset with its current status. */
import { UsageError } from '../../errors.ts';
import { lineageOf, lineageToMermaid } from '../../graph/lineage.ts';
import { resolverFor } from '../../versions/resolver-for.ts';
import type { CommandContext } from '../command.ts';
import { EXIT_OK } from '../exit-codes.ts';

export async function run(ctx: CommandContext): Promise<number> {
  const format = (ctx.values.format as string | undefined) ?? (ctx.json ? 'json' : 'mermaid');
  if (format !== 'json' && format !== 'mermaid') {
    throw new UsageError(`Unknown lineage format "${format}"; use --format json or --format mermaid.`);
  }
  const graph = await ctx.graph();
  const resolver = resolverFor(graph, ctx.lake());
  const statuses = new Map(await Promise.all(graph.keys.map(async (key) => [key, (await resolver.assetStatus(key)).status] as const)));
  const lineage = lineageOf(graph, statuses);
  ctx.io.stdout.write(format === 'json' ? `${JSON.stringify(lineage, null, 2)}\n` : lineageToMermaid(lineage));
  return EXIT_OK;
}
