/**
 * The ledger's record of one materialization attempt, validated with zod whenever it is read back from the
 * lake. Typed fields, not tags (what we avoid from Dagster's `dagster/input_data_version/<key>` strings).
 */
import { z } from 'zod';

export const inputDataVersionSchema = z.object({
  asset: z.string(),
  partition: z.string().nullable(),
  dataVersion: z.string(),
});

export const checkOutcomeSchema = z.object({
  name: z.string(),
  passed: z.boolean(),
  blocking: z.boolean(),
  message: z.string().nullable(),
  metadata: z.record(z.string(), z.json()),
});

export const recordErrorSchema = z.object({
  name: z.string(),
  code: z.string().nullable(),
  message: z.string(),
});

/** Work left for a later materialization (`MaterializeResult.backlog`). */
export const backlogSchema = z.object({
  pending: z.int().nonnegative(),
  unit: z.string(),
  dueAt: z.iso.datetime().optional(),
});

/**
 * The backlog a materialization returned, as the ledger keeps it: validated (a TypeError says what to return
 * instead), and none when nothing is pending and nothing falls due. The executor and `runtime/testing.ts`
 * both call this, so a test sees what a commit records.
 */
export function recordedBacklog(backlog: unknown): z.output<typeof backlogSchema> | undefined {
  if (backlog === undefined) return undefined;
  const parsed = backlogSchema.safeParse(backlog);
  if (!parsed.success) {
    throw new TypeError(`materialize returned a malformed backlog ${JSON.stringify(backlog)}: give { pending: a whole number ≥ 0, unit: a word, dueAt?: an ISO 8601 time }.`);
  }
  return parsed.data.pending === 0 && parsed.data.dueAt === undefined ? undefined : parsed.data;
}

/**
 * A file as it was committed: its size, its sha256 and the ETag the lake gave it. A stat that finds the same
 * size and ETag needs no read; a different ETag with the same bytes (a copied lake) is still the same file.
 */
export const fileDigestSchema = z.object({
  bytes: z.int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  etag: z.string(),
});

export const materializationRecordSchema = z.object({
  format: z.literal(1),
  id: z.string(),
  runId: z.string(),
  /** The process that wrote it (`service.instance.id`); absent in records written before it was kept. */
  instance: z.string().optional(),
  asset: z.string(),
  partition: z.string().nullable(),
  status: z.enum(['materialized', 'failed']),
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime(),
  durationMs: z.number(),
  attempts: z.int(),
  codeVersion: z.string(),
  inputs: z.array(inputDataVersionSchema),
  dataVersion: z.string().nullable(),
  rows: z.int(),
  quarantined: z.int(),
  bytes: z.int(),
  steps: z.object({ ran: z.int(), replayed: z.int() }),
  checks: z.array(checkOutcomeSchema),
  metadata: z.record(z.string(), z.json()),
  /** Absent when the materialization left no work (and in records written before backlogs existed). */
  backlog: backlogSchema.optional(),
  files: z.object({
    folder: z.string().nullable(),
    data: z.string().nullable(),
    quarantine: z.string().nullable(),
    attachments: z.array(z.string()),
    /** Absent in records written before digests existed: their reads check what they can (size, Parquet). */
    dataDigest: fileDigestSchema.optional(),
  }),
  error: recordErrorSchema.nullable(),
});

export type MaterializationRecord = z.infer<typeof materializationRecordSchema>;
export type CheckOutcome = z.infer<typeof checkOutcomeSchema>;
export type FileDigest = z.infer<typeof fileDigestSchema>;
export type RecordError = z.infer<typeof recordErrorSchema>;

/** A committed materialization (a head): it has data. */
export type CommittedMaterialization = MaterializationRecord & { status: 'materialized'; dataVersion: string };

export function isCommitted(record: MaterializationRecord): record is CommittedMaterialization {
  return record.status === 'materialized' && record.dataVersion !== null;
}

export function failedBlockingChecks(record: MaterializationRecord): CheckOutcome[] {
  return record.checks.filter((check) => check.blocking && !check.passed);
}
