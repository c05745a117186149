// An in-process `fetch` that answers from a script and records every request it gets, for client tests
// that count requests and read the URLs and headers the client sent.
import type { FetchLike } from '../../../../assets/sources/http/send-request.ts';

export interface RecordedRequest {
  url: URL;
  headers: Headers;
  at: number;
}

/** One scripted answer: a response factory (bodies are single-use) or an error to throw. */
export type Reply = (() => Response | Promise<Response>) | Error;

export function json(status: number, body: unknown, headers: Record<string, string> = {}): () => Response {
  return () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

export function text(status: number, body: string, headers: Record<string, string> = {}): () => Response {
  return () => new Response(body, { status, headers });
}

/** What undici throws when the peer resets the connection. */
export function connectionReset(): Error {
  return new TypeError('fetch failed', { cause: Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }) });
}

/** Answers request i with `replies[i]`, repeating the last one when the script runs out. */
export function scriptedFetch(replies: readonly Reply[], now: () => number = Date.now) {
  const requests: RecordedRequest[] = [];
  const fetch: FetchLike = async (input, init) => {
    requests.push({ url: new URL(input), headers: new Headers(init.headers), at: now() });
    const reply = replies[Math.min(requests.length, replies.length) - 1];
    if (reply === undefined) throw new Error('scriptedFetch: empty script');
    if (reply instanceof Error) throw reply;
    return reply();
  };
  return { fetch, requests };
}

export const tmdbPage = (page: number) => ({ page, results: [{ id: page, title: `Film ${page}` }], total_pages: 30, total_results: 600 });

export const discogsPage = (page: number) => ({
  pagination: { page, pages: 10, per_page: 50, items: 500, urls: {} },
  results: [{ id: page, type: 'release', title: `Artist - Title ${page}` }],
});

/** Records a sleep's duration, then sleeps on the given clock (or not at all). */
export function recordingSleep(sleep: (ms: number, signal?: AbortSignal) => Promise<void> = async () => {}) {
  const delays: number[] = [];
  return { delays, sleep: (ms: number, signal?: AbortSignal) => (delays.push(ms), sleep(ms, signal)) };
}
