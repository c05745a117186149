/**
 * The local-filesystem lake: one file per object at `<root>/<container>/<rest>`, leases at `<root>/.locks/`.
 * The file protocol (atomic writes, conditions, ETags) is in atomic-file.ts, the lease protocol in lease-lock.ts,
 * what crashes leave behind in local-leftovers.ts.
 */
import type { Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { StorageError, errorMessage } from '../errors.ts';
import { deleteFileObject, readFileObject, statFileObject, writeFileObject } from './atomic-file.ts';
import type { FileTarget } from './atomic-file.ts';
import { acquireLease, leaseObjectName } from './lease-lock.ts';
import type { LeaseStore } from './lease-lock.ts';
import { assertListPrefix, assertObjectPath } from './object-path.ts';
import { collectLocalLeftovers } from './local-leftovers.ts';
import type { DeleteOptions, Leftover, LeftoverOptions, LockOptions, ObjectInfo, PutOptions, Storage, StorageLock, StoredObject } from './storage.ts';

const LOCKS_FOLDER = '.locks';

/**
 * A lake in a local folder, safe to share between processes on one machine. Folders are created as needed.
 *
 * @example
 * const lake = createLocalStorage('./data/lake');
 * await lake.put('gold/matches/_commit.json', JSON.stringify({ runId }), { ifNoneMatch: '*' });
 * const lock = await lake.lock('ledger', { owner: `run ${runId}`, waitMs: 5_000 });
 * try { … } finally { await lock.release(); }
 */
export function createLocalStorage(root: string): Storage {
  return new LocalStorage(root);
}

class LocalStorage implements Storage {
  readonly location: string;

  constructor(root: string) {
    this.location = resolve(root);
  }

  async get(path: string): Promise<StoredObject | undefined> {
    const found = await readFileObject(this.#target(path));
    return found === undefined ? undefined : { path, ...found.info, body: found.body };
  }

  async stat(path: string): Promise<ObjectInfo | undefined> {
    const info = await statFileObject(this.#target(path));
    return info === undefined ? undefined : { path, ...info };
  }

  /** `contentType` is not kept: a file has none. */
  async put(path: string, body: Uint8Array | string, options: PutOptions = {}): Promise<ObjectInfo> {
    const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
    return { path, ...(await writeFileObject(this.#target(path), bytes, options, { durable: options.durable ?? true })) };
  }

  async delete(path: string, options: DeleteOptions = {}): Promise<boolean> {
    return deleteFileObject(this.#target(path), options.ifMatch);
  }

  async list(prefix: string): Promise<ObjectInfo[]> {
    assertListPrefix(prefix);
    const cut = prefix.lastIndexOf('/') + 1;
    const paths = (await this.#walk(prefix.slice(0, cut), prefix.slice(cut))).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const infos = await Promise.all(
      paths.map(async (path) => {
        const info = await statFileObject({ file: this.#file(path), label: path });
        return info === undefined ? undefined : { path, ...info };
      }),
    );
    // An object deleted between the folder read and its stat is simply not listed.
    return infos.filter((info) => info !== undefined);
  }

  async lock(name: string, options?: LockOptions): Promise<StorageLock> {
    return acquireLease(this.#leaseStore(name), name, options);
  }

  async collectLeftovers(options: LeftoverOptions): Promise<Leftover[]> {
    return collectLocalLeftovers(this.location, options);
  }

  #target(path: string): FileTarget {
    assertObjectPath(path);
    return { file: this.#file(path), label: path };
  }

  #file(path: string): string {
    return join(this.location, ...path.split('/'));
  }

  // The paths under `folder` ('' or ending in '/') whose next segment starts with `stem`.
  async #walk(folder: string, stem: string): Promise<string[]> {
    let entries: Dirent[];
    try {
      entries = await readdir(join(this.location, folder), { withFileTypes: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return [];
      throw new StorageError('STORAGE_IO', `Could not list "${folder}" in ${this.location}: ${errorMessage(error)}.`, folder, {
        cause: error,
      });
    }
    const found = await Promise.all(
      entries
        // Dot-names are temp files, write mutexes and `.locks/`, never objects.
        .filter((entry) => entry.name.startsWith(stem) && !entry.name.startsWith('.'))
        .map(async (entry) => {
          const path = folder + entry.name;
          if (entry.isDirectory()) return this.#walk(`${path}/`, '');
          // A file directly under the root is in no container, so it is not an object.
          return entry.isFile() && folder !== '' ? [path] : [];
        }),
    );
    return found.flat();
  }

  #leaseStore(name: string): LeaseStore {
    const fileName = leaseObjectName(name);
    const target: FileTarget = { file: join(this.location, LOCKS_FOLDER, fileName), label: `${LOCKS_FOLDER}/${fileName}` };
    return {
      path: target.file,
      read: async () => {
        const found = await readFileObject(target);
        return found === undefined ? undefined : { body: found.body, etag: found.info.etag };
      },
      // A lease means nothing after a reboot (its holder is gone), so it need not survive a power loss.
      write: async (body, condition) => (await writeFileObject(target, new TextEncoder().encode(body), condition, { durable: false })).etag,
      remove: async (etag) => {
        await deleteFileObject(target, etag);
      },
    };
  }
}
