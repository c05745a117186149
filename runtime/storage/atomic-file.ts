/**
 * Objects as single files: atomic replace (temp file + rename), create-once (hard link), compare-and-swap under
 * a per-file mutex, and ETags derived from stat. Knows nothing of containers, listing or leases.
 */
import { randomBytes, randomInt } from 'node:crypto';
import { closeSync, fstatSync, openSync, readFile as readFdCallback, readFileSync, type BigIntStats } from 'node:fs';
import { promisify } from 'node:util';
import { link, mkdir, open, rename, stat, unlink, utimes } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { StorageError, errorMessage } from '../errors.ts';
import { withFileMutex } from './file-mutex.ts';

/** An object's file on disk and the path it is reported under. */
export interface FileTarget {
  readonly file: string;
  readonly label: string;
}

export interface FileObjectInfo {
  readonly size: number;
  readonly etag: string;
  readonly lastModified: Date;
}

export interface FileConditions {
  readonly ifMatch?: string | undefined;
  readonly ifNoneMatch?: '*' | undefined;
}

export function infoFromStats(stats: BigIntStats): FileObjectInfo {
  return {
    size: Number(stats.size),
    etag: `${stats.ino}-${stats.size}-${stats.mtimeNs}`,
    // Whole seconds, as Azure reports it: the sub-second part of mtime is a uniqueness stamp (see stampAfter).
    lastModified: new Date(Number(stats.mtimeMs / 1000n) * 1000),
  };
}

export async function statFileObject(target: FileTarget): Promise<FileObjectInfo | undefined> {
  const stats = await statFile(target, 'stat');
  return stats === undefined ? undefined : infoFromStats(stats);
}

// Small objects (heads, ledger records, leases: most reads) are read synchronously: a few microseconds on
// the event loop beats queueing four round trips behind fsyncs in libuv's four-thread pool.
const SYNC_READ_MAX_BYTES = 1 << 20;
const readFd = promisify(readFdCallback) as (fd: number) => Promise<Buffer>;

