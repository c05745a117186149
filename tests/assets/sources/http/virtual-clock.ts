// Virtual time for limiter and retry tests: `sleep` resolves when every earlier timer has fired and the
// process has been idle for a moment (in-process fakes settle in microtasks), so runs are instant and exact.

export interface VirtualClock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export function createVirtualClock(start = 0): VirtualClock {
  let now = start;
  let order = 0;
  let scheduled = false;
  const timers: { at: number; order: number; resolve: () => void }[] = [];
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    // Two turns, so continuations queued by the previous timer register their own sleeps first.
    setImmediate(() => setImmediate(fire));
  };
  const fire = () => {
    scheduled = false;
    timers.sort((a, b) => a.at - b.at || a.order - b.order);
    const next = timers.shift();
    if (next === undefined) return;
    now = Math.max(now, next.at);
    next.resolve();
    if (timers.length > 0) schedule();
  };
  return {
    now: () => now,
    sleep(ms, signal) {
      signal?.throwIfAborted();
      if (ms <= 0) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = { at: now + ms, order: order++, resolve: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        } };
        // An aborted sleep leaves the queue at once and rejects with the reason, as the real one does.
        const onAbort = () => {
          timers.splice(timers.indexOf(timer), 1);
          reject(signal?.reason);
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        timers.push(timer);
        schedule();
      });
    },
  };
}
