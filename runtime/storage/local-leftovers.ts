/**
 * What a killed process leaves in a local lake: temp files (`.<name>.<12 hex>.tmp`, atomic-file.ts), write
 * mutexes (proper-lockfile's `.<name>.lock` folders, file-mutex.ts) and, once objects are deleted, empty
 * folders. `list` never shows them; `medallion gc` removes them through `Storage.collectLeftovers`.
 */
import type { Dirent } from 'node:fs';
import { readdir, rm, rmdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { StorageError, errorMessage } from '../errors.ts';
import type { Leftover, LeftoverOptions } from './storage.ts';

const TEMP_FILE = /^\..+\.[0-9a-f]{12}\.tmp$/;
const WRITE_MUTEX = /^\..+\.lock$/;

/**
 * Removes (or, dry, lists) temp files and write mutexes unchanged since `olderThan`, then folders left empty,
 * deepest first. A writer whose folder is removed under it recreates it (atomic-file.ts), so an empty folder
 * needs no grace period; the root and its top-level folders stay.
 */
export async function collectLocalLeftovers(root: string, options: LeftoverOptions): Promise<Leftover[]> {
  const found: Leftover[] = [];
  await sweepFolder(root, '', options, found);
  return found;
}

// Returns whether the folder is (or, dry, would be) empty afterwards.
async function sweepFolder(root: string, relative: string, options: LeftoverOptions, found: Leftover[]): Promise<boolean> {
  const entries = await readEntries(root, relative);
  let kept = entries.length;
  for (const entry of entries) {
    const path = relative === '' ? entry.name : `${relative}/${entry.name}`;
    const absolute = join(root, path);
    const kind = entry.isFile() && TEMP_FILE.test(entry.name) ? 'temp-file' : entry.isDirectory() && WRITE_MUTEX.test(entry.name) ? 'write-mutex' : undefined;
    if (kind !== undefined) {
      if (!(await isOlderThan(absolute, options.olderThan))) continue;
      found.push({ path, kind });
      if (!options.dryRun) await rm(absolute, { recursive: true, force: true });
      kept--;
    } else if (entry.isDirectory() && (await sweepFolder(root, path, options, found)) && relative !== '') {
      found.push({ path, kind: 'empty-folder' });
      if (options.dryRun || (await removeIfEmpty(absolute))) kept--;
      else found.pop();
    }
  }
  return kept === 0;
}

async function readEntries(root: string, relative: string): Promise<Dirent[]> {
  try {
    return await readdir(join(root, relative), { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return [];
    throw new StorageError('STORAGE_IO', `Could not list "${relative || '.'}" in ${root}: ${errorMessage(error)}.`, relative, { cause: error });
  }
}

// Judged by the earlier of mtime and ctime. A writer killed between stamping its temp file and renaming it
// (atomic-file.ts, stampAfter) leaves an mtime up to a second ahead of the clock, so mtime alone would keep
// that file past a short grace period. ctime is the kernel's time of the last write or utimes and is never
// ahead; mtime stays in the rule because it is what a deliberately back-dated file (a restored backup, a
// test) carries.
async function isOlderThan(path: string, olderThan: Date): Promise<boolean> {
  const stats = await stat(path).catch(() => undefined);
  return stats !== undefined && Math.min(stats.mtimeMs, stats.ctimeMs) < olderThan.getTime();
}

// A writer may have put something in it since it was read: then it is not empty, and stays.
async function removeIfEmpty(path: string): Promise<boolean> {
  try {
    await rmdir(path);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOTEMPTY' || code === 'EEXIST' || code === 'ENOENT') return false;
    throw new StorageError('STORAGE_IO', `Could not remove the empty folder ${path}: ${errorMessage(error)}.`, path, { cause: error });
  }
}
