/**
 * The emulator in a worker thread, as the clients' `fetch`: each request is posted to the thread and its
 * answer handed over with the body as the string it came as. The sample (`npm start`) uses it so that
 * answering its 21,000 requests runs on the second core beside the pipeline instead of taking turns with it
 * (thread-response.ts keeps the thread's side as light). The thread starts on the first request
 * and keeps the process alive only while a request is in flight; an aborted signal rejects as undici does,
 * and a thread that dies rejects what it held and is started afresh (same seed, same world) on the next one.
 */
import { Worker } from 'node:worker_threads';
import type { SoundtrackTruth } from './catalogue.ts';
import type { EmulatorThreadData, EmulatorThreadOptions, ThreadAsk, ThreadReply, ThreadRequest } from './emulator-thread-protocol.ts';
import { connectionReset } from './in-process-fetch.ts';
import type { FetchedResponse } from '../http/send-request.ts';

export interface EmulatorThread {
  /** Answers the clients' GETs: a body already read, as the thread sent it (no `json()`, no stream). */
  readonly fetch: (url: string, init: RequestInit) => Promise<FetchedResponse>;
  /** The catalogue's true pairs, from the thread's emulator. */
  truth(): Promise<readonly SoundtrackTruth[]>;
}

interface Pending {
  resolve(reply: ThreadReply): void;
  reject(error: unknown): void;
}

// The thread's module is named by its URL and, on a Node that cannot strip types, loaded after tsx's loader is
// registered (as the CLI does for a .ts config). Evaluated as CommonJS or, under --input-type=module, as ESM.
const BOOT = `const { workerData } = process.getBuiltinModule('node:worker_threads');
(async () => {
  if (workerData.loader !== undefined) (await import(workerData.loader)).register();
  await import(workerData.entry);
})().catch((error) => { process.nextTick(() => { throw error; }); });`;

export function startEmulatorThread(options: EmulatorThreadOptions): EmulatorThread {
  let worker: Worker | undefined;
  let nextId = 1;
  const pending = new Map<number, Pending>();
  const settle = (id: number, outcome: (entry: Pending) => void) => {
    const entry = pending.get(id);
    if (entry === undefined) return;
    pending.delete(id);
    if (pending.size === 0) worker?.unref();
    outcome(entry);
  };
  const failAll = (thread: Worker, error: Error) => {
    if (worker === thread) worker = undefined;
    for (const id of [...pending.keys()]) settle(id, (entry) => entry.reject(error));
  };
  const started = (): Worker => {
    if (worker !== undefined) return worker;
    const thread = new Worker(BOOT, { eval: true, workerData: threadData(options) });
    thread.on('message', (reply: ThreadReply) => settle(reply.id, (entry) => entry.resolve(reply)));
    thread.on('error', (error) => failAll(thread, new Error(`The emulator thread failed: ${error.message}`, { cause: error })));
    thread.on('exit', (code) => failAll(thread, new Error(`The emulator thread exited (code ${code}).`)));
    return (worker = thread);
  };
  const ask = (message: ThreadAsk, signal?: AbortSignal | null): Promise<ThreadReply> => {
    const thread = started();
    const id = nextId++;
    return new Promise<ThreadReply>((resolve, reject) => {
      const onAbort = () => settle(id, (entry) => entry.reject(signal!.reason));
      signal?.addEventListener('abort', onAbort, { once: true });
      const done = () => signal?.removeEventListener('abort', onAbort);
      pending.set(id, {
        resolve: (reply) => (done(), resolve(reply)),
        reject: (error) => (done(), reject(error)),
      });
      thread.ref();
      thread.postMessage({ ...message, id } satisfies ThreadRequest);
    });
  };
  const threadFetch = async (url: string, init: RequestInit): Promise<FetchedResponse> => {
    init.signal?.throwIfAborted();
    const reply = await ask({ type: 'fetch', url, method: init.method ?? 'GET', headers: plainHeaders(init.headers) }, init.signal);
    switch (reply.type) {
      case 'response': {
        const { status, statusText, body } = reply;
        return { status, statusText, headers: new Headers(reply.headers), text: () => Promise.resolve(body) };
      }
      case 'reset':
        throw connectionReset();
      case 'error':
        throw new TypeError('fetch failed', { cause: new Error(reply.message) });
      default:
        throw new Error(`The emulator thread answered a request with "${reply.type}".`);
    }
  };
  return {
    fetch: threadFetch,
    async truth() {
      const reply = await ask({ type: 'truth' });
      if (reply.type !== 'truth') throw new Error(`The emulator thread answered the truth with "${reply.type}".`);
      return reply.truth;
    },
  };
}

function threadData(emulator: EmulatorThreadOptions): EmulatorThreadData {
  const typescript = import.meta.url.endsWith('.ts');
  const entry = new URL(`./emulator-thread.${typescript ? 'ts' : 'js'}`, import.meta.url).href;
  const stripsTypes = (process as { features?: { typescript?: unknown } }).features?.typescript;
  return { emulator, entry, loader: typescript && !stripsTypes ? import.meta.resolve('tsx/esm/api') : undefined };
}

/** The request's headers as a plain record, to cross the thread (names lower-cased, as `Headers` keeps them). */
function plainHeaders(headers: RequestInit['headers']): Record<string, string> {
  return headers === undefined ? {} : Object.fromEntries(new Headers(headers));
}
