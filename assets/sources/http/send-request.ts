/**
 * One HTTP exchange: a GET with a per-attempt timeout, its body read whole. A connection reset, a timeout
 * or a body cut off mid-read comes back as a value to retry on; only the caller's abort is thrown.
 */

/** `globalThis.fetch`, a Hono app's `request`, or an in-process emulator: anything that answers a GET. */
export type FetchLike = (input: string, init: RequestInit) => Promise<FetchedResponse> | FetchedResponse;

/**
 * What an exchange reads of an answer: a `Response`, or an answer shaped like one whose body is already a
 * string (the sample's emulator thread), which spares a body stream and two UTF-8 passes per response.
 */
export interface FetchedResponse {
  readonly status: number;
  readonly statusText: string;
  readonly headers: Headers;
  text(): Promise<string>;
}

export type Exchange =
  | { kind: 'response'; status: number; statusText: string; headers: Headers; text: string }
  | { kind: 'error'; status: number | undefined; headers: Headers | undefined; detail: string; cause: unknown };

export interface SendOptions {
  fetch: FetchLike;
  headers: Record<string, string>;
  timeoutMs: number;
  signal: AbortSignal | undefined;
}

export async function sendRequest(url: string, options: SendOptions): Promise<Exchange> {
  const deadline = attemptDeadline(options.signal, options.timeoutMs);
  let response: FetchedResponse | undefined;
  try {
    response = await options.fetch(url, { method: 'GET', headers: options.headers, signal: deadline.signal });
    const text = await response.text();
    return { kind: 'response', status: response.status, statusText: response.statusText, headers: response.headers, text };
  } catch (error) {
    if (options.signal?.aborted) throw options.signal.reason;
    const detail = deadline.timedOut() ? `timed out after ${options.timeoutMs} ms` : describeNetworkError(error, response);
    return { kind: 'error', status: response?.status, headers: response?.headers, detail, cause: error };
  } finally {
    deadline.dispose();
  }
}

/**
 * The attempt's signal: aborted by the caller's signal or after `timeoutMs`. One controller, a timer and a
 * listener, released when the attempt ends: `AbortSignal.any([signal, AbortSignal.timeout(ms)])` does the same at
 * about five times the cost (weak references for every signal), which shows over the sample's 20,000 requests.
 */
function attemptDeadline(signal: AbortSignal | undefined, timeoutMs: number) {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new DOMException(`The operation timed out after ${timeoutMs} ms.`, 'TimeoutError'));
  }, timeoutMs);
  const onAbort = () => controller.abort(signal!.reason);
  if (signal?.aborted) onAbort();
  else signal?.addEventListener('abort', onAbort, { once: true });
  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    dispose() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    },
  };
}

/** `fetch failed (ECONNRESET: socket hang up)`: undici's message says little; the cause says what broke. */
function describeNetworkError(error: unknown, response: FetchedResponse | undefined): string {
  const where = response === undefined ? 'network error' : `network error reading the ${response.status} response body`;
  if (!(error instanceof Error)) return `${where}: ${String(error)}`;
  const cause = error.cause instanceof Error ? error.cause : undefined;
  const code = (cause as { code?: unknown } | undefined)?.code ?? (error as { code?: unknown }).code;
  const reason = [typeof code === 'string' ? code : undefined, cause?.message].filter((part) => part !== undefined).join(': ');
  return reason === '' ? `${where}: ${error.message}` : `${where}: ${error.message} (${reason})`;
}
