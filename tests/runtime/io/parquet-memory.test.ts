import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { z } from 'zod';
import { rowsFromTable, tableFromParquet, tableFromRows, tableToParquet } from '../../../runtime/data-plane.ts';
import { parquetWasm, wasmBuffer } from '../../../runtime/io/parquet-wasm.ts';

// The runner does not pass --expose-gc; this exposes it for this process only.
function collectGarbage(): void {
  if (typeof globalThis.gc !== 'function') {
    setFlagsFromString('--expose-gc');
    globalThis.gc = runInNewContext('gc') as typeof globalThis.gc;
  }
  globalThis.gc!();
  globalThis.gc!();
}

const schema = z.object({
  id: z.int(),
  title: z.string(),
  year: z.int32().nullable(),
  genres: z.array(z.string()),
  popularity: z.number(),
  released: z.date().optional(),
});

const rows = Array.from({ length: 20_000 }, (_, i) => ({
  id: i,
  title: `Movie number ${i} — ${i % 3 === 0 ? 'Amélie' : 'Heat'}`,
  year: i % 13 === 0 ? null : 1930 + (i % 95),
  genres: ['Drama', 'Crime', 'Comedy'].slice(0, i % 4),
  popularity: (i % 997) / 3,
  ...(i % 5 === 0 ? {} : { released: new Date(Date.UTC(1990, 0, 1) + i * 86_400_000) }),
}));

describe('Parquet reads release wasm memory', () => {
  it('reading the same 20k-row file 200 times grows neither wasm memory nor RSS', () => {
    const bytes = tableToParquet(tableFromRows(rows, schema));
    for (let i = 0; i < 5; i++) assert.equal(tableFromParquet(bytes).numRows, rows.length);
    const wasmAfterWarmup = wasmBuffer(parquetWasm()).byteLength;
    collectGarbage();
    const rssAfterWarmup = process.memoryUsage().rss;

    for (let i = 0; i < 200; i++) {
      const table = tableFromParquet(bytes);
      assert.equal(table.numRows, rows.length);
      if (i % 50 === 0) assert.deepEqual(rowsFromTable(table, schema)[rows.length - 1], rows[rows.length - 1]);
    }

    assert.equal(wasmBuffer(parquetWasm()).byteLength, wasmAfterWarmup, 'wasm memory grew: a read did not drop its FFI stream');
    collectGarbage();
    const growthMb = (process.memoryUsage().rss - rssAfterWarmup) / 2 ** 20;
    assert.ok(growthMb < 64, `RSS grew by ${growthMb.toFixed(1)} MB over 200 reads`);
  });
});
