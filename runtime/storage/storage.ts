/**
 * The storage interface every lake backend implements (local filesystem, Azure Blob Storage). Paths are
 * `container/rest/of/name` with `/` separators; the first segment is the container (`raw`, `intermediate`,
 * `gold`, `metrics`). The contract is pinned by `tests/runtime/storage/storage-contract.ts`.
 */

export interface ObjectInfo {
  readonly path: string;
  readonly size: number;
  /** Opaque version tag; changes whenever the object is replaced. */
  readonly etag: string;
  readonly lastModified: Date;
}

/** An object read from a lake: its bytes and its info. */
export interface StoredObject extends ObjectInfo {
  readonly body: Uint8Array;
}

/** How an object is written: content type, durability and an ETag condition. */
export interface PutOptions {
  /** Write only if the current object's etag equals this (compare-and-swap). */
  readonly ifMatch?: string;
  /** `'*'`: write only if no object exists at the path (create-once). */
  readonly ifNoneMatch?: '*';
  readonly contentType?: string;
  /**
   * `false` for scratch data that can be recomputed (journals, staging): a backend may then skip what makes a
   * write survive a power loss (the local backend skips fsync). Atomicity holds either way. Default true.
   */
  readonly durable?: boolean;
}

/** How an object is deleted: an ETag condition. */
export interface DeleteOptions {
  readonly ifMatch?: string;
}

/** How long to wait for a lake lock, who holds it, and for how long before it lapses unless renewed. */
export interface LockOptions {
  /** How long to wait for a held lock before failing with STORAGE_LOCKED; 0 fails at once. */
  readonly waitMs?: number;
  /** Who holds it, shown to whoever waits (e.g. `run 2026…/pid 123`). */
  readonly owner?: string;
  /** Lease duration; the holder renews it while held, so only a dead holder's lock expires. */
  readonly ttlMs?: number;
  /**
   * Renew the lease while held (default true). `false` lets a test play a holder that hangs, so its lease
   * expires after `ttlMs` and can be taken over.
   */
  readonly renew?: boolean;
  /** Stops waiting when it aborts: the wait rejects with the signal's reason. */
  readonly signal?: AbortSignal;
}

/** A held lake lock: release it when done. */
export interface StorageLock {
  readonly name: string;
  readonly owner: string;
  /** Throws if the lease was lost (expired and taken by another holder). */
  assertHeld(): void;
  release(): Promise<void>;
}

/** What `Storage.collectLeftovers` removes: files older than `olderThan`, or, with `dryRun`, only lists them. */
export interface LeftoverOptions {
  /** Only what was last changed before this (a live writer's temp file is younger). */
  readonly olderThan: Date;
  /** List, and remove nothing. */
  readonly dryRun?: boolean;
}

/** One leftover of a write that never finished: a temp file, a write mutex, or a folder left empty. */
export interface Leftover {
  /** Relative to the lake's root, e.g. `gold/matches/.data.parquet.1f2e3d4c5b6a.tmp`. */
  readonly path: string;
  /** What it is: a temp file of a write, a write mutex, or a folder left empty. */
  readonly kind: 'temp-file' | 'write-mutex' | 'empty-folder';
}

/** A lake: objects by path (local folder or Azure Blob Storage), with conditional writes, listing and locks. */
export interface Storage {
  /** Where the lake is, for display: a folder path or an account URL (never with credentials). */
  readonly location: string;
  /** The object at `path`, or undefined when there is none. */
  get(path: string): Promise<StoredObject | undefined>;
  stat(path: string): Promise<ObjectInfo | undefined>;
  /**
   * Writes atomically: readers see the old object or the new one, never a partial one. A failed
   * condition throws StorageError STORAGE_CONFLICT and changes nothing.
   */
  put(path: string, body: Uint8Array | string, options?: PutOptions): Promise<ObjectInfo>;
  /** Returns false when there was nothing to delete. A failed condition throws STORAGE_CONFLICT. */
  delete(path: string, options?: DeleteOptions): Promise<boolean>;
  /** Every object whose path starts with `prefix`, in lexicographic path order. */
  list(prefix: string): Promise<ObjectInfo[]>;
  /**
   * An exclusive, lease-based lock (one per name across processes and machines sharing the lake). Fails with
   * STORAGE_LOCKED naming the holder when `waitMs` passes.
   */
  lock(name: string, options?: LockOptions): Promise<StorageLock>;
  /**
   * Removes what writes cut short by a crash left among the backend's own internals, which `list` never shows
   * (local: `.tmp` files, write-mutex folders, and folders left empty), unchanged since `olderThan`. A backend
   * that keeps no such internals need not have it (Azure drops uncommitted blocks itself).
   */
  collectLeftovers?(options: LeftoverOptions): Promise<Leftover[]>;
}