export async function readFileObject(target: FileTarget): Promise<{ info: FileObjectInfo; body: Uint8Array } | undefined> {
  let fd: number;
  try {
    fd = openSync(target.file, 'r');
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw ioError('read', target.label, error);
  }
  try {
    // Stat and read the same open file: the ETag then belongs to exactly these bytes, even if a writer
    // renames a new version over the path meanwhile.
    const stats = fstatSync(fd, { bigint: true });
    if (!stats.isFile()) return undefined;
    const bytes = stats.size <= SYNC_READ_MAX_BYTES ? readFileSync(fd) : await readFd(fd);
    return { info: infoFromStats(stats), body: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
  } catch (error) {
    throw ioError('read', target.label, error);
  } finally {
    closeSync(fd);
  }
}

export interface WriteOptions {
  /**
   * Whether the write must survive a power loss (fsync of the file and its folder). Atomicity against a
   * crashed process does not need it; only objects a reader relies on after a reboot do.
   */
  readonly durable?: boolean;
}

/** Writes atomically; the body goes to a temp file first, so only the check-and-rename holds the mutex. */
export async function writeFileObject(
  target: FileTarget,
  body: Uint8Array,
  conditions: FileConditions,
  options: WriteOptions = {},
): Promise<FileObjectInfo> {
  const durable = options.durable ?? true;
  const dir = dirname(target.file);
  const temp = join(dir, `.${basename(target.file).slice(0, 100)}.${randomBytes(6).toString('hex')}.tmp`);
  let isRenamed = false;
  try {
    await writeTempIn(dir, temp, body, durable);
    // Create-once needs no mutex: link() refuses an existing name atomically, and a compare-and-swap on the
    // same path requires the object to exist, so the two cannot interleave.
    const info =
      conditions.ifNoneMatch === '*'
        ? await createOnce(target, temp)
        : await withFileMutex(target.file, target.label, async () => {
            const current = await statFile(target, 'write');
            assertConditions(target.label, current, conditions);
            await stampAfter(temp, current);
            const written = infoFromStats(await stat(temp, { bigint: true }));
            await rename(temp, target.file);
            isRenamed = true;
            return written;
          });
    if (durable) await syncDirectory(dir);
    return info;
  } catch (error) {
    throw error instanceof StorageError ? error : ioError('write', target.label, error);
  } finally {
    if (!isRenamed) await unlink(temp).catch(() => {});
  }
}

/** Returns false when there was no object; with `ifMatch`, a missing or changed object is a conflict. */
export async function deleteFileObject(target: FileTarget, ifMatch: string | undefined): Promise<boolean> {
  // Checked before taking the mutex, whose folder may not exist when the object does not.
  if ((await statFile(target, 'delete')) === undefined) {
    assertConditions(target.label, undefined, { ifMatch });
    return false;
  }
  return withFileMutex(target.file, target.label, async () => {
    const current = await statFile(target, 'delete');
    assertConditions(target.label, current, { ifMatch });
    if (current === undefined) return false;
    try {
      await unlink(target.file);
      return true;
    } catch (error) {
      if (isMissing(error)) return false;
      throw ioError('delete', target.label, error);
    }
  });
}

function assertConditions(label: string, current: BigIntStats | undefined, conditions: FileConditions): void {
  if (conditions.ifNoneMatch === '*' && current !== undefined) {
    throw conflict(label, createOnceMessage(label, `etag ${infoFromStats(current).etag}`));
  }
  if (conditions.ifMatch === undefined) return;
  if (current === undefined) {
    throw conflict(
      label,
      `"${label}" does not exist, so it cannot match etag ${conditions.ifMatch}. Create it with ifNoneMatch: '*' instead`,
    );
  }
  const etag = infoFromStats(current).etag;
  if (etag !== conditions.ifMatch) {
    throw conflict(
      label,
      `"${label}" has changed: its etag is ${etag}, not ${conditions.ifMatch} (another writer replaced it). Read it again and retry`,
    );
  }
}

// Gives every write a fresh mtime: this second plus a random microsecond, and strictly after the object it
// replaces. Inode numbers are reused and kernel timestamps are coarse (milliseconds), so ino+size+mtime alone
// could repeat across replacements and let a stale ifMatch through (ABA). The stamp may be up to a second
// ahead of the clock, so a temp file's age is not its mtime alone (local-leftovers.ts).
async function stampAfter(file: string, previous: BigIntStats | undefined): Promise<void> {
  let micros = BigInt(Math.floor(Date.now() / 1000)) * 1_000_000n + BigInt(randomInt(1_000_000));
  if (previous !== undefined && micros <= previous.mtimeNs / 1_000n) micros = previous.mtimeNs / 1_000n + 1n;
  // libuv truncates utimes to whole microseconds and a double holds today's seconds to about 0.2 µs, so aim
  // at the middle of the microsecond to land exactly on it.
  const seconds = (Number(micros) + 0.5) / 1e6;
  await utimes(file, seconds, seconds);
}

async function createOnce(target: FileTarget, temp: string): Promise<FileObjectInfo> {
  await stampAfter(temp, undefined);
  const written = infoFromStats(await stat(temp, { bigint: true }));
  await link(temp, target.file).catch((error: unknown) => {
    throw errorCode(error) === 'EEXIST' ? conflict(target.label, createOnceMessage(target.label, 'another writer created it')) : error;
  });
  return written;
}

// `medallion gc` removes folders left empty (local-leftovers.ts), possibly between our mkdir and open: make it again.
async function writeTempIn(dir: string, file: string, body: Uint8Array, durable: boolean): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await mkdir(dir, { recursive: true });
    try {
      return await writeTemp(file, body, durable);
    } catch (error) {
      if (errorCode(error) !== 'ENOENT' || attempt >= 3) throw error;
    }
  }
}

async function writeTemp(file: string, body: Uint8Array, durable: boolean): Promise<void> {
  const handle = await open(file, 'wx', 0o644);
  try {
    await handle.writeFile(body);
    if (durable) await handle.sync();
  } finally {
    await handle.close();
  }
}

// Makes the rename itself durable. Some platforms cannot fsync a folder; the write has happened regardless.
async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r').catch(() => undefined);
  if (handle === undefined) return;
  await handle.sync().catch(() => {});
  await handle.close();
}

async function statFile(target: FileTarget, action: string): Promise<BigIntStats | undefined> {
  try {
    const stats = await stat(target.file, { bigint: true });
    return stats.isFile() ? stats : undefined;
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw ioError(action, target.label, error);
  }
}

function createOnceMessage(label: string, detail: string): string {
  return `"${label}" already exists (${detail}) and the write was create-once (ifNoneMatch: '*'). Read the existing object, or replace it with ifMatch`;
}

function conflict(label: string, message: string): StorageError {
  return new StorageError('STORAGE_CONFLICT', `${message}.`, label);
}

function ioError(action: string, label: string, error: unknown): StorageError {
  const code = errorCode(error);
  const hint =
    code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
      ? 'Check that the lake folder is writable by this user.'
      : code === 'ENOSPC' || code === 'EDQUOT'
        ? 'Free some disk space.'
        : code === 'EEXIST' || code === 'ENOTDIR' || code === 'EISDIR'
          ? 'A name on this path is both an object and a folder; the local backend cannot hold "a" and "a/b" at once.'
          : 'Check that the lake folder exists and is reachable.';
  return new StorageError('STORAGE_IO', `Could not ${action} "${label}": ${errorMessage(error)}. ${hint}`, label, { cause: error });
}

function isMissing(error: unknown): boolean {
  const code = errorCode(error);
  return code === 'ENOENT' || code === 'ENOTDIR';
}

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}
