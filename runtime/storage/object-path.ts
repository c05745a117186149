/**
 * Validation of object paths and list prefixes (`container/rest`, `/`-separated), shared by every backend so a
 * path that works on the local filesystem also works on Azure. Does no I/O.
 */
import { StorageError } from '../errors.ts';

const EXAMPLE = 'Use "container/name" with "/" separators, e.g. "gold/matches/part-0.parquet"';

/** Throws StorageError unless `path` names an object: two or more clean segments, nothing that escapes the root. */
export function assertObjectPath(path: string): void {
  const problem = characterProblem(path) ?? segmentsProblem(path.split('/'), true);
  if (problem !== undefined) {
    throw new StorageError('STORAGE_IO', `Invalid object path ${JSON.stringify(path)}: ${problem}. ${EXAMPLE}.`, path);
  }
}

/** Throws StorageError unless `prefix` is a valid start of an object path; the last segment may be partial or empty. */
export function assertListPrefix(prefix: string): void {
  if (prefix === '') return;
  const segments = prefix.split('/');
  const complete = segments.slice(0, -1);
  const last = segments.at(-1) ?? '';
  const problem =
    characterProblem(prefix) ??
    (complete.length > 0 ? segmentsProblem(complete, false) : undefined) ??
    (last === '.' || last === '..' ? 'it contains a "." or ".." segment' : undefined);
  if (problem !== undefined) {
    throw new StorageError('STORAGE_IO', `Invalid list prefix ${JSON.stringify(prefix)}: ${problem}. ${EXAMPLE}.`, prefix);
  }
}

function characterProblem(path: string): string | undefined {
  if (path.includes('\0')) return 'it contains a NUL character';
  if (path.includes('\\')) return 'it contains a backslash';
  if (path.startsWith('/')) return 'it is absolute (starts with "/")';
  return undefined;
}

function segmentsProblem(segments: readonly string[], isWholePath: boolean): string | undefined {
  if (isWholePath && segments.length < 2) return 'it has no container segment before the object name';
  for (const segment of segments) {
    if (segment === '') return 'it has an empty segment ("//" or a trailing "/")';
    if (segment === '.' || segment === '..') return 'it contains a "." or ".." segment';
    // Dot-names are where backends keep their internals (temp files, write mutexes, `.locks/`).
    if (segment.startsWith('.')) return `segment ${JSON.stringify(segment)} starts with ".", which is reserved for storage internals`;
  }
  return undefined;
}
