/**
 * The emulator as a `fetch` function without a socket: the request goes straight to `app.fetch`, an
 * aborted signal rejects as undici does, and a `reset` fault rejects with undici's `TypeError: fetch failed`.
 */
import type { Hono } from 'hono';
import type { EmulatorEnv } from './emulator-env.ts';
import { RESET_HEADER } from './fault-middleware.ts';

export function createInProcessFetch(app: Hono<EmulatorEnv>): typeof fetch {
  const inProcessFetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    request.signal.throwIfAborted();
    const response = await untilAborted(Promise.resolve(app.fetch(request, undefined)), request.signal);
    if (response.headers.has(RESET_HEADER)) throw connectionReset();
    return response;
  };
  return inProcessFetch as typeof fetch;
}

/** What undici throws when the peer closes the socket before answering. */
export function connectionReset(): TypeError {
  const cause = Object.assign(new Error('other side closed'), { name: 'SocketError', code: 'UND_ERR_SOCKET' });
  return new TypeError('fetch failed', { cause });
}

function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
