/** Loads the data plane once, on first use (see data-plane.ts for why it is not imported eagerly). */
import type * as functions from './data-plane.ts';

/**
 * The Arrow/Parquet functions of `medallion/data-plane`, as `loadDataPlane()` hands them over. Spelt out, not
 * `typeof import(…)`, so the API report (API Extractor) can read it.
 */
export interface DataPlane {
  readonly arrowSchemaFromZod: typeof functions.arrowSchemaFromZod;
  readonly concatTables: typeof functions.concatTables;
  readonly describeColumns: typeof functions.describeColumns;
  readonly parquetInfo: typeof functions.parquetInfo;
  readonly rowsFromTable: typeof functions.rowsFromTable;
  readonly schemaFromParquet: typeof functions.schemaFromParquet;
  readonly tableFromParquet: typeof functions.tableFromParquet;
  readonly tableFromRows: typeof functions.tableFromRows;
  readonly tableToIpcStream: typeof functions.tableToIpcStream;
  readonly tableToParquet: typeof functions.tableToParquet;
}

let loading: Promise<DataPlane> | undefined;

/**
 * The Arrow/Parquet functions of `runtime/data-plane.ts`, imported on the first call (later calls share it).
 *
 * @example
 * const { tableFromParquet } = await loadDataPlane();
 * const scores = tableFromParquet(bytes).getChild('score');
 */
export function loadDataPlane(): Promise<DataPlane> {
  loading ??= import('./data-plane.ts');
  return loading;
}
