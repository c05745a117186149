import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as arrow from 'apache-arrow';
import { z } from 'zod';
import { arrowSchemaFromZod, describeColumns } from '../../../runtime/data-plane.ts';
import { DefinitionError } from '../../../runtime/index.ts';

const movieSchema = z.object({
  tmdb_id: z.int(),
  title: z.string(),
  original_language: z.enum(['en', 'fr', 'ja']),
  release_date: z.iso.date().nullable(),
  year: z.int32().nullable(),
  popularity: z.number(),
  adult: z.boolean(),
  fetched_at: z.date(),
  genres: z.array(z.string()),
  ratings: z.array(z.number().nullable()).optional(),
  budget: z.int().nullish(),
  status: z.string().default('released'),
});

function fieldSummary(schema: arrow.Schema): string[] {
  return schema.fields.map((field) => `${field.name}: ${field.type}${field.nullable ? ' | null' : ''}`);
}

describe('arrowSchemaFromZod', () => {
  it('maps each supported zod type to its Arrow type and nullability', () => {
    assert.deepEqual(fieldSummary(arrowSchemaFromZod(movieSchema)), [
      'tmdb_id: Int64',
      'title: Utf8',
      'original_language: Utf8',
      'release_date: Utf8 | null',
      'year: Int32 | null',
      'popularity: Float64',
      'adult: Bool',
      'fetched_at: Timestamp<MILLISECOND, UTC>',
      'genres: List<Utf8>',
      'ratings: List<Float64> | null',
      'budget: Int64 | null',
      'status: Utf8 | null',
    ]);
  });

  it('makes list items nullable only when the item schema is nullable', () => {
    const fields = arrowSchemaFromZod(movieSchema).fields;
    const itemOf = (name: string) => (fields.find((field) => field.name === name)!.type as arrow.List).valueField;
    assert.equal(itemOf('genres').nullable, false);
    assert.equal(itemOf('ratings').nullable, true);
    assert.equal(itemOf('genres').name, 'item');
  });

  it('maps integer number checks to integer columns', () => {
    const schema = z.object({ a: z.number().int(), b: z.int().min(0), c: z.int32().positive(), d: z.float32(), e: z.literal('x') });
    assert.deepEqual(fieldSummary(arrowSchemaFromZod(schema)), ['a: Int64', 'b: Int64', 'c: Int32', 'd: Float64', 'e: Utf8']);
  });

  it('describes whether an empty value is null or an absent key', () => {
    const empties = Object.fromEntries(describeColumns(movieSchema).map((column) => [column.name, column.empty]));
    assert.equal(empties.title, 'never');
    assert.equal(empties.year, 'null');
    assert.equal(empties.budget, 'null');
    assert.equal(empties.ratings, 'omit');
    assert.equal(empties.status, 'omit');
  });

  const unsupported: [string, z.ZodType, RegExp][] = [
    ['meta', z.object({ a: z.string() }), /object/],
    ['either', z.union([z.string(), z.number()]), /union/],
    ['tags', z.record(z.string(), z.string()), /record/],
    ['big', z.bigint(), /bigint/],
    ['length', z.string().transform((value) => value.length), /pipe/],
    ['nested', z.array(z.array(z.string())), /array of array/],
    ['dates', z.array(z.date()), /array of date/],
    ['level', z.literal(3), /literal "3"/],
  ];
  for (const [field, type, zodType] of unsupported) {
    it(`rejects ${field} (${type.type}) with a message naming the field, its type and what is supported`, () => {
      assert.throws(
        () => arrowSchemaFromZod(z.object({ id: z.int(), [field]: type })),
        (error: unknown) =>
          error instanceof DefinitionError &&
          error.code === 'SCHEMA_UNSUPPORTED' &&
          error.message.includes(`"${field}"`) &&
          zodType.test(error.message) &&
          error.message.includes('Supported: z.string()'),
      );
    });
  }
});
