// Property-based tests of the Parquet reader on damaged files: a valid file written by our writer is truncated,
// bit-flipped, zeroed, spliced, cut or padded with garbage, and every read (table, schema, footer) gives either a
// table (whose rows then read or fail schema validation) or a SchemaValidationError saying the file is not
// readable Parquet, never a raw decoder error or a wasm trap; and the reader still reads valid files afterwards.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as arrow from 'apache-arrow';
import fc from 'fast-check';
import { z } from 'zod';
import { parquetInfo, rowsFromTable, schemaFromParquet, tableFromParquet, tableFromRows, tableToParquet } from '../../runtime/data-plane.ts';
import { isWasmTrap, parquetWasm } from '../../runtime/io/parquet-wasm.ts';
import { assertTypedError, fuzzRuns, outcomeOf } from './fuzz-settings.ts';

const schema = z.object({
  id: z.int(),
  title: z.string(),
  year: z.int32().nullable(),
  score: z.number(),
  adult: z.boolean(),
  released: z.date().nullable(),
  genres: z.array(z.string()),
});
const rows = Array.from({ length: 60 }, (_, i) => ({
  id: i * 7919,
  title: `${['Heat', 'Amélie', 'タイトル', 'Alien'][i % 4]} ${i}`,
  year: i % 5 === 0 ? null : 1950 + i,
  score: i / 7,
  adult: i % 3 === 0,
  released: i % 4 === 0 ? null : new Date(Date.UTC(1990, 0, 1 + i)),
  genres: ['Drama', 'Crime', 'Comedy'].slice(0, i % 4),
}));
// Three row groups, so the footer lists several of each chunk and page offset.
const original = tableToParquet(tableFromRows(rows, schema), { rowGroupSize: 25 });
const other = tableToParquet(tableFromRows(rows.slice(0, 3), schema));

/** A position anywhere, or in the footer (the last few hundred bytes), where most of the structure is. */
const position = fc.oneof(fc.nat({ max: original.length - 1 }), fc.nat({ max: 599 }).map((back) => Math.max(0, original.length - 1 - back)));
const garbage = fc.oneof(fc.uint8Array({ minLength: 1, maxLength: 64 }), fc.constantFrom(Uint8Array.of(0x50, 0x41, 0x52, 0x31), new Uint8Array(8).fill(0xff)));

const splice = (bytes: Uint8Array, at: number, remove: number, insert: Uint8Array = new Uint8Array()) => {
  const out = new Uint8Array(bytes.length - Math.min(remove, bytes.length - at) + insert.length);
  out.set(bytes.subarray(0, at));
  out.set(insert, at);
  out.set(bytes.subarray(at + remove), at + insert.length);
  return out;
};

/** Each kind of damage a file can take, named so a failure says which. */
const mutations: Record<string, fc.Arbitrary<Uint8Array>> = {
  truncate: position.map((at) => original.slice(0, at)),
  'cut the head': position.map((at) => original.slice(at + 1)),
  'flip bits': fc.array(fc.tuple(position, fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 4 }).map((flips) => {
    const bytes = original.slice();
    for (const [at, mask] of flips) bytes[at]! ^= mask;
    return bytes;
  }),
  'zero a range': fc.tuple(position, fc.integer({ min: 1, max: 64 })).map(([at, length]) => original.slice().fill(0, at, at + length)),
  'splice in another file': fc.tuple(position, fc.nat({ max: 64 }), fc.nat({ max: other.length - 1 }), fc.integer({ min: 1, max: 128 })).map(([at, remove, from, length]) =>
    splice(original, at, remove, other.subarray(from, from + length))),
  'remove a range': fc.tuple(position, fc.integer({ min: 1, max: 64 })).map(([at, length]) => splice(original, at, length)),
  'duplicate a range': fc.tuple(position, fc.integer({ min: 1, max: 64 })).map(([at, length]) => splice(original, at, 0, original.slice(at, at + length))),
  'append garbage': garbage.map((tail) => splice(original, original.length, 0, tail)),
  'insert garbage': fc.tuple(position, garbage).map(([at, bytes]) => splice(original, at, 0, bytes)),
  'not Parquet at all': fc.oneof(fc.uint8Array({ maxLength: 256 }), garbage.map((bytes) => Uint8Array.from([...bytes, 0x50, 0x41, 0x52, 0x31]))),
};

/** Either a table whose rows read or fail schema validation, or the reader's typed refusal. */
function checkTableRead(bytes: Uint8Array): void {
  const read = outcomeOf(() => tableFromParquet(bytes));
  if (!read.ok) return assertTypedError(read.error, ['SCHEMA_VALIDATION'], 'Not a readable Parquet file');
  assert.ok(read.value instanceof arrow.Table);
  const decoded = outcomeOf(() => rowsFromTable(read.value, schema));
  if (decoded.ok) assert.equal(decoded.value.length, read.value.numRows);
  else assertTypedError(decoded.error, ['SCHEMA_VALIDATION']);
}

async function checkSchemaAndFooterReads(bytes: Uint8Array): Promise<void> {
  const readSchema = outcomeOf(() => schemaFromParquet(bytes));
  if (readSchema.ok) assert.ok(readSchema.value instanceof arrow.Schema);
  else assertTypedError(readSchema.error, ['SCHEMA_VALIDATION'], 'Not a readable Parquet file');
  try {
    const info = await parquetInfo(bytes);
    assert.ok(Number.isInteger(info.numRows) && info.numRows >= 0);
  } catch (error) {
    assertTypedError(error, ['SCHEMA_VALIDATION'], 'Not a readable Parquet file');
  }
}

const RUNS_PER_MUTATION = 1_000;

describe('Parquet reader on damaged files (property-based)', () => {
  for (const [name, mutated] of Object.entries(mutations)) {
    it(`${name}: every read gives a table or a typed "not readable Parquet" error`, { timeout: 120_000 }, async () => {
      await fc.assert(
        fc.asyncProperty(mutated, async (bytes) => {
          checkTableRead(bytes);
          await checkSchemaAndFooterReads(bytes);
        }),
        // A read that never settles (the async reader once hung so) fails its case, with the counterexample.
        { ...fuzzRuns(RUNS_PER_MUTATION), timeout: 10_000 },
      );
      // The decoder was not left broken by what it refused (a trapped wasm instance fails later reads).
      assert.deepEqual(rowsFromTable(tableFromParquet(original), schema), rows);
    });
  }

  it('replaces a wasm instance that trapped, so a decoder crash does not break later reads', () => {
    const crashing = [...original.keys()].map((at) => {
      const bytes = original.slice();
      bytes[at]! ^= 0xff;
      return bytes;
    }).find((bytes) => {
      const read = outcomeOf(() => tableFromParquet(bytes));
      return !read.ok && isWasmTrap((read.error as Error).cause);
    });
    assert.ok(crashing !== undefined, 'no byte flip of the fixture crashes the decoder any more: find another input that makes it trap');
    const before = parquetWasm();
    const read = outcomeOf(() => tableFromParquet(crashing));
    assert.equal(read.ok, false);
    assertTypedError(!read.ok && read.error, ['SCHEMA_VALIDATION'], 'the decoder crashed');
    assert.notEqual(parquetWasm(), before, 'the trapped instance is still in use');
    assert.deepEqual(rowsFromTable(tableFromParquet(original), schema), rows);
  });
});
