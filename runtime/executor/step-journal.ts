/**
 * The durable step journal of one pending materialization, kept in the lake under
 * `metrics/_journal/<asset>/<provenance hash>/`: the materialization's id, journaled step results and staging
 * files. Keyed by provenance, so a run killed mid-materialization is resumed by the next run that
 * materializes the same code over the same inputs, under the same id (so into the same version folder,
 * where its attachments already are); cleared once the materialization commits.
 */
import type { StagingArea } from '../asset/define-asset.ts';
import { StorageError } from '../errors.ts';
import type { JsonValue } from '../json.ts';
import { createTimeOrderedId, safeRelativeName } from '../ledger/lake-layout.ts';
import type { Storage } from '../storage/storage.ts';

/** One journaled step, as stored in the lake. */
export interface JournaledStep {
  id: string;
  hasResult: boolean;
  result: JsonValue;
  finishedAt: string;
}

interface JournalHeader {
  materializationId: string;
  createdAt: string;
}

export interface StepCounts {
  ran: number;
  replayed: number;
}

export class StepJournal {
  readonly #storage: Storage;
  readonly #folder: string;
  readonly #now: () => Date;
  readonly #journaled = new Map<string, JournaledStep>();
  readonly #usedIds = new Set<string>();
  readonly counts: StepCounts = { ran: 0, replayed: 0 };
  readonly materializationId: string;
  /** When the materialization first started (an interrupted one keeps its original start). */
  readonly createdAt: Date;
  readonly staging: StagingArea;
  readonly attachments: StagingArea;
  readonly #attachmentsPrefix: string;

