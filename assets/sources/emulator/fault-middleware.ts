/**
 * Applies the fault drawn for a request: an error status with the service's own body, a dropped
 * connection, a delay, a body cut mid-way, or (read by the list routes) malformed records.
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { EmulatorEnv, SharedService, Sleep } from './emulator-env.ts';

export type ErrorStatus = 401 | 403 | 429 | 500 | 502 | 503;

/** The service's response for an injected error status. */
export type FaultResponse = (status: ErrorStatus) => Response;

/**
 * Marks the response of a reset: the in-process fetch turns it into a rejected promise, and over HTTP the
 * socket is already destroyed, so no client ever sees it.
 */
export const RESET_HEADER = 'x-emulator-reset';

export function injectFaults(shared: SharedService, errorResponse: FaultResponse): MiddlewareHandler<EmulatorEnv> {
  return async (c, next) => {
    const fault = shared.faults.draw(c.get('request'));
    c.set('fault', fault);
    if (fault === undefined || fault.kind === 'malformed') return next();
    switch (fault.kind) {
      case 'reset':
        return resetConnection(c);
      case 'slow':
        await shared.sleep(fault.delayMs, c.req.raw.signal);
        return next();
      case 'truncated':
        await next();
        c.res = await truncated(c.res);
        return;
      default:
        return errorResponse(Number(fault.kind) as ErrorStatus);
    }
  };
}

function resetConnection(c: Context<EmulatorEnv>): Response {
  // Over HTTP: drop the TCP connection without a response, as a reset peer does.
  c.env?.incoming?.socket.destroy();
  return new Response(null, { status: 502, headers: { [RESET_HEADER]: '1' } });
}

/** The same status and headers, the body cut in half (Content-Length follows the cut body). */
async function truncated(response: Response): Promise<Response> {
  const text = await response.text();
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  return new Response(text.slice(0, Math.floor(text.length / 2)), { status: response.status, headers });
}

/** setTimeout, cut short (rejecting) when the client gives up. */
export const realSleep: Sleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    }, { once: true });
  });
