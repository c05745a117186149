/**
 * The asset graph as data for people and tools: a JSON document (assets and edges) and a Mermaid flowchart
 * laid out left to right, one subgraph per layer, nodes classed by status when statuses are given.
 */
import { layerOf, type AssetKey } from '../asset/asset-key.ts';
import type { AssetGraph } from './asset-graph.ts';

/** One asset in a lineage: key, layer, group, upstream and downstream keys, code version, partitions, status. */
export interface LineageNode {
  readonly key: AssetKey;
  readonly layer: string;
  readonly group: string;
  readonly description: string | null;
  readonly codeVersion: string;
  readonly partitions: readonly string[] | null;
  readonly tags: Readonly<Record<string, string>>;
  readonly upstream: readonly AssetKey[];
  readonly downstream: readonly AssetKey[];
  readonly status?: string;
}

/** The graph as data: every asset with its layer, group, upstream, downstream and status (`lineageOf`). */
export interface Lineage {
  readonly assets: readonly LineageNode[];
  readonly edges: readonly { readonly from: AssetKey; readonly to: AssetKey }[];
}

/** The graph as data (assets and edges), with each asset's status when given: `medallion lineage`, `GET /lineage`. */
export function lineageOf(graph: AssetGraph, statuses?: ReadonlyMap<AssetKey, string>): Lineage {
  const assets = graph.assets().map((asset) => ({
    key: asset.key,
    layer: layerOf(asset.key),
    group: asset.group,
    description: asset.description ?? null,
    codeVersion: asset.codeVersion,
    partitions: asset.partitions ?? null,
    tags: asset.tags,
    upstream: [...asset.depKeys].sort(),
    downstream: graph.children(asset.key),
    ...(statuses?.has(asset.key) ? { status: statuses.get(asset.key)! } : {}),
  }));
  const edges = assets.flatMap((node) => node.upstream.map((from) => ({ from, to: node.key })));
  return { assets, edges };
}

const STATUS_STYLES: Record<string, string> = {
  fresh: 'fill:#d9f2e3,stroke:#2e8b57,color:#123',
  stale: 'fill:#fff1c7,stroke:#c99a06,color:#321',
  missing: 'fill:#eeeeee,stroke:#888888,color:#333,stroke-dasharray:4 3',
};

/** A Mermaid `flowchart LR`: paste it into any Mermaid renderer (GitHub renders it in Markdown). */
export function lineageToMermaid(lineage: Lineage): string {
  const id = (key: AssetKey) => key.replace(/[^a-z0-9_]/g, '_');
  const lines = ['flowchart LR'];
  const layers = [...new Set(lineage.assets.map((node) => node.layer))];
  for (const layer of layers) {
    lines.push(`  subgraph ${id(`layer_${layer}`)}["${layer}"]`);
    for (const node of lineage.assets.filter((candidate) => candidate.layer === layer)) {
      lines.push(`    ${id(node.key)}["${node.key}"]`);
    }
    lines.push('  end');
  }
  for (const edge of lineage.edges) lines.push(`  ${id(edge.from)} --> ${id(edge.to)}`);
  const statuses = [...new Set(lineage.assets.map((node) => node.status).filter((status): status is string => status !== undefined))];
  for (const status of statuses) {
    const style = STATUS_STYLES[status];
    if (style !== undefined) lines.push(`  classDef ${status} ${style}`);
    const members = lineage.assets.filter((node) => node.status === status).map((node) => id(node.key));
    lines.push(`  class ${members.join(',')} ${status}`);
  }
  return `${lines.join('\n')}\n`;
}
