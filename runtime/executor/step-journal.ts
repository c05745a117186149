/**
 * The durable step journal of one pending materialization, kept in the lake under
 * `metrics/_journal/<asset>/<provenance hash>/`: journaled step results, staging files and attachments.
 * Keyed by provenance, so a run killed mid-materialization is resumed by the next run that materializes the
 * same code over the same inputs; cleared once the materialization commits.
 */
import type { StagingArea } from '../asset/define-asset.ts';
import type { JsonValue } from '../json.ts';
import { safeRelativeName } from '../ledger/lake-layout.ts';
import type { Storage } from '../storage/storage.ts';

interface JournaledStep {
  id: string;
  hasResult: boolean;
  result: JsonValue;
  finishedAt: string;
}

export interface StepCounts {
  ran: number;
  replayed: number;
}

export class StepJournal {
  readonly #storage: Storage;
  readonly #folder: string;
  readonly #journaled = new Map<string, JournaledStep>();
  readonly #usedIds = new Set<string>();
  readonly counts: StepCounts = { ran: 0, replayed: 0 };
  readonly staging: StagingArea;

  private constructor(storage: Storage, folder: string) {
    this.#storage = storage;
    this.#folder = folder;
    this.staging = createStagingArea(storage, `${folder}/staging/`);
  }

  /** Opens the journal in `folder`, loading the steps an earlier, interrupted attempt completed. */
  static async open(storage: Storage, folder: string): Promise<StepJournal> {
    const journal = new StepJournal(storage, folder);
    const listed = await storage.list(`${folder}/steps/`);
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
    if (this.#usedIds.has(id)) {
      throw new Error(`Step id "${id}" is used twice in one materialization; give every ctx.step a unique id.`);
    }
    this.#usedIds.add(id);
    const journaled = this.#journaled.get(id);
    if (journaled !== undefined) {
      this.counts.replayed++;
      return { value: (journaled.hasResult ? journaled.result : undefined) as T, replayed: true };
    }
    const value = await fn();
    const step: JournaledStep = { id, hasResult: value !== undefined, result: (value ?? null) as JsonValue, finishedAt: new Date().toISOString() };
    await this.#storage.put(`${this.#folder}/steps/${safeRelativeName(id)}.json`, JSON.stringify(step));
    this.#journaled.set(id, step);
    this.counts.ran++;
    return { value, replayed: false };
  }

  /** Starts a new attempt: step ids may be used again; journaled results stay. */
  beginAttempt(): void {
    this.#usedIds.clear();
  }

  attachmentPath(name: string): string {
    return `${this.#folder}/attachments/${safeRelativeName(name)}`;
  }

  async attach(name: string, body: Uint8Array | string): Promise<void> {
    await this.#storage.put(this.attachmentPath(name), body);
  }

  /** Names of everything attached so far, by this attempt or an interrupted one. */
  async attachments(): Promise<string[]> {
    const prefix = `${this.#folder}/attachments/`;
    return (await this.#storage.list(prefix)).map((object) => object.path.slice(prefix.length));
  }

  async clear(): Promise<void> {
    const listed = await this.#storage.list(`${this.#folder}/`);
    await Promise.all(listed.map((object) => this.#storage.delete(object.path)));
  }
}

function createStagingArea(storage: Storage, prefix: string): StagingArea {
  const pathOf = (name: string) => `${prefix}${safeRelativeName(name)}`;
  return {
    async putBytes(name, body) {
      await storage.put(pathOf(name), body);
    },
    async getBytes(name) {
      return (await storage.get(pathOf(name)))?.body;
    },
    async putJson(name, value) {
      await storage.put(pathOf(name), JSON.stringify(value), { contentType: 'application/json' });
    },
    async getJson(name) {
      const stored = await storage.get(pathOf(name));
      return stored === undefined ? undefined : JSON.parse(new TextDecoder().decode(stored.body));
    },
    async list() {
      return (await storage.list(prefix)).map((object) => object.path.slice(prefix.length));
    },
  };
}
