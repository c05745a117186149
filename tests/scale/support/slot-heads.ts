// The committed head of every slot (asset, partition) of a graph, and the same graph materialized in one
// process on a lake of its own: what a scaled-out run must equal.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalStorage, materialize, type AssetGraph, type Storage } from '../../../runtime/index.ts';
import { Ledger, slotLabel, type CommittedMaterialization } from '../../../runtime/internal.ts';

/** Every slot's head record by slot label (`asset` or `asset[partition]`); a slot never committed is absent. */
export async function slotHeads(graph: AssetGraph, storage: Storage): Promise<Map<string, CommittedMaterialization>> {
  const ledger = new Ledger(storage);
  const heads = new Map<string, CommittedMaterialization>();
  for (const key of graph.keys) {
    for (const partition of graph.get(key).partitions ?? [null]) {
      const head = await ledger.readHead(key, partition);
      if (head !== undefined) heads.set(slotLabel(key, partition), head.record);
    }
  }
  return heads;
}

/** `materialize` of `selection: '*'` in this process into a fresh local lake: its heads and its wall time. */
export async function materializeInOneProcess(graph: AssetGraph): Promise<{ heads: Map<string, CommittedMaterialization>; ms: number }> {
  const lake = mkdtempSync(join(tmpdir(), 'medallion-scale-single-'));
  try {
    const storage = createLocalStorage(lake);
    const started = performance.now();
    const { summary } = await materialize({ graph, storage, selection: '*' });
    const ms = Math.round(performance.now() - started);
    const failed = summary.outcomes.filter((outcome) => outcome.type === 'failed' || outcome.type === 'upstream-failed');
    if (failed.length > 0) throw new Error(`Materializing in one process failed: ${failed.map((outcome) => `${outcome.asset}: ${outcome.reason}`).join('; ')}`);
    return { heads: await slotHeads(graph, storage), ms };
  } finally {
    rmSync(lake, { recursive: true, force: true });
  }
}

/** Slot → data version and rows, for comparing two lakes. */
export function versionsOf(heads: ReadonlyMap<string, CommittedMaterialization>): Map<string, { dataVersion: string; rows: number }> {
  return new Map([...heads].map(([slot, record]) => [slot, { dataVersion: record.dataVersion, rows: record.rows }]));
}
