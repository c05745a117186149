/**
 * The zod → Arrow mapping of asset schemas: which zod types a column may have, and the per-column
 * description (`ColumnSpec`) that the row ↔ table converters work from. No data is converted here.
 */
import * as arrow from 'apache-arrow';
import { z } from 'zod';
import { DefinitionError } from '../errors.ts';

/** The Arrow kind of a scalar column. */
export type ScalarKind = 'utf8' | 'float64' | 'int32' | 'int64' | 'bool' | 'timestamp';
/** The Arrow kind of a list column's items. */
export type ListItemKind = Exclude<ScalarKind, 'timestamp'>;
/** The Arrow kind of a column, as a zod schema maps to it. */
export type ColumnKind = ScalarKind | 'list';

/**
 * How zod lets a field be empty: `never`; as `null` (`.nullable()`, `.nullish()`); or by leaving the key
 * out (`.optional()`, `.default()`), so a null read back from the table becomes an absent key.
 */
export type EmptyAs = 'never' | 'null' | 'omit';

/** One column of an asset schema, as the converters see it. */
export interface ColumnSpec {
  readonly name: string;
  readonly kind: ColumnKind;
  /** Only for `kind: 'list'`: the item kind and whether items may be null. */
  readonly item: { readonly kind: ListItemKind; readonly nullable: boolean } | undefined;
  readonly type: arrow.DataType;
  /** Whether the Arrow field is nullable; true exactly when `empty` is not `never`. */
  readonly nullable: boolean;
  readonly empty: EmptyAs;
}

const SUPPORTED =
  'Supported: z.string() (and string enums, string literals, z.iso.* and other string formats), z.number(), ' +
  'z.int32(), z.int(), z.boolean(), z.date(), and z.array() of string/number/int32/int/boolean; each may be ' +
  'wrapped in .nullable(), .optional(), .nullish() or .default().';

type AnyZod = z.core.$ZodType;

const cache = new WeakMap<z.ZodObject, readonly ColumnSpec[]>();

/**
 * The column descriptions of a zod object schema, in shape order. Throws `DefinitionError`
 * (`SCHEMA_UNSUPPORTED`) naming the first field whose type has no Arrow mapping.
 *
 * @example
 * describeColumns(z.object({ title: z.string(), year: z.int32().nullable() }));
 * // [{ name: 'title', kind: 'utf8', nullable: false, empty: 'never', … }, { name: 'year', kind: 'int32', empty: 'null', … }]
 */
export function describeColumns(schema: z.ZodObject): readonly ColumnSpec[] {
  let columns = cache.get(schema);
  if (columns === undefined) {
    columns = Object.freeze(Object.entries<AnyZod>(schema.shape).map(([name, field]) => describeColumn(name, field)));
    cache.set(schema, columns);
  }
  return columns;
}

/**
 * The Arrow schema a zod object schema is stored as.
 *
 * @example
 * arrowSchemaFromZod(z.object({ id: z.int(), genres: z.array(z.string()) }));
 * // Schema<{ id: Int64, genres: List<Utf8> }>
 */
export function arrowSchemaFromZod(schema: z.ZodObject): arrow.Schema {
  return new arrow.Schema(describeColumns(schema).map((column) => new arrow.Field(column.name, column.type, column.nullable)));
}

function describeColumn(name: string, field: AnyZod): ColumnSpec {
  const { inner, empty } = unwrapEmpty(field);
  const scalar = scalarKind(inner);
  if (scalar !== undefined) {
    return { name, kind: scalar, item: undefined, type: arrowType(scalar), nullable: empty !== 'never', empty };
  }
  const def = (inner as z.core.$ZodTypes)._zod.def;
  if (def.type === 'array') {
    const item = listItem(def.element);
    if (item === undefined) throw unsupported(name, `array of ${describeZod(def.element)}`);
    const type = new arrow.List(new arrow.Field('item', arrowType(item.kind), item.nullable));
    return { name, kind: 'list', item, type, nullable: empty !== 'never', empty };
  }
  throw unsupported(name, describeZod(inner));
}

function unwrapEmpty(field: AnyZod): { inner: AnyZod; empty: EmptyAs } {
  let inner = field;
  let hasNull = false;
  let hasOmit = false;
  for (;;) {
    const def = (inner as z.core.$ZodTypes)._zod.def;
    if (def.type === 'nullable') hasNull = true;
    else if (def.type === 'optional' || def.type === 'default' || def.type === 'prefault') hasOmit = true;
    else if (def.type !== 'readonly') break;
    inner = def.innerType;
  }
  return { inner, empty: hasNull ? 'null' : hasOmit ? 'omit' : 'never' };
}

function listItem(element: AnyZod): ColumnSpec['item'] {
  const def = (element as z.core.$ZodTypes)._zod.def;
  const nullable = def.type === 'nullable';
  const kind = scalarKind(nullable ? def.innerType : element);
  if (kind === undefined || kind === 'timestamp') return undefined;
  return { kind, nullable };
}

function scalarKind(schema: AnyZod): ScalarKind | undefined {
  const def = (schema as z.core.$ZodTypes)._zod.def;
  switch (def.type) {
    case 'string':
    case 'template_literal':
      return 'utf8';
    case 'enum':
      return Object.values(def.entries).every((value) => typeof value === 'string') ? 'utf8' : undefined;
    case 'literal':
      return def.values.every((value) => typeof value === 'string') ? 'utf8' : undefined;
    case 'number':
      return numberKind(schema);
    case 'boolean':
      return 'bool';
    case 'date':
      return 'timestamp';
    default:
      return undefined;
  }
}

function numberKind(schema: AnyZod): ScalarKind {
  // ZodNumber's public `.format` also sees `.int()`/`.safe()` added as checks; `def.format` only sees z.int()/z.int32().
  const format = schema instanceof z.ZodNumber ? schema.format : ((schema as z.core.$ZodNumber)._zod.def as { format?: string }).format;
  if (format === 'int32') return 'int32';
  if (format === 'safeint' || format === 'uint32') return 'int64';
  return 'float64';
}

const ARROW_TYPES: Record<ScalarKind, arrow.DataType> = {
  utf8: new arrow.Utf8(),
  float64: new arrow.Float64(),
  int32: new arrow.Int32(),
  int64: new arrow.Int64(),
  bool: new arrow.Bool(),
  timestamp: new arrow.Timestamp(arrow.TimeUnit.MILLISECOND, 'UTC'),
};

function arrowType(kind: ScalarKind): arrow.DataType {
  return ARROW_TYPES[kind];
}

function describeZod(schema: AnyZod): string {
  const def = (schema as z.core.$ZodTypes)._zod.def;
  if (def.type === 'literal') return `literal ${def.values.map((value) => JSON.stringify(String(value))).join(' | ')}`;
  if (def.type === 'pipe') return 'pipe (transform)';
  return def.type;
}

function unsupported(field: string, zodType: string): DefinitionError {
  return new DefinitionError(
    'SCHEMA_UNSUPPORTED',
    `Field "${field}" has zod type ${zodType}, which has no Arrow column type. ${SUPPORTED}`,
    [],
  );
}