  private constructor(storage: Storage, folder: string, header: JournalHeader, versionFolder: string, now: () => Date) {
    this.#storage = storage;
    this.#folder = folder;
    this.#now = now;
    this.materializationId = header.materializationId;
    this.createdAt = new Date(header.createdAt);
    // Scratch: recomputable, so not worth an fsync per write.
    this.staging = createStagingArea(storage, stagingPrefix(folder), false);
    this.#attachmentsPrefix = attachmentsPrefix(versionFolder);
    this.attachments = createStagingArea(storage, this.#attachmentsPrefix, true);
  }

  /**
   * Opens the journal in `folder`, loading the id and the steps an earlier, interrupted attempt left; a new
   * journal gets a new materialization id. `versionFolderOf` names the folder a materialization id publishes to;
   * `now` stamps the id and the steps (a test's clock).
   */
  static async open(
    storage: Storage,
    folder: string,
    versionFolderOf: (materializationId: string) => string,
    now: () => Date = () => new Date(),
  ): Promise<StepJournal> {
    const header = await openHeader(storage, `${folder}/journal.json`, now);
    const journal = new StepJournal(storage, folder, header, versionFolderOf(header.materializationId), now);
    const listed = await storage.list(stepsPrefix(folder));
    const steps = await Promise.all(listed.map((object) => storage.get(object.path)));
    for (const stored of steps) {
      if (stored === undefined) continue;
      const step = JSON.parse(new TextDecoder().decode(stored.body)) as JournaledStep;
      journal.#journaled.set(step.id, step);
    }
    return journal;
  }

  /** How many completed steps an earlier attempt left behind. */
  get resumable(): number {
    return this.#journaled.size;
  }

  async run<T extends JsonValue | void>(id: string, fn: () => T | Promise<T>): Promise<{ value: T; replayed: boolean }> {
    claimStepId(this.#usedIds, id);
    const journaled = this.#journaled.get(id);
    if (journaled !== undefined) {
      this.counts.replayed++;
      return { value: (journaled.hasResult ? journaled.result : undefined) as T, replayed: true };
    }
    const value = await fn();
    const step: JournaledStep = { id, hasResult: value !== undefined, result: (value ?? null) as JsonValue, finishedAt: this.#now().toISOString() };
    await putFresh(this.#storage, stepResultPath(this.#folder, id), JSON.stringify(step), { durable: false });
    this.#journaled.set(id, step);
    this.counts.ran++;
    return { value, replayed: false };
  }

  /** Starts a new attempt: step ids may be used again; journaled results stay. */
  beginAttempt(): void {
    this.#usedIds.clear();
  }

  /** Paths (in the lake) of everything attached so far, by this attempt or an interrupted one. */
  async attachmentPaths(): Promise<string[]> {
    return (await this.#storage.list(this.#attachmentsPrefix)).map((object) => object.path);
  }

  async clear(): Promise<void> {
    const listed = await this.#storage.list(`${this.#folder}/`);
    await Promise.all(listed.map((object) => this.#storage.delete(object.path)));
  }
}

/** Where a journal in `folder` keeps step `id`'s result. */
export function stepResultPath(folder: string, id: string): string {
  return `${stepsPrefix(folder)}${safeRelativeName(id)}.json`;
}

/** Where a journal in `folder` keeps its step results. */
export function stepsPrefix(folder: string): string {
  return `${folder}/steps/`;
}

/** Where a journal in `folder` keeps its staging files. */
export function stagingPrefix(folder: string): string {
  return `${folder}/staging/`;
}

/** Where a materialization publishing to `versionFolder` keeps its attachments. */
export function attachmentsPrefix(versionFolder: string): string {
  return `${versionFolder}/attachments/`;
}

/** Marks a step id used in this attempt; one used twice would replay the other's result, so it throws. */
export function claimStepId(used: Set<string>, id: string): void {
  if (used.has(id)) throw new Error(`Step id "${id}" is used twice in one materialization; give every ctx.step a unique id.`);
  used.add(id);
}

async function openHeader(storage: Storage, path: string, clock: () => Date): Promise<JournalHeader> {
  const existing = await storage.get(path);
  if (existing !== undefined) return JSON.parse(new TextDecoder().decode(existing.body)) as JournalHeader;
  const now = clock();
  const header: JournalHeader = { materializationId: createTimeOrderedId(now), createdAt: now.toISOString() };
  try {
    await storage.put(path, JSON.stringify(header), { ifNoneMatch: '*', durable: false });
    return header;
  } catch (error) {
    // Another writer created it first (only possible without the slot lock): use theirs.
    if (!(error instanceof StorageError && error.code === 'STORAGE_CONFLICT')) throw error;
    return openHeader(storage, path, clock);
  }
}

/**
 * Writes a file that is almost always new (a step result, a landed page): create-once first, which needs no
 * write mutex on the local backend, then a plain overwrite in the rare case the name was written before.
 */
async function putFresh(storage: Storage, path: string, body: Uint8Array | string, options: { durable: boolean; contentType?: string }): Promise<void> {
  try {
    await storage.put(path, body, { ...options, ifNoneMatch: '*' });
  } catch (error) {
    if (!(error instanceof StorageError && error.code === 'STORAGE_CONFLICT')) throw error;
    await storage.put(path, body, options);
  }
}

function createStagingArea(storage: Storage, prefix: string, durable: boolean): StagingArea {
  const pathOf = (name: string) => `${prefix}${safeRelativeName(name)}`;
  return {
    async putBytes(name, body) {
      await putFresh(storage, pathOf(name), body, { durable });
    },
    async getBytes(name) {
      return (await storage.get(pathOf(name)))?.body;
    },
    async putJson(name, value) {
      await putFresh(storage, pathOf(name), JSON.stringify(value), { contentType: 'application/json', durable });
    },
    async getJson<T extends JsonValue>(name: string): Promise<T | undefined> {
      const stored = await storage.get(pathOf(name));
      return stored === undefined ? undefined : (JSON.parse(new TextDecoder().decode(stored.body)) as T);
    },
    async list() {
      return (await storage.list(prefix)).map((object) => object.path.slice(prefix.length));
    },
  };
}
