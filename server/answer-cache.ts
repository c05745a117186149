/**
 * Answers derived from the lake (`/assets`, `/assets/:key`, `/lineage`, `/report`, `/runs`), cached by the
 * versions of the objects they were read from. Every request takes that fingerprint afresh (stats and
 * listings only: runtime/ledger/lake-fingerprint.ts) and gets the cached bytes only while it is unchanged and
 * the answer's clock has not run out, so a commit by any process sharing the lake is seen by the next
 * request. The ETag is a hash of the bytes, taken once per answer; `hono/etag` before the handler turns a
 * matching If-None-Match into 304.
 */
import { createHash } from 'node:crypto';
import type { Context } from 'hono';

/** An answer's bytes, and when it goes out of date with no commit (a backlog falling due), if ever. */
export interface Answer {
  readonly body: string;
  readonly contentType: string;
  /** Epoch ms from which it must be computed again even though the lake is unchanged. */
  readonly expiresAt?: number | undefined;
}

/** What `AnswerCache.respond` needs to know about one request. */
export interface CachedRequest {
  /** The answer: route and normalized parameters (`lineage json`, `report 0.02`); one cache entry each. */
  readonly variant: string;
  /** The fingerprint it depends on, by name (variants that read the same objects share it), and how to take it. */
  readonly fingerprint: string;
  readonly readFingerprint: () => Promise<string>;
  readonly compute: () => Promise<Answer>;
}

/**
 * Clients and proxies may keep an answer but must ask again before using it: another process can commit at
 * any moment, so no freshness lifetime is safe, and asking again with If-None-Match costs a 304.
 */
export const ANSWER_CACHE_CONTROL = 'no-cache';

/** Enough for every route and parameter a client uses; odd parameters (any `binWidth`) push out the oldest. */
const DEFAULT_MAX_ENTRIES = 256;

interface StoredAnswer extends Answer {
  readonly etag: string;
}

interface Entry {
  readonly version: string;
  readonly answer: Promise<StoredAnswer>;
}

/** The answers of one app, by variant, each with the fingerprint it was computed under. */
export class AnswerCache {
  readonly #entries = new Map<string, Entry>();
  readonly #fingerprints = new SharedReads();
  readonly #maxEntries: number;
  readonly #now: () => number;

  constructor(options: { readonly maxEntries?: number; readonly now?: () => number } = {}) {
    this.#maxEntries = options.maxEntries ?? DEFAULT_MAX_ENTRIES;
    this.#now = options.now ?? Date.now;
  }

  /** The answer for the lake as it is now: cached while its fingerprint holds, computed otherwise. */
  async respond(c: Context, request: CachedRequest): Promise<Response> {
    const version = await this.#fingerprints.read(request.fingerprint, request.readFingerprint);
    const answer = await this.#answer(request, version);
    return c.body(answer.body, 200, { 'Content-Type': answer.contentType, ETag: answer.etag, 'Cache-Control': ANSWER_CACHE_CONTROL });
  }

  async #answer(request: CachedRequest, version: string): Promise<StoredAnswer> {
    const cached = this.#entries.get(request.variant);
    if (cached !== undefined && cached.version === version) {
      const answer = await cached.answer;
      if (answer.expiresAt === undefined || answer.expiresAt > this.#now()) {
        this.#remember(request.variant, cached);
        return answer;
      }
    }
    // Requests that arrive while it is computed, under the same fingerprint, wait for this one.
    const entry: Entry = { version, answer: request.compute().then(stored) };
    this.#remember(request.variant, entry);
    entry.answer.catch(() => {
      if (this.#entries.get(request.variant) === entry) this.#entries.delete(request.variant);
    });
    return entry.answer;
  }

  /** Newest last; the oldest goes when full. */
  #remember(variant: string, entry: Entry): void {
    this.#entries.delete(variant);
    this.#entries.set(variant, entry);
    if (this.#entries.size > this.#maxEntries) this.#entries.delete(this.#entries.keys().next().value!);
  }
}

function stored(answer: Answer): StoredAnswer {
  return { ...answer, etag: `"${createHash('sha256').update(answer.body).digest('base64url')}"` };
}

/**
 * One read of a kind at a time, shared. A request that arrives while a read is under way must not take its
 * result (the read may have started before a commit the request already saw), so it waits for the next read,
 * which starts when that one ends and is shared by everyone who arrived meanwhile: under 32 connections a
 * fingerprint costs two reads per batch of requests instead of one per request, and none is stale.
 */
export class SharedReads {
  readonly #current = new Map<string, Promise<string>>();
  readonly #next = new Map<string, Promise<string>>();

  read(kind: string, read: () => Promise<string>): Promise<string> {
    const current = this.#current.get(kind);
    if (current === undefined) return this.#start(kind, read);
    let next = this.#next.get(kind);
    if (next === undefined) {
      next = current
        .catch(() => undefined)
        .then(() => {
          this.#next.delete(kind);
          return this.#start(kind, read);
        });
      this.#next.set(kind, next);
    }
    return next;
  }

  #start(kind: string, read: () => Promise<string>): Promise<string> {
    const running: Promise<string> = read().finally(() => {
      if (this.#current.get(kind) === running) this.#current.delete(kind);
    });
    this.#current.set(kind, running);
    return running;
  }
}
