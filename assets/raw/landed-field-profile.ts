/**
 * The landed-field profile: for each top-level field seen in the raw records, the JSON types it came in
 * and how often it was null or absent. Raw assets put it in their metadata; schema alignment reads it.
 */
import { z } from 'zod';

export const LANDED_TYPES = ['string', 'integer', 'number', 'boolean', 'array', 'object'] as const;
export type LandedType = (typeof LANDED_TYPES)[number];

export const landedFieldStatsSchema = z.object({
  /** How many values came in each non-null JSON type; `integer` is a number without a fraction. */
  types: z.partialRecord(z.enum(LANDED_TYPES), z.int()),
  present: z.int(),
  nulls: z.int(),
  absent: z.int(),
});
export type LandedFieldStats = z.output<typeof landedFieldStatsSchema>;

export const landedFieldProfileSchema = z.object({
  records: z.int(),
  fields: z.record(z.string(), landedFieldStatsSchema),
});
export type LandedFieldProfile = z.output<typeof landedFieldProfileSchema>;

/** The JSON types a field landed in, in a stable order. */
export function landedTypesOf(stats: LandedFieldStats): LandedType[] {
  return LANDED_TYPES.filter((type) => (stats.types[type] ?? 0) > 0);
}

/** Profiles the records as landed (including those the source schema later rejects). Keys sorted, so stable. */
export function profileLandedFields(records: readonly unknown[]): LandedFieldProfile {
  const seen = new Map<string, { types: Map<LandedType, number>; present: number; nulls: number }>();
  for (const record of records) {
    if (!isPlainObject(record)) continue;
    for (const [field, value] of Object.entries(record)) {
      // JSON has no undefined: a key holding it was not sent.
      if (value === undefined) continue;
      let stats = seen.get(field);
      if (stats === undefined) seen.set(field, (stats = { types: new Map(), present: 0, nulls: 0 }));
      stats.present++;
      if (value === null) stats.nulls++;
      else {
        const type = landedTypeOf(value);
        stats.types.set(type, (stats.types.get(type) ?? 0) + 1);
      }
    }
  }
  const fields: Record<string, LandedFieldStats> = {};
  for (const field of [...seen.keys()].sort()) {
    const stats = seen.get(field)!;
    const types = Object.fromEntries(LANDED_TYPES.filter((type) => stats.types.has(type)).map((type) => [type, stats.types.get(type)!]));
    fields[field] = { types, present: stats.present, nulls: stats.nulls, absent: records.length - stats.present };
  }
  return { records: records.length, fields };
}

/** Profiles of several landings of one source (e.g. partitions) as one. */
export function mergeLandedFieldProfiles(profiles: readonly LandedFieldProfile[]): LandedFieldProfile {
  const records = profiles.reduce((sum, profile) => sum + profile.records, 0);
  const names = [...new Set(profiles.flatMap((profile) => Object.keys(profile.fields)))].sort();
  const fields: Record<string, LandedFieldStats> = {};
  for (const name of names) {
    const parts = profiles.map((profile) => profile.fields[name]);
    const types: Partial<Record<LandedType, number>> = {};
    for (const type of LANDED_TYPES) {
      const count = parts.reduce((sum, part) => sum + (part?.types[type] ?? 0), 0);
      if (count > 0) types[type] = count;
    }
    const present = parts.reduce((sum, part) => sum + (part?.present ?? 0), 0);
    const nulls = parts.reduce((sum, part) => sum + (part?.nulls ?? 0), 0);
    fields[name] = { types, present, nulls, absent: records - present };
  }
  return { records, fields };
}

function landedTypeOf(value: unknown): LandedType {
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  if (typeof value === 'string' || typeof value === 'boolean') return typeof value as LandedType;
  return 'object';
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
