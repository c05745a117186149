/**
 * Rows → `arrow.Table`, one column at a time straight into typed buffers (`makeData`), because
 * `vectorFromArray` is several times slower for strings and lists (research note §1, pitfall 6).
 */
import * as arrow from 'apache-arrow';
import type { z } from 'zod';
import { SchemaValidationError } from '../errors.ts';
import { arrowSchemaFromZod, describeColumns, type ColumnSpec, type ScalarKind } from './arrow-schema.ts';

type Cells = readonly unknown[];

interface Validity {
  readonly nullBitmap: Uint8Array | undefined;
  readonly nullCount: number;
}

/**
 * Builds an Arrow table from rows of a zod object schema (one record batch, column types from
 * `arrowSchemaFromZod`). Rows are expected to be parsed already; a value of the wrong type, or a
 * missing value in a column that cannot be empty, throws `SchemaValidationError`.
 *
 * @example
 * const table = tableFromRows([{ id: 1, title: 'Heat', genres: ['Crime'] }], schema);
 */
export function tableFromRows<S extends z.ZodObject>(rows: readonly z.output<S>[], schema: S): arrow.Table {
  const arrowSchema = arrowSchemaFromZod(schema);
  const children = describeColumns(schema).map((column) =>
    buildColumn(column, rows.map((row) => (row as Record<string, unknown>)[column.name])),
  );
  const struct = arrow.makeData({ type: new arrow.Struct(arrowSchema.fields), length: rows.length, nullCount: 0, children });
  return new arrow.Table(arrowSchema, [new arrow.RecordBatch(arrowSchema, struct)]);
}

function buildColumn(column: ColumnSpec, cells: Cells): arrow.Data {
  const validity = validityOf(cells);
  if (validity.nullCount > 0 && !column.nullable) {
    const row = cells.findIndex((cell) => cell === null || cell === undefined);
    throw new SchemaValidationError(`Column "${column.name}" cannot be empty, but row ${row} has no value.`);
  }
  if (column.kind === 'list') return buildList(column, cells, validity);
  return buildScalar(column.kind, column.type, cells, validity, column.name);
}

function buildScalar(kind: ScalarKind, type: arrow.DataType, cells: Cells, validity: Validity, label: string): arrow.Data {
  const length = cells.length;
  switch (kind) {
    case 'utf8':
      return arrow.makeData({ type: type as arrow.Utf8, length, ...validity, ...encodeUtf8(cells, label) });
    case 'float64':
      return arrow.makeData({ type: type as arrow.Float64, length, ...validity, data: fillNumbers(new Float64Array(length), cells, label, isNumber) });
    case 'int32':
      return arrow.makeData({ type: type as arrow.Int32, length, ...validity, data: fillNumbers(new Int32Array(length), cells, label, isInt32) });
    case 'int64':
      return arrow.makeData({ type: type as arrow.Int64, length, ...validity, data: fillInt64(cells, label) });
    case 'bool':
      return arrow.makeData({ type: type as arrow.Bool, length, ...validity, data: packBooleans(cells, label) });
    case 'timestamp':
      return arrow.makeData({ type: type as arrow.Timestamp, length, ...validity, data: fillTimestamps(cells, label) });
  }
}

function buildList(column: ColumnSpec, cells: Cells, validity: Validity): arrow.Data {
  const item = column.item!;
  const valueOffsets = new Int32Array(cells.length + 1);
  const items: unknown[] = [];
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    if (Array.isArray(cell)) for (const value of cell) items.push(value);
    else if (cell !== null && cell !== undefined) throw wrongType(column.name, 'array', cell);
    valueOffsets[i + 1] = items.length;
  }
  const itemValidity = validityOf(items);
  if (itemValidity.nullCount > 0 && !item.nullable) {
    throw new SchemaValidationError(`Column "${column.name}" cannot hold null items.`);
  }
  const type = column.type as arrow.List<arrow.DataType>;
  const child = buildScalar(item.kind, type.valueType, items, itemValidity, `${column.name}[]`);
  return arrow.makeData({ type, length: cells.length, ...validity, valueOffsets, child });
}

