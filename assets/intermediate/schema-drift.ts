/**
 * Schema drift between a declared API record schema (zod) and a landed-field profile: which fields are
 * new, missing or retyped, and whether that breaks the pipeline (a required field missing or retyped).
 */
import { z } from 'zod';
import { landedTypesOf, type LandedFieldProfile, type LandedFieldStats, type LandedType } from '../raw/landed-field-profile.ts';

export const DRIFT_STATUSES = ['ok', 'new', 'missing', 'retyped', 'stray_types', 'unexpected_nulls', 'sometimes_absent'] as const;

/**
 * Above this share of records, a required field absent or in another type is the source changing its schema
 * (breaking); below it, those records are bad data that the raw layer quarantines one by one.
 */
export const BREAKING_SHARE = 0.5;
export type DriftStatus = (typeof DRIFT_STATUSES)[number];

export interface DeclaredField {
  name: string;
  required: boolean;
  nullable: boolean;
  /** Landed types the declaration accepts (`number` accepts `integer` too). */
  types: LandedType[];
}

export interface FieldDrift {
  field: string;
  status: DriftStatus;
  required: boolean;
  breaking: boolean;
  declaredTypes: string[];
  landedTypes: string[];
  present: number;
  nulls: number;
  absent: number;
  detail: string;
}

type JsonSchemaNode = { type?: string | string[]; anyOf?: JsonSchemaNode[]; oneOf?: JsonSchemaNode[] };

/** The top-level fields of a zod object schema as the wire sees them (through its JSON Schema). */
export function declaredFields(schema: z.ZodObject): DeclaredField[] {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as {
    properties?: Record<string, JsonSchemaNode>;
    required?: string[];
  };
  const required = new Set(json.required ?? []);
  return Object.entries(json.properties ?? {}).map(([name, node]) => {
    const types = jsonTypesOf(node);
    const landed = types.flatMap((type): LandedType[] => (type === 'number' ? ['integer', 'number'] : type === 'null' ? [] : [type as LandedType]));
    return { name, required: required.has(name), nullable: types.includes('null'), types: [...new Set(landed)] };
  });
}

function jsonTypesOf(node: JsonSchemaNode): string[] {
  const own = node.type === undefined ? [] : Array.isArray(node.type) ? node.type : [node.type];
  const alternatives = [...(node.anyOf ?? []), ...(node.oneOf ?? [])].flatMap(jsonTypesOf);
  return [...own, ...alternatives];
}

/** One entry per field declared or landed, sorted by field name. */
export function compareFields(declared: readonly DeclaredField[], profile: LandedFieldProfile): FieldDrift[] {
  const byName = new Map(declared.map((field) => [field.name, field]));
  const names = [...new Set([...byName.keys(), ...Object.keys(profile.fields)])].sort();
  return names.map((name) => {
    const field = byName.get(name);
    const stats = profile.fields[name] ?? { types: {}, present: 0, nulls: 0, absent: profile.records };
    const landedTypes: string[] = landedTypesOf(stats);
    if (stats.nulls > 0) landedTypes.push('null');
    const declaredTypes = field === undefined ? [] : field.nullable ? [...field.types, 'null'] : [...field.types];
    const { status, detail } = field === undefined ? newField(stats) : judge(field, stats, profile.records);
    const breaking = field?.required === true && (status === 'missing' || status === 'retyped');
    return { field: name, status, required: field?.required ?? false, breaking, declaredTypes, landedTypes, ...counts(stats), detail };
  });
}

function newField(stats: LandedFieldStats): { status: DriftStatus; detail: string } {
  return { status: 'new', detail: `not declared; landed as ${landedTypesOf(stats).join(' | ') || 'null'}` };
}

function judge(field: DeclaredField, stats: LandedFieldStats, records: number): { status: DriftStatus; detail: string } {
  if (stats.present === 0) return { status: 'missing', detail: records === 0 ? 'nothing landed' : `absent from all ${records} records` };
  const landed = landedTypesOf(stats);
  const offTypes = landed.filter((type) => !field.types.includes(type));
  const offCount = offTypes.reduce((sum, type) => sum + (stats.types[type] ?? 0), 0);
  if (offCount > 0) {
    const detail = `declared ${field.types.join(' | ')}, landed ${offTypes.map((type) => `${type} in ${stats.types[type]}`).join(', ')} of ${records} records`;
    return { status: offCount > records * BREAKING_SHARE ? 'retyped' : 'stray_types', detail };
  }
  if (stats.nulls > 0 && !field.nullable) {
    // Every value null is a type change; some nulls are records the raw layer quarantines (and counts).
    if (landed.length === 0) return { status: 'retyped', detail: `declared ${field.types.join(' | ')}, landed only null` };
    return { status: 'unexpected_nulls', detail: `${stats.nulls} of ${stats.present} values null` };
  }
  if (field.required && stats.absent > 0) {
    const detail = `absent from ${stats.absent} of ${records} records`;
    return { status: stats.absent > records * BREAKING_SHARE ? 'missing' : 'sometimes_absent', detail };
  }
  return { status: 'ok', detail: '' };
}

function counts(stats: LandedFieldStats) {
  return { present: stats.present, nulls: stats.nulls, absent: stats.absent };
}
