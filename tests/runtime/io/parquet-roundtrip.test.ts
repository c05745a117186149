import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as arrow from 'apache-arrow';
import { Compression, Table as WasmTable, WriterPropertiesBuilder, writeParquet } from 'parquet-wasm';
import { z } from 'zod';
import {
  arrowSchemaFromZod,
  parquetInfo,
  rowsFromTable,
  schemaFromParquet,
  tableFromParquet,
  tableFromRows,
  tableToParquet,
} from '../../../runtime/data-plane.ts';
import { SchemaValidationError } from '../../../runtime/index.ts';

const schema = z.object({
  id: z.int(),
  title: z.string(),
  language: z.enum(['en', 'fr', 'ja']),
  year: z.int32().nullable(),
  score: z.number().nullish(),
  adult: z.boolean(),
  is_video: z.boolean().nullable(),
  released: z.date().nullable(),
  fetched_at: z.date(),
  genres: z.array(z.string()),
  keywords: z.array(z.string().nullable()).nullable(),
  votes: z.array(z.int()),
  shares: z.array(z.number()).optional(),
  flags: z.array(z.boolean().nullable()),
  ranks: z.array(z.int32()).nullable(),
  tagline: z.string().optional(),
  budget: z.int().optional(),
});
type Row = z.output<typeof schema>;

const rows: Row[] = [
  {
    id: 9_007_199_254_740_991, title: 'タイトル', language: 'ja', year: 1999, score: 7.25, adult: false, is_video: true,
    released: new Date('1999-03-31T00:00:00.000Z'), fetched_at: new Date('2024-02-29T12:34:56.789Z'),
    genres: ['Science Fiction', 'Action'], keywords: ['simulation', null, 'ネオ'], votes: [1, -2, 3_000_000_000_000],
    shares: [0.5, -1.25], flags: [true, null, false], ranks: [2_147_483_647, -2_147_483_648], tagline: 'Welcome to the Real World', budget: 63_000_000,
  },
  {
    id: -9_007_199_254_740_991, title: '', language: 'fr', year: null, score: null, adult: true, is_video: null,
    released: null, fetched_at: new Date(-86_400_000 * 365), genres: [], keywords: null, votes: [], flags: [], ranks: null,
  },
  {
    id: 0, title: 'Amélie 🎬 \uFEFF“quoted”\n', language: 'en', year: -1, score: -0.001, adult: false, is_video: false,
    released: new Date(0), fetched_at: new Date(8_640_000_000_000), genres: [''], keywords: [], votes: [0],
    shares: [], flags: [null], ranks: [], tagline: '',
  },
];

function roundTrip(input: readonly Row[], rowGroupSize?: number): Row[] {
  const bytes = tableToParquet(tableFromRows(input, schema), rowGroupSize === undefined ? {} : { rowGroupSize });
  return rowsFromTable(tableFromParquet(bytes), schema);
}

