/**
 * `Storage.lock` as a renewed lease object written only with create-once and compare-and-swap, so any backend
 * that has those two conditions can offer it. Knows nothing of files or blobs: the backend passes a LeaseStore.
 */
import { createHash, randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { StorageError } from '../errors.ts';
import type { LockOptions, StorageLock } from './storage.ts';

/** One lease object; `write` and `remove` throw StorageError STORAGE_CONFLICT when their condition fails. */
export interface LeaseStore {
  /** Where the lease lives, for messages. */
  readonly path: string;
  read(): Promise<{ body: Uint8Array; etag: string } | undefined>;
  /** Returns the new etag. */
  write(body: string, condition: { readonly ifNoneMatch: '*' } | { readonly ifMatch: string }): Promise<string>;
  remove(ifMatch: string): Promise<void>;
}

interface LeaseRecord {
  readonly owner: string;
  readonly pid: number;
  readonly hostname: string;
  readonly token: string;
  readonly acquiredAt: string;
  readonly expiresAt: string;
}

export const DEFAULT_LEASE_TTL_MS = 30_000;
const MAX_POLL_MS = 200;

// Tokens of the leases this process holds: a lease naming our own pid but a token not in here was left by an
// earlier process that had the same pid, and is as dead as any other.
const heldTokens = new Set<string>();

/**
 * The object name a backend stores lock `name` under: lock names are arbitrary strings, so keep a readable slug
 * and add a hash so distinct names never share a lease.
 */
export function leaseObjectName(name: string): string {
  if (name === '') throw new StorageError('STORAGE_IO', 'A lock needs a non-empty name, e.g. "ledger".', name);
  const slug = name.replace(/[^A-Za-z0-9_-]+/g, '_').slice(0, 80);
  return `${slug}-${createHash('sha256').update(name).digest('hex').slice(0, 16)}.lease`;
}

export async function acquireLease(store: LeaseStore, name: string, options: LockOptions = {}): Promise<StorageLock> {
  const ttlMs = options.ttlMs ?? DEFAULT_LEASE_TTL_MS;
  const owner = options.owner ?? `pid ${process.pid} on ${hostname()}`;
  const renew = options.renew ?? true;
  const deadline = Date.now() + (options.waitMs ?? 0);
  for (let pollMs = 5; ; pollMs = Math.min(pollMs * 2, MAX_POLL_MS)) {
    options.signal?.throwIfAborted();
    const record = newRecord(owner, ttlMs);
    // Registered before writing: another acquirer in this process that reads the new lease must not take it
    // for one left by a dead process with our pid.
    heldTokens.add(record.token);
    const outcome = await attemptLease(store, record).catch((error: unknown) => {
      heldTokens.delete(record.token);
      throw error;
    });
    if (outcome !== undefined && 'etag' in outcome) return new Lease(store, name, record, outcome.etag, { renew, ttlMs });
    heldTokens.delete(record.token);
    if (outcome === undefined) continue; // released or taken over just now: look again at once
    const remainingMs = deadline - Date.now();
    if (remainingMs <= 0) throw lockedError(name, store.path, outcome.holder);
    await sleep(Math.min(remainingMs, pollMs * (0.5 + Math.random())), undefined, { signal: options.signal });
  }
}

// Creates the lease, or takes over an abandoned one; otherwise returns its live holder.
async function attemptLease(store: LeaseStore, record: LeaseRecord): Promise<{ etag: string } | { holder: LeaseRecord } | undefined> {
  const body = JSON.stringify(record);
  const created = await conflictAsUndefined(store.write(body, { ifNoneMatch: '*' }));
  if (created !== undefined) return { etag: created };
  const current = await store.read();
  if (current === undefined) return undefined;
  const holder = parseRecord(current.body);
  if (holder !== undefined && !isAbandoned(holder)) return { holder };
  // Only one of several takers can swap the etag it read, so only one wins.
  const taken = await conflictAsUndefined(store.write(body, { ifMatch: current.etag }));
  return taken === undefined ? undefined : { etag: taken };
}

class Lease implements StorageLock {
  readonly name: string;
  readonly owner: string;
  #store: LeaseStore;
  #record: LeaseRecord;
  #etag: string;
  #ttlMs: number;
  #expiresAt: number;
  #timer: NodeJS.Timeout | undefined;
  #renewal: Promise<void> | undefined;
  #lostReason: string | undefined;
  #isReleased = false;

  constructor(store: LeaseStore, name: string, record: LeaseRecord, etag: string, options: { renew: boolean; ttlMs: number }) {
    this.name = name;
    this.owner = record.owner;
    this.#store = store;
    this.#record = record;
    this.#etag = etag;
    this.#ttlMs = options.ttlMs;
    this.#expiresAt = Date.parse(record.expiresAt);
    heldTokens.add(record.token);
    if (options.renew) {
      // A third of the ttl: two renewals can fail (a slow disk, a busy event loop) before the lease lapses.
      this.#timer = setInterval(() => this.#renew(), Math.max(10, options.ttlMs / 3));
      this.#timer.unref();
    }
  }

  assertHeld(): void {
    const problem = this.#isReleased
      ? 'it was released'
      : (this.#lostReason ?? (Date.now() >= this.#expiresAt ? `its lease expired at ${new Date(this.#expiresAt).toISOString()} without renewal` : undefined));
    if (problem === undefined) return;
    throw new StorageError(
      'STORAGE_LOCKED',
      `Lock "${this.name}" is no longer held by ${this.owner}: ${problem}. Another process may hold it now; stop writing and start over.`,
      this.#store.path,
    );
  }

  async release(): Promise<void> {
    if (this.#isReleased) return;
    this.#isReleased = true;
    clearInterval(this.#timer);
    await this.#renewal;
    heldTokens.delete(this.#record.token);
    if (this.#lostReason !== undefined) return;
    // A conflict means someone took the lease over after it lapsed: it is theirs now, so leave it.
    await conflictAsUndefined(this.#store.remove(this.#etag));
  }

  #renew(): void {
    if (this.#renewal !== undefined || this.#isReleased || this.#lostReason !== undefined) return;
    const expiresAt = Date.now() + this.#ttlMs;
    const record: LeaseRecord = { ...this.#record, expiresAt: new Date(expiresAt).toISOString() };
    this.#renewal = this.#store
      .write(JSON.stringify(record), { ifMatch: this.#etag })
      .then(
        (etag) => {
          this.#etag = etag;
          this.#record = record;
          this.#expiresAt = expiresAt;
        },
        (error: unknown) => {
          if (isConflict(error)) this.#lostReason = 'its lease was taken over by another holder after it lapsed';
          // Any other failure is retried on the next tick; assertHeld fails once the last renewal runs out.
        },
      )
      .finally(() => {
        this.#renewal = undefined;
      });
  }
}

function newRecord(owner: string, ttlMs: number): LeaseRecord {
  const now = Date.now();
  return {
    owner,
    pid: process.pid,
    hostname: hostname(),
    token: randomUUID(),
    acquiredAt: new Date(now).toISOString(),
    expiresAt: new Date(now + ttlMs).toISOString(),
  };
}

// Expired, or held by a process on this machine that no longer exists: a SIGKILLed run must not block the
// next one for a whole ttl. A process on another machine can only be outlived.
function isAbandoned(holder: LeaseRecord): boolean {
  if (Date.parse(holder.expiresAt) <= Date.now()) return true;
  if (holder.hostname !== hostname()) return false;
  if (holder.pid === process.pid) return !heldTokens.has(holder.token);
  try {
    process.kill(holder.pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

// Leases are only written whole, so an unreadable one was not written by us: treat it as abandoned.
function parseRecord(body: Uint8Array): LeaseRecord | undefined {
  try {
    const value = JSON.parse(new TextDecoder().decode(body)) as Partial<LeaseRecord>;
    const isValid =
      typeof value.owner === 'string' &&
      typeof value.pid === 'number' &&
      typeof value.hostname === 'string' &&
      typeof value.token === 'string' &&
      typeof value.acquiredAt === 'string' &&
      typeof value.expiresAt === 'string' &&
      !Number.isNaN(Date.parse(value.expiresAt));
    return isValid ? (value as LeaseRecord) : undefined;
  } catch {
    return undefined;
  }
}

function lockedError(name: string, path: string, holder: LeaseRecord): StorageError {
  return new StorageError(
    'STORAGE_LOCKED',
    `Lock "${name}" is held by ${holder.owner} (pid ${holder.pid} on host "${holder.hostname}", since ${holder.acquiredAt}; ` +
      `lease renewed until ${holder.expiresAt}). Wait for it to finish and retry, or pass a longer waitMs. If that ` +
      `process is gone, its lease is taken over once it expires (at once when it ran on this host).`,
    path,
  );
}

async function conflictAsUndefined<T>(operation: Promise<T>): Promise<T | undefined> {
  try {
    return await operation;
  } catch (error) {
    if (isConflict(error)) return undefined;
    throw error;
  }
}

function isConflict(error: unknown): boolean {
  return error instanceof StorageError && error.code === 'STORAGE_CONFLICT';
}
