/**
 * The integrity of a head's data file: its digest is taken from the bytes as they are committed, a status
 * checks it with one stat (size and ETag), and every read checks the bytes (size and sha256) before decoding
 * them, so a truncated, emptied, rewritten or deleted file is named with the command that repairs it.
 */
import { createHash } from 'node:crypto';
import type { Table } from 'apache-arrow';
import { slotLabel } from '../asset/asset-key.ts';
import { DataCorruptError, errorMessage } from '../errors.ts';
import { loadDataPlane } from '../io/load-data-plane.ts';
import type { ObjectInfo, Storage } from '../storage/storage.ts';
import type { CommittedMaterialization, FileDigest } from './materialization-record.ts';

/** The digest a commit records for a file it wrote: size and sha256 of `bytes`, and the ETag the lake gave them. */
export function digestOf(bytes: Uint8Array, written: ObjectInfo): FileDigest {
  return { bytes: bytes.byteLength, sha256: sha256Of(bytes), etag: written.etag };
}

/**
 * What is wrong with a head's data file, or undefined when nothing is: one stat, plus a read only when the
 * file was replaced since its commit (a different ETag) without changing size, to tell a rewrite from a copy.
 */
export async function dataFileDamage(storage: Storage, head: CommittedMaterialization): Promise<string | undefined> {
  const path = head.files.data;
  if (path === null) return undefined;
  const info = await storage.stat(path);
  if (info === undefined) return 'is missing';
  const sizeProblem = checkSize(head, info.size);
  if (sizeProblem !== undefined) return sizeProblem;
  const digest = head.files.dataDigest;
  if (digest === undefined || info.etag === digest.etag) return undefined;
  const object = await storage.get(path);
  if (object === undefined) return 'is missing';
  return checkBytes(head, object.body);
}

/**
 * The bytes of a head's data file, checked against what its commit recorded.
 *
 * @throws DataCorruptError naming the file and the command that rewrites it, when it is missing or differs.
 */
export async function readCommittedData(storage: Storage, head: CommittedMaterialization): Promise<Uint8Array> {
  const path = dataPathOf(head);
  const object = await storage.get(path);
  const problem = object === undefined ? 'is missing' : checkBytes(head, object.body);
  if (problem !== undefined) throw dataCorruptError(storage, head, problem);
  return object!.body;
}

/**
 * A head's data file as an Arrow table, read with `readCommittedData`. Bytes that pass their digest but do
 * not decode are a writer bug and are thrown as they are; without a digest (an older lake) they are corrupt.
 */
export async function readCommittedTable(storage: Storage, head: CommittedMaterialization): Promise<Table> {
  return tableFromCommittedData(storage, head, await readCommittedData(storage, head));
}

/** Decodes bytes returned by `readCommittedData` (see `readCommittedTable`). */
export async function tableFromCommittedData(storage: Storage, head: CommittedMaterialization, bytes: Uint8Array): Promise<Table> {
  const { tableFromParquet } = await loadDataPlane();
  try {
    return tableFromParquet(bytes);
  } catch (error) {
    if (head.files.dataDigest !== undefined) throw error;
    throw dataCorruptError(storage, head, `is not readable Parquet (${errorMessage(error)})`, error);
  }
}

/** The command that rewrites a slot's data: a plain materialize, since a damaged head counts as stale. */
export function repairCommand(asset: string, partition: string | null): string {
  return `medallion materialize ${asset}${partition === null ? '' : ` --partition ${partition}`}`;
}

/** The sentence that names a damaged file and its repair, as `status` and `DataCorruptError` say it. */
export function describeDamage(storage: Storage, head: CommittedMaterialization, problem: string): string {
  return `its data file ${dataPathOf(head)} in ${storage.location} ${problem}; "${repairCommand(head.asset, head.partition)}" rewrites it`;
}

function dataCorruptError(storage: Storage, head: CommittedMaterialization, problem: string, cause?: unknown): DataCorruptError {
  const label = slotLabel(head.asset, head.partition);
  return new DataCorruptError(
    `The data of "${label}" is corrupt: ${describeDamage(storage, head, problem)}.`,
    { asset: head.asset, partition: head.partition, path: dataPathOf(head), repair: repairCommand(head.asset, head.partition) },
    cause === undefined ? undefined : { cause },
  );
}

function checkBytes(head: CommittedMaterialization, bytes: Uint8Array): string | undefined {
  const sizeProblem = checkSize(head, bytes.byteLength);
  if (sizeProblem !== undefined) return sizeProblem;
  const digest = head.files.dataDigest;
  if (digest !== undefined && sha256Of(bytes) !== digest.sha256) return 'does not match the checksum its commit recorded (its bytes were changed)';
  return undefined;
}

function checkSize(head: CommittedMaterialization, size: number): string | undefined {
  // Records written before digests: `bytes` is the data file's size when there is no quarantine file.
  const expected = head.files.dataDigest?.bytes ?? (head.files.quarantine === null ? head.bytes : undefined);
  if (expected === undefined || size === expected) return undefined;
  if (size === 0) return `is empty (its commit wrote ${expected.toLocaleString('en-US')} bytes)`;
  return `holds ${size.toLocaleString('en-US')} bytes where its commit wrote ${expected.toLocaleString('en-US')}`;
}

function dataPathOf(head: CommittedMaterialization): string {
  if (head.files.data === null) throw new Error(`The head of ${head.asset} (${head.id}) records no data file.`);
  return head.files.data;
}

function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
