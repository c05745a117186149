/**
 * Public entry for Arrow/Parquet I/O: zod → Arrow schemas, rows ↔ Arrow tables, ZSTD Parquet. Separate from
 * `runtime/index.ts` because importing apache-arrow and parquet-wasm costs about 0.3 s at start-up.
 */
export {
  arrowSchemaFromZod,
  concatTables,
  describeColumns,
  parquetInfo,
  rowsFromTable,
  schemaFromParquet,
  tableFromParquet,
  tableFromRows,
  tableToIpcStream,
  tableToParquet,
} from './io/data-plane.ts';
