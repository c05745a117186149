/**
 * `arrow.Table` → plain row objects of a zod schema's output type. Each column of each record batch is
 * decoded once into a JS array (no per-row `table.get(i)` proxies), then rows are assembled from those.
 */
import * as arrow from 'apache-arrow';
import type { z } from 'zod';
import { SchemaValidationError } from '../errors.ts';
import { describeColumns, type ColumnKind, type ColumnSpec } from './arrow-schema.ts';

type Cell = string | number | boolean | Date | Cell[] | null;

/**
 * Reads the rows of `table` as `schema` describes them: Int64 → number, Timestamp → Date, List → array,
 * and an empty cell → `null` for `.nullable()` fields or an absent key for `.optional()`/`.default()` ones.
 * Columns are found by name (extra table columns are ignored); a missing column, an incompatible column
 * type, or an empty cell in a field that cannot be empty throws `SchemaValidationError`.
 *
 * @example
 * const rows = rowsFromTable(tableFromParquet(bytes), schema); // z.output<typeof schema>[]
 */
export function rowsFromTable<S extends z.ZodObject>(table: arrow.Table, schema: S): z.output<S>[] {
  const columns = describeColumns(schema);
  const indexes = columns.map((column) => columnIndex(table.schema, column));
  const rows = new Array<Record<string, unknown>>(table.numRows);
  let next = 0;
  for (const batch of table.batches) {
    const cells = columns.map((column, c) => decodeColumn(column, batch.data.children[indexes[c]!]!));
    for (let i = 0; i < batch.numRows; i++) rows[next++] = assembleRow(columns, cells, i);
  }
  return rows as z.output<S>[];
}

function assembleRow(columns: readonly ColumnSpec[], cells: readonly Cell[][], i: number): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (let c = 0; c < columns.length; c++) {
    const column = columns[c]!;
    const value = cells[c]![i]!;
    if (value !== null || column.empty === 'null') row[column.name] = value;
  }
  return row;
}

function columnIndex(schema: arrow.Schema, column: ColumnSpec): number {
  const index = schema.fields.findIndex((field) => field.name === column.name);
  if (index < 0) throw new SchemaValidationError(`Column "${column.name}" is missing from the table.`);
  // A table read from bytes has no static column types: Arrow types its fields `Field<any>`.
  const { type } = schema.fields[index]! as arrow.Field<arrow.DataType>;
  const itemType = type instanceof arrow.List ? (type as arrow.List<arrow.DataType>).valueType : undefined;
  if (!fits(column.kind, type) || (column.item !== undefined && (itemType === undefined || !fits(column.item.kind, itemType)))) {
    throw new SchemaValidationError(`Column "${column.name}" is ${type} in the table, but the schema declares ${column.type}.`);
  }
  return index;
}

function fits(kind: ColumnKind, type: arrow.DataType): boolean {
  switch (kind) {
    case 'utf8':
      return arrow.DataType.isUtf8(type);
    case 'float64':
    case 'int32':
    case 'int64':
      return arrow.DataType.isInt(type) || (arrow.DataType.isFloat(type) && type.precision !== arrow.Precision.HALF);
    case 'bool':
      return arrow.DataType.isBool(type);
    case 'timestamp':
      return arrow.DataType.isTimestamp(type);
    case 'list':
      return arrow.DataType.isList(type);
  }
}

function decodeColumn(column: ColumnSpec, data: arrow.Data): Cell[] {
  if (column.empty === 'never' && data.nullCount > 0) {
    throw new SchemaValidationError(`Column "${column.name}" has ${data.nullCount} empty cells, but the schema does not allow empty values.`);
  }
  return decode(data);
}

function decode(data: arrow.Data): Cell[] {
  const type = data.type;
  if (arrow.DataType.isUtf8(type)) return decodeUtf8(data as arrow.Data<arrow.Utf8>);
  if (arrow.DataType.isBool(type)) return decodeBool(data as arrow.Data<arrow.Bool>);
  if (arrow.DataType.isTimestamp(type)) return decodeTimestamp(data as arrow.Data<arrow.Timestamp>);
  if (arrow.DataType.isList(type)) return decodeList(data as arrow.Data<arrow.List<arrow.DataType>>);
  return decodeNumbers(data as arrow.Data<arrow.Int | arrow.Float>);
}