function validityOf(cells: Cells): Validity {
  let nullCount = 0;
  for (const cell of cells) if (cell === null || cell === undefined) nullCount++;
  if (nullCount === 0) return { nullBitmap: undefined, nullCount };
  const nullBitmap = new Uint8Array((cells.length + 7) >> 3);
  for (let i = 0; i < cells.length; i++) {
    if (cells[i] !== null && cells[i] !== undefined) nullBitmap[i >> 3]! |= 1 << (i & 7);
  }
  return { nullBitmap, nullCount };
}

const encoder = new TextEncoder();

function encodeUtf8(cells: Cells, label: string): { valueOffsets: Int32Array; data: Uint8Array<ArrayBuffer> } {
  const valueOffsets = new Int32Array(cells.length + 1);
  let bytes: Uint8Array<ArrayBuffer> = new Uint8Array(Math.max(64, cells.length * 16));
  let end = 0;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    if (typeof cell === 'string') {
      // A UTF-16 code unit never takes more than 3 UTF-8 bytes.
      if (end + cell.length * 3 > bytes.length) bytes = grow(bytes, end + cell.length * 3);
      end = writeUtf8(cell, bytes, end);
    } else if (cell !== null && cell !== undefined) {
      throw wrongType(label, 'string', cell);
    }
    valueOffsets[i + 1] = end;
  }
  return { valueOffsets, data: bytes.slice(0, end) };
}

// Copies ASCII by hand (faster than encodeInto for short strings) and hands the rest to TextEncoder.
function writeUtf8(text: string, out: Uint8Array, start: number): number {
  let end = start;
  for (let j = 0; j < text.length; j++) {
    const code = text.charCodeAt(j);
    if (code >= 0x80) return start + encoder.encodeInto(text, out.subarray(start)).written;
    out[end++] = code;
  }
  return end;
}

function grow(bytes: Uint8Array<ArrayBuffer>, needed: number): Uint8Array<ArrayBuffer> {
  const next = new Uint8Array(Math.max(needed, bytes.length * 2));
  next.set(bytes);
  return next;
}

function fillNumbers<A extends Float64Array | Int32Array>(
  out: A,
  cells: Cells,
  label: string,
  accepts: (value: unknown) => value is number,
): A {
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    if (accepts(cell)) out[i] = cell;
    else if (cell !== null && cell !== undefined) throw wrongType(label, out instanceof Int32Array ? 'int32' : 'number', cell);
  }
  return out;
}

function fillInt64(cells: Cells, label: string): BigInt64Array {
  const out = new BigInt64Array(cells.length);
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    if (Number.isSafeInteger(cell)) out[i] = BigInt(cell as number);
    else if (cell !== null && cell !== undefined) throw wrongType(label, 'safe integer', cell);
  }
  return out;
}

function fillTimestamps(cells: Cells, label: string): BigInt64Array {
  const out = new BigInt64Array(cells.length);
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    if (cell instanceof Date && !Number.isNaN(cell.getTime())) out[i] = BigInt(cell.getTime());
    else if (cell !== null && cell !== undefined) throw wrongType(label, 'valid Date', cell);
  }
  return out;
}

function packBooleans(cells: Cells, label: string): Uint8Array {
  const out = new Uint8Array((cells.length + 7) >> 3);
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    if (cell === true) out[i >> 3]! |= 1 << (i & 7);
    else if (cell !== false && cell !== null && cell !== undefined) throw wrongType(label, 'boolean', cell);
  }
  return out;
}

function isNumber(value: unknown): value is number {
  return typeof value === 'number';
}

function isInt32(value: unknown): value is number {
  return typeof value === 'number' && (value | 0) === value;
}

function wrongType(label: string, expected: string, value: unknown): SchemaValidationError {
  const received = value instanceof Date ? 'Date' : Array.isArray(value) ? 'array' : typeof value;
  return new SchemaValidationError(`Column "${label}": expected ${expected}, received ${received}.`);
}
