/**
 * The services' throttles as they signal them: a moving window of counted requests (Discogs: 60 a minute,
 * headers on every response; TMDB: about 40 a second, a bare 429). The clock is injected so tests are exact.
 */

export type Clock = () => number;

export interface WindowOptions {
  limit: number;
  windowMs: number;
}

export interface WindowTake {
  readonly isAllowed: boolean;
  /** Requests counted in the window, this one included when allowed. */
  readonly used: number;
  readonly remaining: number;
  readonly limit: number;
}

export interface MovingWindow {
  /** Counts a request at `now` if fewer than `limit` were counted in the last `windowMs`; refused ones are not counted. */
  take(now: number, limit?: number): WindowTake;
  reset(): void;
}

export function createMovingWindow(options: WindowOptions): MovingWindow {
  let stamps: number[] = [];
  let head = 0;
  return {
    take(now, limit = options.limit) {
      while (head < stamps.length && stamps[head]! <= now - options.windowMs) head++;
      if (head > 1024 && head * 2 > stamps.length) {
        stamps = stamps.slice(head);
        head = 0;
      }
      const used = stamps.length - head;
      if (used >= limit) return { isAllowed: false, used, remaining: 0, limit };
      stamps.push(now);
      return { isAllowed: true, used: used + 1, remaining: limit - used - 1, limit };
    },
    reset() {
      stamps = [];
      head = 0;
    },
  };
}
