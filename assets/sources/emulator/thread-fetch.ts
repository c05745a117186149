/**
 * The emulator in a worker thread, as a `fetch` function: each request is posted to the thread and its
 * response rebuilt here. The sample (`npm start`) uses it so that answering 20,000 requests does not take
 * turns with the pipeline on one core. The thread starts on the first request, keeps the process alive only
 * while a request is in flight, and an aborted signal rejects as undici does.
 */
import { Worker } from 'node:worker_threads';
import type { SoundtrackTruth } from './catalogue.ts';
import type { EmulatorThreadOptions, ThreadAsk, ThreadReply, ThreadRequest } from './emulator-thread-protocol.ts';
import { connectionReset } from './in-process-fetch.ts';

export interface EmulatorThread {
  readonly fetch: typeof fetch;
  /** The catalogue's true pairs, from the thread's emulator. */
  truth(): Promise<readonly SoundtrackTruth[]>;
}

type Pending = { resolve: (reply: ThreadReply) => void; reject: (error: unknown) => void };

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
  const started = () => {
    if (worker !== undefined) return worker;
    const thread = new Worker(new URL('./emulator-thread.mjs', import.meta.url), { workerData: options });
    thread.on('message', (reply: ThreadReply) => settle(reply.id, (entry) => entry.resolve(reply)));
    thread.on('error', (error) => {
      for (const id of [...pending.keys()]) settle(id, (entry) => entry.reject(new Error(`The emulator thread failed: ${error.message}`)));
    });
    thread.unref();
    return (worker = thread);
  };
  const ask = (message: ThreadAsk, signal?: AbortSignal): Promise<ThreadReply> => {
    const thread = started();
    const id = nextId++;
    return new Promise<ThreadReply>((resolve, reject) => {
      const onAbort = () => settle(id, (entry) => entry.reject(signal!.reason));
      signal?.addEventListener('abort', onAbort, { once: true });
      pending.set(id, {
        resolve: (reply) => { signal?.removeEventListener('abort', onAbort); resolve(reply); },
        reject: (error) => { signal?.removeEventListener('abort', onAbort); reject(error); },
      });
      thread.ref();
      thread.postMessage({ ...message, id } satisfies ThreadRequest);
    });
  };
  const threadFetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    request.signal.throwIfAborted();
    const reply = await ask({ type: 'fetch', url: request.url, method: request.method, headers: [...request.headers] }, request.signal);
    if (reply.type === 'reset') throw connectionReset();
    if (reply.type === 'error') throw new TypeError('fetch failed', { cause: new Error(reply.message) });
    if (reply.type !== 'response') throw new Error(`The emulator thread answered a fetch with "${reply.type}".`);
    return new Response(reply.body, { status: reply.status, headers: reply.headers });
  };
  return {
    fetch: threadFetch as typeof fetch,
    async truth() {
      const reply = await ask({ type: 'truth' });
      if (reply.type !== 'truth') throw new Error(`The emulator thread answered the truth with "${reply.type}".`);
      return reply.truth;
    },
  };
}
