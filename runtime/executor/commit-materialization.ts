/**
 * Turns what `materialize` returned into a committed version: validate rows (failures go to quarantine),
 * run the asset's checks, write Parquet and attachments into a fresh folder, then publish with one
 * conditional head write. Until that write, readers keep seeing the previous version.
 */
import type { Table } from 'apache-arrow';
import type { AnyAsset, MaterializeResult } from '../asset/define-asset.ts';
import { loadDataPlane } from '../io/load-data-plane.ts';
import { quarantineSchema, validateRows, type QuarantinedRow } from '../io/quarantine.ts';
import { digestOf } from '../ledger/data-file.ts';
import { materializationFolder } from '../ledger/lake-layout.ts';
import type { Head } from '../ledger/ledger.ts';
import type { CommittedMaterialization } from '../ledger/materialization-record.ts';
import type { StorageLock } from '../storage/storage.ts';
import { serviceInstanceId } from '../telemetry/service-instance.ts';
import { computeDataVersion, type InputDataVersion } from '../versions/data-version.ts';
import { runChecks } from './result-checks.ts';
import type { SlotEnvironment } from './run-environment.ts';
import type { StepJournal } from './step-journal.ts';

export interface CommitRequest {
  readonly asset: AnyAsset;
  readonly partition: string | null;
  readonly startedAt: Date;
  readonly attempts: number;
  readonly inputs: readonly InputDataVersion[];
  readonly result: MaterializeResult<Record<string, unknown>>;
  readonly journal: StepJournal;
  readonly expected: Head | undefined;
  readonly lock: StorageLock;
}

export interface Committed {
  readonly record: CommittedMaterialization;
  readonly rows: readonly Record<string, unknown>[];
  readonly quarantined: readonly QuarantinedRow[];
  readonly table: Table;
}

export async function commitMaterialization(env: SlotEnvironment, request: CommitRequest): Promise<Committed> {
  const { asset, partition, journal } = request;
  const { tableFromRows, tableToIpcStream, tableToParquet } = await loadDataPlane();
  const { valid, quarantined } = validateRows(request.result.rows, asset.schema);
  const table = tableFromRows(valid, asset.schema);
  const dataVersion = computeDataVersion(tableToIpcStream(table));
  const checks = await runChecks(asset, valid);

  // The version's folder: attachments are already there; nobody reads it before the head points at it, and
  // a resumed materialization (same id) may rewrite what an interrupted commit left.
  const folder = materializationFolder(asset.key, partition, journal.materializationId);
  const dataBytes = tableToParquet(table);
  const dataDigest = digestOf(dataBytes, await env.storage.put(`${folder}/data.parquet`, dataBytes));
  let bytes = dataBytes.byteLength;
  let quarantinePath: string | null = null;
  if (quarantined.length > 0) {
    const quarantineBytes = tableToParquet(tableFromRows(quarantined, quarantineSchema));
    quarantinePath = `${folder}/quarantine.parquet`;
    await env.storage.put(quarantinePath, quarantineBytes);
    bytes += quarantineBytes.byteLength;
  }
  const attachments = await journal.attachmentPaths();

  const finishedAt = env.now();
  const record: CommittedMaterialization = {
    format: 1,
    id: journal.materializationId,
    runId: env.runId,
    instance: serviceInstanceId(),
    asset: asset.key,
    partition,
    status: 'materialized',
    startedAt: request.startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    durationMs: finishedAt.getTime() - request.startedAt.getTime(),
    attempts: request.attempts,
    codeVersion: asset.codeVersion,
    inputs: [...request.inputs],
    dataVersion,
    rows: valid.length,
    quarantined: quarantined.length,
    bytes,
    steps: { ...journal.counts },
    checks,
    metadata: request.result.metadata ?? {},
    // Already as recorded: materialize-slot passed the result through checkMaterializeResult.
    ...(request.result.backlog === undefined ? {} : { backlog: request.result.backlog }),
    files: { folder, data: `${folder}/data.parquet`, quarantine: quarantinePath, attachments, dataDigest },
    error: null,
  };
  request.lock.assertHeld();
  await env.ledger.commit(record, request.expected);
  await journal.clear();
  return { record, rows: valid, quarantined, table };
}
