/** The summary each run writes to `metrics/_runs/<run id>.json`: one outcome per asset slot it considered. */
import { z } from 'zod';
import { backlogSchema, recordErrorSchema } from './materialization-record.ts';

export const outcomeTypes = ['materialized', 'skipped', 'failed', 'upstream-failed'] as const;

export const slotOutcomeSchema = z.object({
  asset: z.string(),
  partition: z.string().nullable(),
  type: z.enum(outcomeTypes),
  /** Why it was skipped or why it could not run. */
  reason: z.string().nullable(),
  materializationId: z.string().nullable(),
  dataVersion: z.string().nullable(),
  rows: z.int(),
  quarantined: z.int(),
  bytes: z.int(),
  /** Time from the run's start until this slot started (waiting on upstreams and concurrency). */
  waitMs: z.number(),
  durationMs: z.number(),
  attempts: z.int(),
  steps: z.object({ ran: z.int(), replayed: z.int() }),
  error: recordErrorSchema.nullable(),
  metadata: z.record(z.string(), z.json()),
  /** What a materialization left for a later one (see `MaterializeResult.backlog`). */
  backlog: backlogSchema.optional(),
});

export const runSummarySchema = z.object({
  format: z.literal(1),
  runId: z.string(),
  /** The process that wrote it (`service.instance.id`); absent in summaries written before it was kept. */
  instance: z.string().optional(),
  selection: z.string(),
  /** `true`: every slot of the selection was forced; a list: only those assets' slots. */
  force: z.union([z.boolean(), z.array(z.string())]),
  partition: z.string().nullable(),
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime(),
  durationMs: z.number(),
  /** `interrupted`: stopped by a signal before all of it succeeded, or killed (recorded by a later run). */
  status: z.enum(['succeeded', 'failed', 'interrupted']),
  outcomes: z.array(slotOutcomeSchema),
});

/** One slot's outcome in a run: materialized, skipped or failed, with rows, time, attempts and error. */
export type SlotOutcome = z.infer<typeof slotOutcomeSchema>;
/** A finished run: selection, times, status and every slot's outcome, as kept under `metrics/_runs/`. */
export type RunSummary = z.infer<typeof runSummarySchema>;
/** How a slot ended in a run. */
export type OutcomeType = SlotOutcome['type'];
