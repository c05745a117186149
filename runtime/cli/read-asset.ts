/**
 * Shared by `show` and `export`: the one asset named on the command line, and its committed data, checked
 * against what its commit recorded (a damaged file is a DataCorruptError naming the file and its repair).
 */
import { slotLabel, type AssetKey } from '../asset/asset-key.ts';
import { StorageError, UsageError } from '../errors.ts';
import type { AssetGraph } from '../graph/asset-graph.ts';
import { checkAssetPartition } from '../graph/slots.ts';
import { loadDataPlane } from '../io/load-data-plane.ts';
import { readCommittedData, tableFromCommittedData } from '../ledger/data-file.ts';
import { Ledger } from '../ledger/ledger.ts';
import type { CommittedMaterialization } from '../ledger/materialization-record.ts';
import { parseSelection } from '../selection/parse-selection.ts';
import { resolveSelection } from '../selection/resolve-selection.ts';
import type { CommandContext } from './command.ts';

export interface CommittedData {
  readonly key: AssetKey;
  readonly head: CommittedMaterialization;
  /** The data file's bytes, checked against the digest its commit recorded. */
  readonly parquet: Uint8Array;
  rows(): Promise<Record<string, unknown>[]>;
}

export function assetArgument(ctx: CommandContext, graph: AssetGraph, command: string): AssetKey {
  const [text, ...extra] = ctx.positionals;
  if (text === undefined) throw new UsageError(`Name one asset, e.g. "medallion ${command} gold/matches".`);
  if (extra.length > 0) throw new UsageError(`"${command}" takes one asset; got ${ctx.positionals.length}: ${ctx.positionals.join(' ')}.`);
  const node = parseSelection(text);
  if (node.kind !== 'key') throw new UsageError(`"${text}" is a selection; "${command}" takes one asset key such as gold/matches.`);
  return resolveSelection(node, graph)[0]!;
}

export async function readCommitted(ctx: CommandContext, graph: AssetGraph, key: AssetKey): Promise<CommittedData> {
  const asset = graph.get(key);
  const partition = typeof ctx.values.partition === 'string' ? ctx.values.partition : null;
  checkAssetPartition(asset, partition);
  const storage = ctx.lake();
  const head = await new Ledger(storage).readHead(key, partition);
  const label = slotLabel(key, partition);
  if (head === undefined) {
    throw new StorageError('STORAGE_NOT_FOUND', `"${label}" has never been materialized in ${storage.location}. Run "medallion materialize +${key}" first.`, label);
  }
  const parquet = await readCommittedData(storage, head.record);
  return {
    key,
    head: head.record,
    parquet,
    rows: async () => {
      const { rowsFromTable } = await loadDataPlane();
      return rowsFromTable(await tableFromCommittedData(storage, head.record, parquet), asset.schema);
    },
  };
}
