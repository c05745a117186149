/**
 * `intermediate/schema_alignment`: the report comparing what landed in the raw layer (the landed-field
 * profiles in the raw materializations' metadata) with the declared API record schemas, one row per
 * (source, field). Its blocking check stops everything downstream on breaking drift.
 */
import { z } from 'zod';
import { defineAsset, SchemaValidationError, type AssetCheck, type AssetInput, type JsonObject } from 'medallion';
import { landedFieldProfileSchema, mergeLandedFieldProfiles, type LandedFieldProfile } from '../raw/landed-field-profile.ts';
import { rawDiscogsReleasesEntry, type RawDiscogsReleasesAsset } from '../raw/raw-discogs-releases.ts';
import { rawTmdbMoviesEntry, type RawTmdbMoviesAsset } from '../raw/raw-tmdb-movies.ts';
import { discogsSearchItemSchema } from '../sources/discogs-schemas.ts';
import { tmdbListItemSchema } from '../sources/tmdb-schemas.ts';
import { compareFields, declaredFields, DRIFT_STATUSES } from './schema-drift.ts';
import { pipelineAsset } from '../pipeline-asset.ts';

export const schemaAlignmentSchema = z.object({
  source: z.enum(['tmdb', 'discogs']),
  /** The raw asset the records landed in. */
  asset: z.string(),
  /** The declared record schema compared against. */
  record: z.string(),
  field: z.string(),
  status: z.enum(DRIFT_STATUSES),
  required: z.boolean(),
  /** A required field missing or retyped: the blocking check fails. */
  breaking: z.boolean(),
  declared_types: z.array(z.string()),
  landed_types: z.array(z.string()),
  records: z.int(),
  present: z.int(),
  nulls: z.int(),
  absent: z.int(),
  null_rate: z.number(),
  detail: z.string(),
});
export type SchemaAlignmentRow = z.output<typeof schemaAlignmentSchema>;

const NO_BREAKING_DRIFT: AssetCheck<SchemaAlignmentRow> = {
  name: 'no_breaking_drift',
  description: 'Every required API field landed, with its declared type.',
  blocking: true,
  check(rows) {
    const breaking = rows.filter((row) => row.breaking);
    if (breaking.length === 0) return { passed: true };
    const fields = breaking.map((row) => `${row.source}.${row.field} (${row.status}: ${row.detail})`);
    return { passed: false, message: `Breaking schema drift: ${fields.join('; ')}.`, metadata: { breaking: fields } };
  },
};

export function defineSchemaAlignment(tmdb: RawTmdbMoviesAsset, discogs: RawDiscogsReleasesAsset) {
  return defineAsset({
    key: 'intermediate/schema_alignment',
    description: "Drift report: the raw landings' field profiles against the declared TMDB list item and Discogs search item schemas.",
    schema: schemaAlignmentSchema,
    deps: { tmdb, discogs },
    codeVersion: '1',
    checks: [NO_BREAKING_DRIFT],
    async materialize(_ctx, inputs) {
      const rows = [
        ...alignmentRows('tmdb', inputs.tmdb, 'tmdb list item (/movie/popular)', tmdbListItemSchema),
        ...alignmentRows('discogs', inputs.discogs, 'discogs search item (type=release)', discogsSearchItemSchema),
      ];
      return { rows, metadata: summary(rows) };
    },
  });
}

export type SchemaAlignmentAsset = ReturnType<typeof defineSchemaAlignment>;

function alignmentRows(source: 'tmdb' | 'discogs', input: AssetInput<unknown>, record: string, schema: z.ZodObject): SchemaAlignmentRow[] {
  const profile = landedProfile(input);
  return compareFields(declaredFields(schema), profile).map((drift) => ({
    source,
    asset: input.key,
    record,
    field: drift.field,
    status: drift.status,
    required: drift.required,
    breaking: drift.breaking,
    declared_types: drift.declaredTypes,
    landed_types: drift.landedTypes,
    records: profile.records,
    present: drift.present,
    nulls: drift.nulls,
    absent: drift.absent,
    null_rate: profile.records === 0 ? 0 : drift.nulls / profile.records,
    detail: drift.detail,
  }));
}

/** The profile every version read carries in its metadata (one per partition), merged. */
function landedProfile(input: AssetInput<unknown>): LandedFieldProfile {
  const profiles = input.versions.map((version) => {
    const parsed = landedFieldProfileSchema.safeParse(version.metadata.field_profile);
    if (!parsed.success) {
      throw new SchemaValidationError(
        `${input.key} (data version ${version.dataVersion}) has no landed-field profile in its metadata; materialize it again with this code.`,
      );
    }
    return parsed.data;
  });
  return mergeLandedFieldProfiles(profiles);
}

function summary(rows: readonly SchemaAlignmentRow[]): JsonObject {
  const byStatus: JsonObject = {};
  for (const row of rows) byStatus[`${row.source}_${row.status}`] = Number(byStatus[`${row.source}_${row.status}`] ?? 0) + 1;
  return { fields_compared: rows.length, breaking: rows.filter((row) => row.breaking).length, by_status: byStatus };
}

/** In the pipeline: over both raw landings. */
export const schemaAlignmentEntry = pipelineAsset((scope) => defineSchemaAlignment(scope.upstream(rawTmdbMoviesEntry), scope.upstream(rawDiscogsReleasesEntry)));
