/**
 * Everything that needs apache-arrow, parquet-wasm and arrow-js-ffi, behind one module so it can be loaded
 * on demand: importing them costs about 0.3 s at start-up, and commands that find everything fresh (or
 * only read the ledger) never touch data.
 */
import { Table, tableToIPC } from 'apache-arrow';

export { rowsFromTable } from './rows-from-table.ts';
export { tableFromRows } from './table-from-rows.ts';
export { parquetInfo, schemaFromParquet, tableFromParquet, tableToParquet } from './parquet.ts';
export { arrowSchemaFromZod, describeColumns } from './arrow-schema.ts';

/** The Arrow IPC stream of a table: the bytes a data version hashes. */
export function tableToIpcStream(table: Table): Uint8Array {
  return tableToIPC(table, 'stream');
}

/** One table over several tables' record batches (e.g. every partition of an upstream). */
export function concatTables(tables: readonly Table[]): Table {
  return tables.length === 1 ? tables[0]! : new Table(tables.flatMap((table) => table.batches));
}