// Arrow JS slices value and offset buffers when it slices Data, but bitmaps keep `data.offset` (data.ts `_sliceBuffers`).
function isValidAt(data: arrow.Data, i: number): boolean {
  if (data.nullCount === 0) return true;
  const bit = data.offset + i;
  return ((data.nullBitmap![bit >> 3]! >> (bit & 7)) & 1) === 1;
}

function decodeNumbers(data: arrow.Data<arrow.Int | arrow.Float>): Cell[] {
  const values = data.values as ArrayLike<number | bigint>;
  const isBig = values instanceof BigInt64Array || values instanceof BigUint64Array;
  const out = new Array<Cell>(data.length);
  for (let i = 0; i < data.length; i++) {
    out[i] = isValidAt(data, i) ? (isBig ? Number(values[i]) : (values[i] as number)) : null;
  }
  return out;
}

const MS_PER_UNIT: Record<arrow.TimeUnit, number> = {
  [arrow.TimeUnit.SECOND]: 1000,
  [arrow.TimeUnit.MILLISECOND]: 1,
  [arrow.TimeUnit.MICROSECOND]: 1e-3,
  [arrow.TimeUnit.NANOSECOND]: 1e-6,
};

function decodeTimestamp(data: arrow.Data<arrow.Timestamp>): Cell[] {
  const values = data.values as unknown as BigInt64Array;
  const scale = MS_PER_UNIT[data.type.unit];
  const out = new Array<Cell>(data.length);
  for (let i = 0; i < data.length; i++) {
    out[i] = isValidAt(data, i) ? new Date(scale === 1 ? Number(values[i]) : Math.floor(Number(values[i]) * scale)) : null;
  }
  return out;
}

function decodeBool(data: arrow.Data<arrow.Bool>): Cell[] {
  const bits = data.values;
  const out = new Array<Cell>(data.length);
  for (let i = 0; i < data.length; i++) {
    const bit = data.offset + i;
    out[i] = isValidAt(data, i) ? ((bits[bit >> 3]! >> (bit & 7)) & 1) === 1 : null;
  }
  return out;
}

function decodeList(data: arrow.Data<arrow.List<arrow.DataType>>): Cell[] {
  // Arrow leaves List's offset array type open (`any`); a List's offsets are Int32 (LargeList is another type).
  const offsets = data.valueOffsets as Int32Array;
  const items = decode(data.children[0]!);
  const out = new Array<Cell>(data.length);
  for (let i = 0; i < data.length; i++) {
    out[i] = isValidAt(data, i) ? items.slice(offsets[i]!, offsets[i + 1]!) : null;
  }
  return out;
}

// { ignoreBOM: true } keeps a leading U+FEFF that belongs to the first string instead of stripping it.
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

// Decodes the column's bytes with one TextDecoder call, then cuts each string out of the result: one
// native decode instead of one per cell. Byte offsets map to UTF-16 offsets by counting lead bytes.
function decodeUtf8(data: arrow.Data<arrow.Utf8>): Cell[] {
  const offsets = data.valueOffsets;
  const bytes = data.values;
  const first = offsets[0]!;
  const text = decoder.decode(bytes.subarray(first, offsets[data.length]!));
  const isAscii = text.length === offsets[data.length]! - first;
  const out = new Array<Cell>(data.length);
  let byte = first;
  let unit = 0;
  for (let i = 0; i < data.length; i++) {
    const start = isAscii ? offsets[i]! - first : unit;
    if (!isAscii) {
      for (const end = offsets[i + 1]!; byte < end; byte++) {
        const lead = bytes[byte]!;
        // Continuation bytes (10xxxxxx) add nothing; a 4-byte sequence is a surrogate pair (2 units).
        if ((lead & 0xc0) !== 0x80) unit += lead >= 0xf0 ? 2 : 1;
      }
    }
    const end = isAscii ? offsets[i + 1]! - first : unit;
    out[i] = isValidAt(data, i) ? text.substring(start, end) : null;
  }
  return out;
}
