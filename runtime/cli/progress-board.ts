/**
 * Progress of long-running assets: on a terminal, one status line kept at the bottom (a bar, rate and ETA
 * per active asset); elsewhere (CI logs, pipes), a plain line per asset at most every few seconds.
 */
import type { ProgressUpdate } from '../asset/define-asset.ts';
import type { OutputStream } from './command.ts';
import { formatDuration } from './format.ts';

interface Tracked extends ProgressUpdate {
  readonly startedAt: number;
  readonly startDone: number;
  lastLoggedAt: number;
}

const LOG_EVERY_MS = 3_000;
const REDRAW_EVERY_MS = 100;
const BAR_WIDTH = 20;

export class ProgressBoard {
  readonly #out: OutputStream;
  readonly #live: boolean;
  readonly #now: () => number;
  readonly #tracked = new Map<string, Tracked>();
  #statusShown = false;
  #lastDrawAt = Number.NEGATIVE_INFINITY;

  constructor(out: OutputStream, options: { live: boolean; now?: () => number }) {
    this.#out = out;
    this.#live = options.live;
    this.#now = options.now ?? Date.now;
  }

  update(label: string, update: ProgressUpdate): void {
    const now = this.#now();
    const previous = this.#tracked.get(label);
    const tracked: Tracked = {
      ...update,
      startedAt: previous?.startedAt ?? now,
      startDone: previous?.startDone ?? update.done,
      lastLoggedAt: previous?.lastLoggedAt ?? Number.NEGATIVE_INFINITY,
    };
    this.#tracked.set(label, tracked);
    const finished = update.total !== undefined && update.done >= update.total;
    if (this.#live) {
      if (finished || now - this.#lastDrawAt >= REDRAW_EVERY_MS) this.#drawStatus(now);
    } else if (finished || now - tracked.lastLoggedAt >= LOG_EVERY_MS) {
      tracked.lastLoggedAt = now;
      this.#out.write(`  · ${label} ${describe(tracked, now)}\n`);
    }
  }

  /** The asset finished: forget its progress. */
  end(label: string): void {
    this.#tracked.delete(label);
    if (this.#live) this.#drawStatus(this.#now());
  }

  /** Writes a normal line above the status line. */
  print(line: string): void {
    if (this.#live && this.#statusShown) this.#out.write('\r\u001b[K');
    this.#out.write(line);
    if (this.#live && this.#tracked.size > 0) this.#drawStatus(this.#now(), true);
    else this.#statusShown = false;
  }

  #drawStatus(now: number, force = false): void {
    if (!force && this.#tracked.size === 0 && !this.#statusShown) return;
    this.#lastDrawAt = now;
    const parts = [...this.#tracked].map(([label, tracked]) => `${label} ${bar(tracked)} ${describe(tracked, now)}`);
    const columns = (this.#out as { columns?: number }).columns ?? 120;
    const text = parts.join('  |  ').slice(0, Math.max(20, columns - 1));
    this.#out.write(`\r\u001b[K${text}`);
    this.#statusShown = text.length > 0;
  }
}

function bar(tracked: Tracked): string {
  if (tracked.total === undefined || tracked.total === 0) return '';
  const filled = Math.min(BAR_WIDTH, Math.round((tracked.done / tracked.total) * BAR_WIDTH));
  return `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}]`;
}

/** `240/500 pages (48%) · 38/s · ETA 7 s · bulk search 1994` */
export function describe(tracked: Tracked, now: number): string {
  const elapsedS = (now - tracked.startedAt) / 1000;
  const rate = elapsedS > 0 ? (tracked.done - tracked.startDone) / elapsedS : 0;
  const counts =
    tracked.total === undefined
      ? `${tracked.done} ${tracked.unit}`
      : `${tracked.done}/${tracked.total} ${tracked.unit} (${Math.floor((tracked.done / Math.max(1, tracked.total)) * 100)}%)`;
  const parts = [counts];
  if (rate > 0) parts.push(`${rate >= 10 ? Math.round(rate) : rate.toFixed(1)}/s`);
  if (rate > 0 && tracked.total !== undefined && tracked.done < tracked.total) {
    parts.push(`ETA ${formatDuration(((tracked.total - tracked.done) / rate) * 1000)}`);
  }
  if (tracked.detail !== undefined) parts.push(tracked.detail);
  return parts.join(' · ');
}
