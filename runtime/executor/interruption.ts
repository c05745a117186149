/**
 * How a run stops when its signal aborts (Ctrl-C, SIGTERM): waits (locks, retry backoffs, upstreams, the
 * concurrency queue) end at once; user code gets a grace period to finish or to stop by itself, and is then
 * abandoned. Holds the grace timers and the outcome of a slot that was stopped.
 */
import type { AssetKey } from '../asset/asset-key.ts';
import type { SlotOutcome } from '../ledger/run-summary.ts';
import { emptyOutcome } from './outcomes.ts';

/** How long running user code may take, after an abort, to finish or stop before it is abandoned. */
export const DEFAULT_INTERRUPT_GRACE_MS = 2_000;

/**
 * The error a stopped slot records (`interrupted while waiting for the lock (SIGTERM received)`); its `name`
 * tells it apart from the asset's own failures.
 */
export function interruptionError(signal: AbortSignal, where: string): Error {
  const error = new Error(`interrupted ${where} (${reasonOf(signal)})`);
  error.name = 'Interrupted';
  return error;
}

/** A slot stopped by the run's abort signal, `where` saying where it was (e.g. "while waiting for the lock"). */
export function interruptedOutcome(asset: AssetKey, partition: string | null, waitMs: number, signal: AbortSignal, where: string): SlotOutcome {
  const error = interruptionError(signal, where);
  return { ...emptyOutcome(asset, partition, waitMs), type: 'failed', reason: error.message, error: { name: error.name, code: null, message: error.message } };
}

/**
 * Settles as `work` does, unless the signal aborts and `work` is still pending `graceMs` later: it then rejects
 * with an interruption error and hands `work` to `abandon` (whoever must wait for it, e.g. to release a lock).
 */
export function settleWithinGrace<T>(work: Promise<T>, signal: AbortSignal, graceMs: number, abandon: (work: Promise<T>) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let timer: NodeJS.Timeout | undefined;
    const onAbort = () => {
      timer = setTimeout(() => {
        abandon(work);
        reject(interruptionError(signal, `and abandoned ${graceMs} ms later, as it did not stop by itself`));
      }, graceMs);
    };
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
    });
  });
}

/** Resolves `delayMs` after the signal aborts (never, if it does not); `cancel` drops the timer. */
export function afterAbort(signal: AbortSignal, delayMs: number): { reached: Promise<void>; cancel(): void } {
  let timer: NodeJS.Timeout | undefined;
  let onAbort = () => undefined as void;
  const reached = new Promise<void>((resolve) => {
    onAbort = () => {
      timer = setTimeout(resolve, delayMs);
    };
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
  return {
    reached,
    cancel: () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
    },
  };
}

function reasonOf(signal: AbortSignal): string {
  const reason: unknown = signal.reason;
  if (reason instanceof Error && reason.message !== '') return reason.message;
  if (typeof reason === 'string' && reason !== '') return reason;
  return 'the run was interrupted';
}
