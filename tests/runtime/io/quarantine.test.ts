import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { rowsFromTable, tableFromParquet, tableFromRows, tableToParquet } from '../../../runtime/data-plane.ts';
import { quarantineSchema, validateRows } from '../../../runtime/internal.ts';

const schema = z.object({
  id: z.int(),
  title: z.string().trim(),
  year: z.number(),
  genres: z.array(z.string()),
  rating: z.number().nullable().default(null),
});

const input: unknown[] = [
  { id: 1, title: '  Heat ', year: 1995, genres: ['Crime'] },
  { id: 2, title: 'Alien', year: '1979', genres: ['Horror'] },
  { id: 3, title: 'Amélie', year: 2001, genres: ['Comedy'], rating: 8.3 },
  { id: 4.5, title: 'Up', year: 2009, genres: ['Animation', 7] },
  'not a row',
  { id: 6, title: 'Ran', year: 1985, genres: [], extra: 'stripped' },
];

describe('validateRows', () => {
  const { valid, quarantined } = validateRows(input, schema);

  it('keeps the good rows in input order, as zod parsed them', () => {
    assert.deepEqual(valid, [
      { id: 1, title: 'Heat', year: 1995, genres: ['Crime'], rating: null },
      { id: 3, title: 'Amélie', year: 2001, genres: ['Comedy'], rating: 8.3 },
      { id: 6, title: 'Ran', year: 1985, genres: [], rating: null },
    ]);
  });

  it('quarantines the bad rows with their index, the row as JSON and a reason naming each failing field', () => {
    assert.deepEqual(quarantined, [
      { row_index: 1, reason: 'year: expected number, received string', row_json: JSON.stringify(input[1]) },
      { row_index: 3, reason: 'id: expected int, received number; genres[1]: expected string, received number', row_json: JSON.stringify(input[3]) },
      { row_index: 4, reason: 'row: expected object, received string', row_json: '"not a row"' },
    ]);
  });

  it('writes the quarantine as Parquet with the same functions as the data', () => {
    const back = rowsFromTable(tableFromParquet(tableToParquet(tableFromRows(quarantined, quarantineSchema))), quarantineSchema);
    assert.deepEqual(back, quarantined);
  });

  it('serializes rows JSON cannot represent without failing', () => {
    const { quarantined: odd } = validateRows([{ id: 10n }, undefined], schema);
    assert.equal(odd[0]!.row_json, '{"id":"10"}');
    assert.equal(odd[1]!.row_json, 'null');
    assert.match(odd[1]!.reason, /^row: expected object, received undefined$/);
  });
});
