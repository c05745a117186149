/**
 * A short per-file mutex across processes: proper-lockfile's mkdir'd `.<name>.lock` beside the file. It guards
 * only check-then-rename critical sections (sub-millisecond), never slow work such as writing a body.
 */
import { basename, dirname, join } from 'node:path';
import { StorageError } from '../errors.ts';

// proper-lockfile's minimum; a holder refreshes its lock every second, so only a dead (SIGKILLed) holder's lock
// goes stale, and writers of that one file then wait at most this long.
const STALE_MS = 2_000;
// About 10 s of polling with small, jittered steps, so contended writers queue quickly and a stale lock
// (above) is always outlived.
const RETRIES = { retries: 400, factor: 1.2, minTimeout: 1, maxTimeout: 25, randomize: true };

/** Runs `critical` while holding the mutex of `file`; the file's folder must exist. */
export async function withFileMutex<T>(file: string, label: string, critical: () => Promise<T>): Promise<T> {
  // Loaded by the first write, not at start-up: a read-only command (status, a no-op run) never takes a mutex.
  const { lock } = await import('proper-lockfile');
  let release: () => Promise<void>;
  try {
    release = await lock(file, {
      realpath: false,
      lockfilePath: join(dirname(file), `.${basename(file).slice(0, 200)}.lock`),
      stale: STALE_MS,
      retries: RETRIES,
      // The default throws from a timer and would crash the process. A compromised mutex only matters inside
      // the critical section, and that ends long before anyone can notice it is stale.
      onCompromised: () => {},
    });
  } catch (error) {
    throw new StorageError(
      'STORAGE_LOCKED',
      `Timed out waiting for the write mutex of "${label}" (${String(error)}). Another process keeps writing it; retry, ` +
        `or remove a leftover ".${basename(file)}.lock" folder if no medallion process is running.`,
      label,
      { cause: error },
    );
  }
  try {
    return await critical();
  } finally {
    // ENOTACQUIRED/ERELEASED: the mutex went stale and was taken over; nothing left to release.
    await release().catch(() => {});
  }
}
