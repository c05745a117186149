/**
 * `arrow.Table` ↔ Parquet bytes through parquet-wasm (ZSTD), plus cheap file inspection. Every wasm
 * object made here is consumed or freed before returning: wasm memory never shrinks (research note §1).
 * Bytes that do not decode are a `SchemaValidationError`, never a raw decoder error or wasm trap.
 */
import * as arrow from 'apache-arrow';
import { parseSchema, parseTable } from 'arrow-js-ffi';
import type { RowGroupMetaData } from 'parquet-wasm';
import { errorMessage, SchemaValidationError } from '../errors.ts';
import { discardAfterTrap, isWasmTrap, parquetWasm, wasmBuffer } from './parquet-wasm.ts';

/** How a table is written to Parquet (its row group size). */
export interface ParquetWriteOptions {
  /** Maximum rows per row group; default 100,000. */
  rowGroupSize?: number;
}

/** One column chunk of a Parquet file: its column, codec and sizes. */
export interface ParquetColumnChunkInfo {
  readonly path: string;
  /** Codec name as parquet-wasm spells it: 'ZSTD', 'UNCOMPRESSED', … */
  readonly compression: string;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
}

/** A Parquet file's footer: rows, row groups, columns and their chunks. */
export interface ParquetInfo {
  readonly numRows: number;
  readonly rowGroups: readonly { readonly numRows: number; readonly columns: readonly ParquetColumnChunkInfo[] }[];
}

const DEFAULT_ROW_GROUP_SIZE = 100_000;
// The reader caps a batch at the file's row count, so a large value costs nothing on small files and
// avoids the default 1024-row batches that every later JS pass pays for (pitfall 5).
const READ_BATCH_SIZE = 1 << 20;

/**
 * Writes a table as ZSTD-compressed Parquet. Field names, types and nullability are kept.
 *
 * @example
 * const bytes = tableToParquet(tableFromRows(rows, schema), { rowGroupSize: 50_000 });
 */
export function tableToParquet(table: arrow.Table, options: ParquetWriteOptions = {}): Uint8Array {
  try {
    return writeTable(table, options);
  } catch (error) {
    discardAfterTrap(error);
    throw error;
  }
}

function writeTable(table: arrow.Table, options: ParquetWriteOptions): Uint8Array {
  const { Compression, Table: WasmTable, WriterPropertiesBuilder, writeParquet } = parquetWasm();
  const wasmTable = WasmTable.fromIPCStream(arrow.tableToIPC(table, 'stream'));
  // writeParquet consumes the properties, and a reused (consumed) one is silently ignored, leaving the
  // file UNCOMPRESSED (pitfall 7): build fresh properties for every write.
  const properties = new WriterPropertiesBuilder()
    .setCompression(Compression.ZSTD)
    .setMaxRowGroupSize(options.rowGroupSize ?? DEFAULT_ROW_GROUP_SIZE)
    .setCreatedBy('medallion')
    .build();
  return writeParquet(wasmTable, properties);
}

/**
 * Reads Parquet bytes into a table that lives in JS memory: the data is copied out of wasm memory and
 * the wasm side is released before returning.
 *
 * @example
 * const rows = rowsFromTable(tableFromParquet(bytes), schema);
 */
export function tableFromParquet(bytes: Uint8Array): arrow.Table {
  return decoding(bytes, (wasm) => {
    const stream = wasm.readParquet(bytes, { batchSize: READ_BATCH_SIZE }).intoFFI();
    try {
      // copy=true: zero-copy views would silently read garbage once wasm memory grows (pitfall 4).
      // The buffer is fetched after the read, since reading may have grown (and so replaced) it.
      return parseTable(wasmBuffer(wasm), stream.arrayAddrs(), stream.schemaAddr(), true);
    } finally {
      stream.drop();
    }
  });
}

/** The Arrow schema stored in Parquet bytes, without decoding any data. */
export function schemaFromParquet(bytes: Uint8Array): arrow.Schema {
  return decoding(bytes, (wasm) => {
    const ffiSchema = wasm.readSchema(bytes).intoFFI();
    try {
      return parseSchema(wasmBuffer(wasm), ffiSchema.addr());
    } finally {
      ffiSchema.free();
    }
  });
}

function decoding<T>(bytes: Uint8Array, decode: (wasm: ReturnType<typeof parquetWasm>) => T): T {
  try {
    return decode(parquetWasm());
  } catch (error) {
    throw unreadable(bytes, error);
  }
}

/** Why bytes did not decode, as a typed error; a trapped decoder is replaced first (parquet-wasm.ts). */
function unreadable(bytes: Uint8Array, error: unknown): SchemaValidationError {
  discardAfterTrap(error);
  const reason = isWasmTrap(error) ? `the decoder crashed (${error.message})` : errorMessage(error);
  return new SchemaValidationError(
    `Not a readable Parquet file (${bytes.byteLength.toLocaleString('en-US')} bytes): ${reason}. It is damaged, truncated or not Parquet.`,
    { cause: error },
  );
}

/**
 * Row count, row groups and per-column-chunk codecs and sizes, read from the footer only.
 *
 * @example
 * (await parquetInfo(bytes)).rowGroups[0]?.columns[0]?.compression; // 'ZSTD'
 */
export async function parquetInfo(bytes: Uint8Array): Promise<ParquetInfo> {
  try {
    return await infoOf(bytes);
  } catch (error) {
    throw unreadable(bytes, error);
  }
}

async function infoOf(bytes: Uint8Array): Promise<ParquetInfo> {
  // The async reader decodes in promise callbacks, where a wasm trap is an uncaught exception and the promise
  // never settles (found by tests/fuzz): the footer is decoded synchronously first, where damage is caught.
  parquetWasm().readSchema(bytes).free();
  const file = await parquetWasm().ParquetFile.fromFile(new Blob([bytes as Uint8Array<ArrayBuffer>]));
  try {
    const metadata = file.metadata();
    try {
      const fileMetadata = metadata.fileMetadata();
      const numRows = fileMetadata.numRows();
      fileMetadata.free();
      return { numRows, rowGroups: metadata.rowGroups().map(rowGroupInfo) };
    } finally {
      metadata.free();
    }
  } finally {
    file.free();
  }
}

function rowGroupInfo(rowGroup: RowGroupMetaData): ParquetInfo['rowGroups'][number] {
  try {
    const columns = rowGroup.columns().map((chunk) => {
      try {
        return {
          path: chunk.columnPath().join('.'),
          compression: parquetWasm().Compression[chunk.compression()],
          compressedSize: chunk.compressedSize(),
          uncompressedSize: chunk.uncompressedSize(),
        };
      } finally {
        chunk.free();
      }
    });
    return { numRows: rowGroup.numRows(), columns };
  } finally {
    rowGroup.free();
  }
}
