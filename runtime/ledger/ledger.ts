/**
 * The materialization ledger, kept in the lake itself: heads (the committed materialization of each asset
 * slot, replaced by one conditional write), append-only history records, and run summaries. The commit
 * protocol is described in README.md beside this file.
 */
import type { AssetKey } from '../asset/asset-key.ts';
import { LedgerError } from '../errors.ts';
import type { Storage } from '../storage/storage.ts';
import { createTimeOrderedId, headPath, ledgerPrefix, ledgerRecordPath, runSummaryPath } from './lake-layout.ts';
import {
  isCommitted,
  materializationRecordSchema,
  type CommittedMaterialization,
  type MaterializationRecord,
} from './materialization-record.ts';
import { runSummarySchema, type RunSummary } from './run-summary.ts';
import type { z } from 'zod';

export interface Head {
  readonly record: CommittedMaterialization;
  readonly etag: string;
}

export class Ledger {
  readonly #storage: Storage;

  constructor(storage: Storage) {
    this.#storage = storage;
  }

  get storage(): Storage {
    return this.#storage;
  }

  async readHead(key: AssetKey, partition: string | null = null): Promise<Head | undefined> {
    const path = headPath(key, partition);
    const object = await this.#storage.get(path);
    if (object === undefined) return undefined;
    const record = parseJson(materializationRecordSchema, object.body, path);
    if (!isCommitted(record)) throw new LedgerError(`${path} is not a committed materialization (status "${record.status}").`);
    return { record, etag: object.etag };
  }

  /**
   * Publishes a materialization: replaces the head only if it is still the one read before materializing
   * (`expected`), then appends the history record. A conflict means another writer committed meanwhile.
   */
  async commit(record: CommittedMaterialization, expected: Head | undefined): Promise<void> {
    const path = headPath(record.asset, record.partition);
    const body = JSON.stringify(record, null, 2);
    await this.#storage.put(path, body, {
      contentType: 'application/json',
      ...(expected === undefined ? { ifNoneMatch: '*' as const } : { ifMatch: expected.etag }),
    });
    await this.append(record);
  }

  /**
   * Appends a history record, named by when it finished (so listing returns history in order, and a failed
   * attempt and the later success of the same materialization are two records).
   */
  async append(record: MaterializationRecord): Promise<void> {
    const name = createTimeOrderedId(new Date(record.finishedAt));
    const path = ledgerRecordPath(record.asset, record.partition, name);
    await this.#storage.put(path, JSON.stringify(record, null, 2), { ifNoneMatch: '*', contentType: 'application/json' });
  }

  /**
   * History of one slot, newest first. The head is included even if a crash between the head write and
   * the history append lost its record.
   */
  async history(key: AssetKey, partition: string | null = null, limit = 50): Promise<MaterializationRecord[]> {
    const listed = await this.#storage.list(ledgerPrefix(key, partition));
    const newest = listed.filter((object) => object.path.endsWith('.json')).reverse().slice(0, limit);
    const records = await Promise.all(newest.map((object) => this.#readRecord(object.path)));
    const present = records.filter((record): record is MaterializationRecord => record !== undefined);
    const head = await this.readHead(key, partition);
    if (head !== undefined && !present.some((record) => record.id === head.record.id && record.status === 'materialized')) {
      present.push(head.record);
      present.sort((a, b) => (a.finishedAt < b.finishedAt ? 1 : -1));
    }
    return present.slice(0, limit);
  }

  async writeRunSummary(summary: RunSummary): Promise<void> {
    await this.#storage.put(runSummaryPath(summary.runId), JSON.stringify(summary, null, 2), { contentType: 'application/json' });
  }

  async readRunSummary(runId: string): Promise<RunSummary | undefined> {
    const path = runSummaryPath(runId);
    const object = await this.#storage.get(path);
    return object === undefined ? undefined : parseJson(runSummarySchema, object.body, path);
  }

  async #readRecord(path: string): Promise<MaterializationRecord | undefined> {
    const object = await this.#storage.get(path);
    return object === undefined ? undefined : parseJson(materializationRecordSchema, object.body, path);
  }
}

function parseJson<S extends z.ZodType>(schema: S, body: Uint8Array, path: string): z.output<S> {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder().decode(body));
  } catch (error) {
    throw new LedgerError(`${path} is not valid JSON; the lake may be corrupt. Move the file aside and rerun.`, { cause: error });
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue === undefined ? '' : ` (${issue.path.join('.') || 'root'}: ${issue.message})`;
    throw new LedgerError(`${path} does not match the ledger record format${where}. Move the file aside and rerun.`, {
      cause: parsed.error,
    });
  }
  return parsed.data;
}
