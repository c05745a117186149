/**
 * At most `limit` requests in any `windowMs`, as Discogs counts them (a moving window, research §2.4),
 * combined with the server's own count of the window when a response reports one (`-Remaining`).
 */
import type { Sleep } from './backoff.ts';

export interface MovingWindowOptions {
  limit: number;
  windowMs: number;
  /** Extra wait after a request leaves the window, for drift between the client's and server's clocks. */
  marginMs?: number;
  /**
   * When a request enters the window: `response` (default) when its response arrived, which the server's
   * count can never be later than; `request` when it was sent, a plain rate over sends (a token bucket's).
   */
  countFrom?: 'request' | 'response';
  /**
   * Send one request at a time until a response has reported the server's count within the last window:
   * that count may include other clients of the same credentials, which nothing else reveals.
   */
  probe?: boolean;
  now: () => number;
  sleep: Sleep;
}

/** What a response says about the server's window: its size and how many requests are left in it. */
export interface ServerWindow {
  limit?: number;
  remaining?: number;
}

export interface WindowSlot {
  /** The request got its response (or failed): it leaves the window `windowMs` from now. */
  complete(server?: ServerWindow): void;
}

interface Entry {
  seq: number;
  /** When the request entered the window; undefined while it counts without an end (in flight). */
  doneAt: number | undefined;
  completed: boolean;
  done: Promise<void>;
  resolve: () => void;
}

/** The server's count at one moment: `remaining`, with the requests it had already counted. */
interface Observation {
  at: number;
  remaining: number;
  counted: ReadonlySet<number>;
}

type Wait = number | 'in-flight' | undefined;

/**
 * By default a request occupies the window from when it is sent until `windowMs` after its response
 * arrived: the server counted it somewhere in between, so this window never frees a slot before the
 * server's does. Waiting is exact: until the oldest request leaves, never a fixed sleep.
 */
export class MovingWindowLimiter {
  readonly #limit: number;
  readonly #windowMs: number;
  readonly #marginMs: number;
  readonly #countFromRequest: boolean;
  readonly #probe: boolean;
  readonly #now: () => number;
  readonly #sleep: Sleep;
  #serverLimit = Number.POSITIVE_INFINITY;
  #entries: Entry[] = [];
  #nextSeq = 1;
  #observation: Observation | undefined;
  #heardAt = Number.NEGATIVE_INFINITY;

  constructor(options: MovingWindowOptions) {
    if (!Number.isInteger(options.limit) || options.limit < 1) throw new RangeError('limit must be an integer ≥ 1');
    if (!(options.windowMs > 0)) throw new RangeError('windowMs must be > 0');
    this.#limit = options.limit;
    this.#windowMs = options.windowMs;
    this.#marginMs = options.marginMs ?? 0;
    this.#countFromRequest = options.countFrom === 'request';
    this.#probe = options.probe ?? false;
    this.#now = options.now;
    this.#sleep = options.sleep;
  }

  /** Waits until a request may be sent without exceeding either count, and takes its slot. */
  async acquire(signal?: AbortSignal): Promise<WindowSlot> {
    for (;;) {
      signal?.throwIfAborted();
      const wait = this.#wait(this.#now());
      if (wait === undefined) return this.#take();
      if (wait === 'in-flight') await abortable(Promise.race(this.#inFlight().map((entry) => entry.done)), signal);
      else await this.#sleep(wait, signal);
    }
  }

  /** How long until a request could be sent, as far as this limiter knows (a hint for `RetryAfterError`). */
  delayMs(): number {
    const wait = this.#wait(this.#now());
    if (wait === 'in-flight') return Math.ceil(this.#windowMs / this.#effectiveLimit());
    return Math.ceil(wait ?? 0);
  }

  #take(): WindowSlot {
    let resolve = () => {};
    const done = new Promise<void>((settle) => (resolve = settle));
    const entry: Entry = { seq: this.#nextSeq++, doneAt: this.#countFromRequest ? this.#now() : undefined, completed: false, done, resolve };
    this.#entries.push(entry);
    return {
      complete: (server) => {
        if (entry.completed) return;
        entry.completed = true;
        entry.doneAt ??= this.#now();
        if (server !== undefined) this.#observe(server);
        entry.resolve();
      },
    };
  }

  #observe(server: ServerWindow): void {
    this.#heardAt = this.#now();
    if (server.limit !== undefined && server.limit > 0) this.#serverLimit = server.limit;
    if (server.remaining === undefined) return;
    // Requests still in flight may not be in the server's count yet; they are counted as sent after it.
    const counted = new Set(this.#entries.filter((entry) => entry.completed).map((entry) => entry.seq));
    this.#observation = { at: this.#now(), remaining: Math.max(0, server.remaining), counted };
  }

  #wait(now: number): Wait {
    this.#prune(now);
    const probing = this.#probe && now - this.#heardAt >= this.#windowMs;
    if (probing && this.#inFlight().length > 0) return 'in-flight';
    const local = this.#localWait(now);
    const server = this.#serverWait(now);
    if (local === 'in-flight') return local;
    if (local === undefined || server === undefined) return local ?? server;
    return Math.max(local, server);
  }

  /** Full when `limit` requests are in flight or left less than a window ago. */
  #localWait(now: number): Wait {
    const mustLeave = this.#entries.length - this.#effectiveLimit() + 1;
    if (mustLeave <= 0) return undefined;
    const expiry = this.#expiries(this.#entries)[mustLeave - 1];
    return expiry === undefined ? 'in-flight' : expiry - now;
  }

  /**
   * The server's budget now: what it said remained, plus the counted requests that left since, minus the
   * requests sent since. When spent, wait for the next counted request to leave, or for the whole window
   * the observation covered to pass (the server's count may be other clients' requests, whose times we
   * cannot know).
   */
  #serverWait(now: number): number | undefined {
    const observation = this.#observation;
    if (observation === undefined) return undefined;
    const staleAt = observation.at + this.#windowMs + this.#marginMs;
    if (now >= staleAt) {
      this.#observation = undefined;
      return undefined;
    }
    const counted = this.#entries.filter((entry) => observation.counted.has(entry.seq));
    const budget = observation.remaining + (observation.counted.size - counted.length) - (this.#entries.length - counted.length);
    if (budget > 0) return undefined;
    const expiry = this.#expiries(counted)[-budget] ?? staleAt;
    return Math.min(expiry, staleAt) - now;
  }

  #inFlight(): Entry[] {
    return this.#entries.filter((entry) => !entry.completed);
  }

  #effectiveLimit(): number {
    return Math.min(this.#limit, this.#serverLimit);
  }

  /** When each completed request leaves the window, earliest first. */
  #expiries(entries: readonly Entry[]): number[] {
    const leave = this.#windowMs + this.#marginMs;
    return entries.flatMap((entry) => (entry.doneAt === undefined ? [] : [entry.doneAt + leave])).sort((a, b) => a - b);
  }

  #prune(now: number): void {
    const leave = this.#windowMs + this.#marginMs;
    this.#entries = this.#entries.filter((entry) => entry.doneAt === undefined || entry.doneAt + leave > now);
  }
}

function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