describe('Parquet round trip', () => {
  it('returns exactly the rows written, for every supported type including nulls and absent keys', () => {
    const back = roundTrip(rows);
    assert.deepEqual(back, rows);
    assert.equal('tagline' in back[1]!, false, 'an optional-only field comes back as an absent key, not null');
    assert.equal(back[1]!.year, null);
  });

  it('keeps field names, types and nullability in the Parquet schema', () => {
    const bytes = tableToParquet(tableFromRows(rows, schema));
    const expected = arrowSchemaFromZod(schema);
    for (const read of [schemaFromParquet(bytes), tableFromParquet(bytes).schema]) {
      assert.deepEqual(
        read.fields.map((field) => [field.name, String(field.type), field.nullable]),
        expected.fields.map((field) => [field.name, String(field.type), field.nullable]),
      );
    }
  });

  it('round-trips an empty table with its schema', () => {
    const table = tableFromParquet(tableToParquet(tableFromRows([], schema)));
    assert.equal(table.numRows, 0);
    assert.deepEqual(table.schema.fields.map((field) => `${field.name}:${field.type}`), arrowSchemaFromZod(schema).fields.map((field) => `${field.name}:${field.type}`));
    assert.deepEqual(rowsFromTable(table, schema), []);
    assert.equal(tableFromParquet(tableToParquet(table)).numRows, 0, 'a table read from an empty file can be written again');
  });

  it('round-trips many rows across several row groups', async () => {
    const many = Array.from({ length: 2_500 }, (_, i) => ({ ...rows[i % 3]!, id: i * 104_729 }));
    const bytes = tableToParquet(tableFromRows(many, schema), { rowGroupSize: 1_000 });
    const info = await parquetInfo(bytes);
    assert.deepEqual(info.rowGroups.map((group) => group.numRows), [1_000, 1_000, 500]);
    assert.equal(info.numRows, 2_500);
    assert.deepEqual(rowsFromTable(tableFromParquet(bytes), schema), many);
  });

  it('reads sliced and multi-batch tables (bitmaps with an offset)', () => {
    const many = Array.from({ length: 40 }, (_, i) => ({ ...rows[i % 3]!, id: i }));
    const table = tableFromRows(many, schema);
    assert.deepEqual(rowsFromTable(table.slice(5, 29), schema), many.slice(5, 29));
    const twoBatches = table.slice(0, 13).concat(table.slice(13));
    assert.equal(twoBatches.batches.length, 2);
    assert.deepEqual(rowsFromTable(twoBatches, schema), many);
  });
});

describe('ZSTD compression', () => {
  const repetitive = Array.from({ length: 20_000 }, (_, i) => ({ ...rows[0]!, id: i % 10, title: `The same long title, again and again ${i % 7}` }));

  it('marks every column chunk as ZSTD, also on a second write (fresh writer properties each time)', async () => {
    const table = tableFromRows(repetitive, schema);
    for (const bytes of [tableToParquet(table), tableToParquet(table)]) {
      const codecs = new Set((await parquetInfo(bytes)).rowGroups.flatMap((group) => group.columns.map((column) => column.compression)));
      assert.deepEqual([...codecs], ['ZSTD']);
    }
  });

  it('writes a smaller file than an uncompressed write of the same repetitive data', () => {
    const table = tableFromRows(repetitive, schema);
    const zstd = tableToParquet(table);
    const properties = new WriterPropertiesBuilder().setCompression(Compression.UNCOMPRESSED).build();
    const uncompressed = writeParquet(WasmTable.fromIPCStream(arrow.tableToIPC(table, 'stream')), properties);
    assert.ok(zstd.byteLength < uncompressed.byteLength * 0.8, `ZSTD ${zstd.byteLength} B vs uncompressed ${uncompressed.byteLength} B`);
  });
});

describe('conversion errors', () => {
  const small = z.object({ id: z.int(), title: z.string(), tags: z.array(z.string()) });

  it('rejects a value of the wrong type, naming the column', () => {
    assert.throws(
      () => tableFromRows([{ id: 1, title: 42 as unknown as string, tags: [] }], small),
      (error: unknown) => error instanceof SchemaValidationError && /"title": expected string, received number/.test(error.message),
    );
    assert.throws(() => tableFromRows([{ id: 1.5, title: 'x', tags: [] }], small), /"id": expected safe integer/);
    assert.throws(() => tableFromRows([{ id: 1, title: 'x', tags: [null as unknown as string] }], small), /"tags" cannot hold null items/);
  });

  it('rejects an empty value in a column that cannot be empty', () => {
    assert.throws(() => tableFromRows([{ id: 1, title: 'x', tags: [] }, { id: 2, tags: [] } as never], small), /"title" cannot be empty, but row 1/);
  });

  it('rejects a table that lacks a column or has an incompatible type', () => {
    const table = tableFromRows([{ id: 1, title: 'x', tags: [] }], small);
    assert.throws(() => rowsFromTable(table, small.extend({ year: z.int32() })), /"year" is missing/);
    assert.throws(() => rowsFromTable(table, z.object({ title: z.boolean() })), /"title" is Utf8 in the table, but the schema declares Bool/);
    assert.throws(() => rowsFromTable(tableFromRows([{ id: 1, title: null }], z.object({ id: z.int(), title: z.string().nullable() })), z.object({ title: z.string() })), /"title" has 1 empty cells/);
  });
});
