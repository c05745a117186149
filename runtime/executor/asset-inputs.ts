/**
 * Lazy inputs for `materialize`: each reads an upstream's committed Parquet on first use. Data committed
 * earlier in the same run is served from memory (the validated rows and the table just written), so a
 * chain of assets in one run does not re-read what it wrote.
 */
import type { Table } from 'apache-arrow';
import type { AnyAsset, AssetInput } from '../asset/define-asset.ts';
import { loadDataPlane } from '../io/load-data-plane.ts';
import { readCommittedTable } from '../ledger/data-file.ts';
import type { CommittedMaterialization } from '../ledger/materialization-record.ts';
import { safeRelativeName } from '../ledger/lake-layout.ts';
import type { Storage } from '../storage/storage.ts';

type Row = Record<string, unknown>;

interface CachedData {
  readonly rows: readonly Row[];
  readonly table: Table;
}

/** Data committed in this run, by materialization id; entries are dropped once no consumer is left. */
export class RunDataCache {
  readonly #entries = new Map<string, { data: CachedData; consumers: number }>();

  put(materializationId: string, data: CachedData, consumers: number): void {
    if (consumers > 0) this.#entries.set(materializationId, { data, consumers });
  }

  get(materializationId: string): CachedData | undefined {
    return this.#entries.get(materializationId)?.data;
  }

  /** A consumer of this materialization finished. */
  release(materializationId: string): void {
    const entry = this.#entries.get(materializationId);
    if (entry !== undefined && --entry.consumers <= 0) this.#entries.delete(materializationId);
  }
}

export function createAssetInput(
  storage: Storage,
  cache: RunDataCache,
  upstream: AnyAsset,
  heads: readonly CommittedMaterialization[],
): AssetInput<Row> {
  let rowsPromise: Promise<Row[]> | undefined;
  let tablePromise: Promise<Table> | undefined;
  const readTable = async (head: CommittedMaterialization): Promise<Table> => {
    const cached = cache.get(head.id);
    if (cached !== undefined) return cached.table;
    return readCommittedTable(storage, head);
  };
  const readRows = async (head: CommittedMaterialization): Promise<readonly Row[]> => {
    const cached = cache.get(head.id);
    if (cached !== undefined) return cached.rows;
    const { rowsFromTable } = await loadDataPlane();
    return rowsFromTable(await readTable(head), upstream.schema);
  };
  return {
    key: upstream.key,
    versions: heads.map((head) => ({
      partition: head.partition,
      dataVersion: head.dataVersion,
      numRows: head.rows,
      metadata: head.metadata,
    })),
    numRows: heads.reduce((sum, head) => sum + head.rows, 0),
    rows() {
      rowsPromise ??= Promise.all(heads.map(readRows)).then((parts) => parts.flat());
      return rowsPromise;
    },
    table() {
      tablePromise ??= Promise.all([loadDataPlane(), ...heads.map(readTable)]).then(([plane, ...tables]) => plane.concatTables(tables));
      return tablePromise;
    },
    async readAttachment(name, partition = null) {
      const head = heads.find((candidate) => candidate.partition === partition);
      if (head === undefined || head.files.folder === null) return undefined;
      return (await storage.get(`${head.files.folder}/attachments/${safeRelativeName(name)}`))?.body;
    },
  };
}
