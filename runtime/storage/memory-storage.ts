/**
 * A lake held in memory, for tests (`runtime/testing.ts`): the same conditions, ETags, listing order and leases
 * as the real backends (pinned by the storage contract suite), with nothing written to disk. Objects keep a
 * copy of the bytes they were given, so a caller mutating its buffer afterwards changes nothing stored.
 */
import { randomUUID } from 'node:crypto';
import { StorageError } from '../errors.ts';
import { acquireLease, leaseObjectName } from './lease-lock.ts';
import type { LeaseStore } from './lease-lock.ts';
import { assertListPrefix, assertObjectPath } from './object-path.ts';
import type { DeleteOptions, LockOptions, ObjectInfo, PutOptions, Storage, StorageLock, StoredObject } from './storage.ts';

interface MemoryObject {
  readonly body: Uint8Array;
  readonly etag: string;
  readonly lastModified: Date;
}

/** Options of `createMemoryStorage`: the clock that stamps `lastModified`. */
export interface MemoryStorageOptions {
  /** Stamps each write's `lastModified`; defaults to the wall clock. */
  readonly now?: () => Date;
}

/**
 * A fresh, empty in-memory lake.
 *
 * @example
 * const lake = createMemoryStorage();
 * await lake.put('gold/a.json', '{}', { ifNoneMatch: '*' });
 */
export function createMemoryStorage(options: MemoryStorageOptions = {}): MemoryStorage {
  return new InMemoryStorage(options.now ?? (() => new Date()));
}

/** An in-memory lake, which a test can also read and change synchronously (to inspect it, or play a crash). */
export interface MemoryStorage extends Storage {
  /** The objects whose path starts with `prefix`, by path with the prefix cut off, in path order. */
  snapshot(prefix: string): Map<string, Uint8Array>;
  /** Deletes the object at `path` at once; false when there was none. */
  forget(path: string): boolean;
}

class InMemoryStorage implements MemoryStorage {
  readonly location = 'memory:';
  readonly #objects = new Map<string, MemoryObject>();
  // Leases live apart from objects, so they never show in `list`.
  readonly #leases = new Map<string, MemoryObject>();
  readonly #now: () => Date;

  constructor(now: () => Date) {
    this.#now = now;
  }

  async get(path: string): Promise<StoredObject | undefined> {
    assertObjectPath(path);
    const found = this.#objects.get(path);
    return found === undefined ? undefined : { ...infoOf(path, found), body: found.body.slice() };
  }

  async stat(path: string): Promise<ObjectInfo | undefined> {
    assertObjectPath(path);
    const found = this.#objects.get(path);
    return found === undefined ? undefined : infoOf(path, found);
  }

  /** `contentType` and `durable` are not kept: memory has neither. */
  async put(path: string, body: Uint8Array | string, options: PutOptions = {}): Promise<ObjectInfo> {
    assertObjectPath(path);
    const written = writeConditionally(this.#objects, path, typeof body === 'string' ? new TextEncoder().encode(body) : body.slice(), options, this.#now());
    return infoOf(path, written);
  }

  async delete(path: string, options: DeleteOptions = {}): Promise<boolean> {
    assertObjectPath(path);
    return deleteConditionally(this.#objects, path, options.ifMatch);
  }

  async list(prefix: string): Promise<ObjectInfo[]> {
    assertListPrefix(prefix);
    return [...this.#objects]
      .filter(([path]) => path.startsWith(prefix))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([path, object]) => infoOf(path, object));
  }

  snapshot(prefix: string): Map<string, Uint8Array> {
    return new Map([...this.#objects].filter(([path]) => path.startsWith(prefix)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([path, object]) => [path.slice(prefix.length), object.body.slice()]));
  }

  forget(path: string): boolean {
    return this.#objects.delete(path);
  }

  async lock(name: string, options?: LockOptions): Promise<StorageLock> {
    return acquireLease(this.#leaseStore(name), name, options);
  }

  #leaseStore(name: string): LeaseStore {
    const path = `memory:locks/${leaseObjectName(name)}`;
    return {
      path,
      read: async () => {
        const found = this.#leases.get(path);
        return found === undefined ? undefined : { body: found.body, etag: found.etag };
      },
      write: async (body, condition) => writeConditionally(this.#leases, path, new TextEncoder().encode(body), condition, this.#now()).etag,
      remove: async (etag) => {
        deleteConditionally(this.#leases, path, etag);
      },
    };
  }
}

function infoOf(path: string, object: MemoryObject): ObjectInfo {
  return { path, size: object.body.byteLength, etag: object.etag, lastModified: object.lastModified };
}

// Check and write happen in one synchronous turn, so concurrent writers cannot interleave between them.
function writeConditionally(
  objects: Map<string, MemoryObject>,
  path: string,
  body: Uint8Array,
  condition: { readonly ifMatch?: string; readonly ifNoneMatch?: '*' },
  now: Date,
): MemoryObject {
  const current = objects.get(path);
  if (condition.ifNoneMatch === '*' && current !== undefined) {
    throw new StorageError('STORAGE_CONFLICT', `"${path}" already exists and the write was create-once (ifNoneMatch: '*'). Read the existing object, or replace it with ifMatch.`, path);
  }
  if (condition.ifMatch !== undefined && current?.etag !== condition.ifMatch) {
    throw new StorageError('STORAGE_CONFLICT', `"${path}" ${current === undefined ? 'does not exist' : 'changed since it was read'} (ifMatch ${condition.ifMatch}). Read it again and retry.`, path);
  }
  const written: MemoryObject = { body, etag: `"${randomUUID()}"`, lastModified: now };
  objects.set(path, written);
  return written;
}

function deleteConditionally(objects: Map<string, MemoryObject>, path: string, ifMatch: string | undefined): boolean {
  const current = objects.get(path);
  if (ifMatch !== undefined && current?.etag !== ifMatch) {
    throw new StorageError('STORAGE_CONFLICT', `"${path}" ${current === undefined ? 'does not exist' : 'changed since it was read'} (ifMatch ${ifMatch}); nothing was deleted. Read it again and retry.`, path);
  }
  return objects.delete(path);
}
