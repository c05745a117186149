/**
 * The ledger record of a materialization that failed for good, built in one place for the executor (its own
 * retries exhausted) and for an orchestrator's `recordFailure` (its retries exhausted).
 */
import type { AnyAsset } from '../asset/define-asset.ts';
import { errorMessage, isMedallionError } from '../errors.ts';
import type { MaterializationRecord, RecordError } from '../ledger/materialization-record.ts';
import { serviceInstanceId } from '../telemetry/service-instance.ts';
import type { InputDataVersion } from '../versions/data-version.ts';
import { userCause } from './user-code.ts';

export interface Failure {
  readonly id: string;
  readonly runId: string;
  readonly asset: AnyAsset;
  readonly partition: string | null;
  readonly startedAt: Date;
  readonly finishedAt: Date;
  readonly attempts: number;
  /** What the failed attempt read; empty when the orchestrator that gave up does not know. */
  readonly inputs: readonly InputDataVersion[];
  readonly steps: { readonly ran: number; readonly replayed: number };
  readonly error: RecordError;
}

/** A failed record: no data, no checks, the error and what it read. */
export function failureRecord(failure: Failure): MaterializationRecord {
  return {
    format: 1,
    id: failure.id,
    runId: failure.runId,
    instance: serviceInstanceId(),
    asset: failure.asset.key,
    partition: failure.partition,
    status: 'failed',
    startedAt: failure.startedAt.toISOString(),
    finishedAt: failure.finishedAt.toISOString(),
    durationMs: failure.finishedAt.getTime() - failure.startedAt.getTime(),
    attempts: failure.attempts,
    codeVersion: failure.asset.codeVersion,
    inputs: [...failure.inputs],
    dataVersion: null,
    rows: 0,
    quarantined: 0,
    bytes: 0,
    steps: { ...failure.steps },
    checks: [],
    metadata: {},
    files: { folder: null, data: null, quarantine: null, attachments: [] },
    error: { ...failure.error },
  };
}

/** An error as the ledger and run summaries record it: the user's error class and medallion's code, if any. */
export function describeError(error: unknown): RecordError {
  const cause = userCause(error);
  return {
    name: cause instanceof Error ? cause.name : 'Error',
    code: isMedallionError(cause) ? cause.code : isMedallionError(error) ? error.code : null,
    message: errorMessage(error),
  };
}
