/**
 * What the REST API says about an asset: a summary for `GET /assets` and the detail for `GET /assets/:key`
 * (status, causes and root causes, partitions, history, upstream and downstream with their statuses).
 */
import { type AnyAsset, type AssetGraph, type AssetStatusReport, type StalenessResolver } from '../runtime/index.ts';
import { layerOf, slotsOf, type CommittedMaterialization, type Ledger, type MaterializationRecord } from '../runtime/internal.ts';

export interface AssetRef {
  readonly key: string;
  readonly status: string;
}

export function lastMaterializationOf(head: CommittedMaterialization | undefined) {
  if (head === undefined) return null;
  const { id, runId, partition, finishedAt, durationMs, dataVersion, codeVersion, rows, quarantined, bytes } = head;
  return { id, runId, partition, finishedAt, durationMs, dataVersion, codeVersion, rows, quarantined, bytes };
}

export async function assetSummary(graph: AssetGraph, resolver: StalenessResolver, asset: AnyAsset) {
  const report = await resolver.assetStatus(asset.key);
  const refs = (keys: readonly string[]) => Promise.all(keys.map(async (key): Promise<AssetRef> => ({ key, status: (await resolver.assetStatus(key)).status })));
  return {
    key: asset.key,
    layer: layerOf(asset.key),
    group: asset.group,
    description: asset.description ?? null,
    codeVersion: asset.codeVersion,
    partitions: asset.partitions ?? null,
    tags: asset.tags,
    status: report.status,
    lastMaterialization: lastMaterializationOf(report.head),
    upstream: await refs([...asset.depKeys].sort()),
    downstream: await refs(graph.children(asset.key)),
  };
}

/**
 * When statuses computed at `now` go out of date with no commit: the first backlog to fall due after `now`
 * (its slot turns stale then), or undefined. `resolver` must compute with the same `now`.
 */
export async function nextDueAt(graph: AssetGraph, resolver: StalenessResolver, now: number): Promise<number | undefined> {
  const heads = await Promise.all(slotsOf(graph, graph.keys).map((slot) => resolver.head(slot.asset, slot.partition)));
  const due = heads.map((head) => Date.parse(head?.record.backlog?.dueAt ?? '')).filter((at) => at > now);
  return due.length === 0 ? undefined : Math.min(...due);
}

export interface DetailOptions {
  /** One partition's history, or null for every partition's. */
  readonly partition: string | null;
  readonly limit: number;
}

export async function assetDetail(graph: AssetGraph, resolver: StalenessResolver, ledger: Ledger, asset: AnyAsset, options: DetailOptions) {
  const report = await resolver.assetStatus(asset.key);
  return {
    ...(await assetSummary(graph, resolver, asset)),
    causes: report.causes,
    rootCauses: report.rootCauses,
    partitionStatuses: partitionsOf(report),
    history: await historyOf(ledger, asset, options),
  };
}

function partitionsOf(report: AssetStatusReport) {
  return (
    report.partitions?.map((slot) => ({
      partition: slot.partition,
      status: slot.status,
      causes: slot.causes,
      lastMaterialization: lastMaterializationOf(slot.head),
    })) ?? null
  );
}

/** Newest first; for a partitioned asset without `partition`, every partition's history merged. */
async function historyOf(ledger: Ledger, asset: AnyAsset, options: DetailOptions): Promise<MaterializationRecord[]> {
  const partitions = options.partition !== null || asset.partitions === undefined ? [options.partition] : asset.partitions;
  const histories = await Promise.all(partitions.map((partition) => ledger.history(asset.key, partition, options.limit)));
  return histories
    .flat()
    .sort((a, b) => (a.finishedAt < b.finishedAt ? 1 : a.finishedAt > b.finishedAt ? -1 : 0))
    .slice(0, options.limit);
}
