/**
 * One Inngest request as a scope: its trace context, and a signal aborted once the SDK has answered it.
 * Inngest stops a function at the first new step by never settling that step's promise; the signal lets
 * the code still waiting on it (a materialization holding the slot's lease) unwind and let go.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { context, type Link } from '@opentelemetry/api';
import { Middleware } from 'inngest';
import { InterruptedError } from './errors.ts';
import { requestTraceContext } from './trace-context.ts';

export interface RequestScope {
  readonly signal: AbortSignal;
  readonly links: Link[];
}

const scopes = new AsyncLocalStorage<RequestScope>();

/** The scope of the request running this code; a never-aborted one outside a request (direct calls). */
export function currentRequestScope(): RequestScope {
  return scopes.getStore() ?? { signal: new AbortController().signal, links: [] };
}

/** Settles like `promise`, or rejects with InterruptedError once the request has been answered. */
export function unlessInterrupted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(new InterruptedError());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new InterruptedError());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => { signal.removeEventListener('abort', onAbort); resolve(value); },
      (error: unknown) => { signal.removeEventListener('abort', onAbort); reject(error); },
    );
  });
}

/**
 * Function-level middleware (so it works with any client the app passes in). The SDK creates one instance
 * per request and runs the function inside `next()`, so the scope and the trace context reach it.
 */
export class RequestScopeMiddleware extends Middleware.BaseMiddleware {
  readonly id = 'medallion-request-scope';

  override async wrapRequest({ next, requestInfo }: Middleware.WrapRequestArgs): Promise<Middleware.Response> {
    const controller = new AbortController();
    const trace = requestTraceContext(requestInfo.headers, await requestInfo.body());
    try {
      const parent = trace.context;
      return await scopes.run({ signal: controller.signal, links: trace.links }, () => (parent === undefined ? next() : context.with(parent, () => next())));
    } finally {
      controller.abort();
    }
  }
}
