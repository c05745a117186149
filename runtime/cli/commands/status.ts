/** `medallion status [SELECTION]`: status, stale causes and root causes per asset. */
import { shortVersion } from '../../versions/data-version.ts';
import { selectAssets } from '../../selection/select-assets.ts';
import { resolverFor } from '../../versions/resolver-for.ts';
import type { AssetStatusReport } from '../../versions/staleness.ts';
import { slotLabel } from '../../asset/asset-key.ts';
import type { CommandContext } from '../command.ts';
import { EXIT_OK } from '../exit-codes.ts';
import { formatCount, formatTable, painter } from '../format.ts';

export async function run(ctx: CommandContext): Promise<number> {
  const graph = await ctx.graph();
  const keys = selectAssets(ctx.positionals.join(',') || '*', graph);
  const resolver = resolverFor(graph, ctx.lake());
  const reports = await Promise.all(keys.map((key) => resolver.assetStatus(key)));
  if (ctx.json) {
    ctx.io.stdout.write(`${JSON.stringify(reports.map(toJson), null, 2)}\n`);
    return EXIT_OK;
  }
  const paint = painter(ctx.io.stdout, ctx.io.env);
  const colour = { fresh: 'green', stale: 'yellow', missing: 'gray' } as const;
  const rows = reports.map((report) => [
    report.asset,
    paint(colour[report.status], report.status),
    report.head === undefined ? '—' : report.head.finishedAt.replace('T', ' ').slice(0, 19),
    report.head === undefined ? '' : formatCount(report.head.rows),
    report.head === undefined ? '' : shortVersion(report.head.dataVersion),
  ]);
  ctx.io.stdout.write(formatTable(['ASSET', 'STATUS', 'LAST MATERIALIZED (UTC)', 'ROWS', 'DATA VERSION'], rows));
  const explained = reports.filter((report) => report.status === 'stale');
  for (const report of explained) {
    ctx.io.stdout.write(`\n${report.asset} is stale:\n`);
    for (const cause of report.causes) ctx.io.stdout.write(`  - ${cause.category}: ${cause.reason}${cause.partition === null ? '' : ` [${cause.partition}]`}\n`);
    if (report.causes.some((cause) => cause.category === 'upstream')) {
      ctx.io.stdout.write(`  root causes: ${report.rootCauses.map((root) => `${slotLabel(root.asset, root.partition)} (${root.category}: ${root.reason})`).join('; ')}\n`);
    }
  }
  const missing = reports.filter((report) => report.status === 'missing').length;
  const stale = explained.length;
  ctx.io.stdout.write(
    missing + stale === 0
      ? `\nAll ${reports.length} selected assets are fresh.\n`
      : `\n${missing} missing, ${stale} stale. "medallion materialize ${ctx.positionals.join(',') || '--all'}" brings them up to date.\n`,
  );
  return EXIT_OK;
}

function toJson(report: AssetStatusReport) {
  return {
    key: report.asset,
    status: report.status,
    causes: report.causes,
    rootCauses: report.rootCauses,
    lastMaterialization:
      report.head === undefined
        ? null
        : {
            id: report.head.id,
            runId: report.head.runId,
            finishedAt: report.head.finishedAt,
            dataVersion: report.head.dataVersion,
            codeVersion: report.head.codeVersion,
            rows: report.head.rows,
            quarantined: report.head.quarantined,
          },
    partitions: report.partitions?.map((slot) => ({ partition: slot.partition, status: slot.status, causes: slot.causes })) ?? null,
  };
}
