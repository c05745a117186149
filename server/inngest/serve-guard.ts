/**
 * `/api/inngest` at the door. The SDK's serve handler (inngest 4.24) answers a body that is not JSON, a
 * request for no or an unknown function, or one it cannot parse with a 500, some with its stack trace, and
 * every request with a 500 when it has neither dev mode nor a signing key. This wraps it, without patching
 * the SDK: in dev mode, requests it would choke on get a 4xx JSON error here; in cloud mode the signature
 * comes first and only the SDK checks it, so its answers to signed requests it cannot run are mapped
 * instead. Its refusals are rewritten into the app's error shape; what it answers a well-formed request (the
 * executor protocol, function failures included) passes unchanged.
 */
import type { Context } from 'hono';
import type { Inngest, InngestFunction } from 'inngest';
import { ApiError } from '../api-error.ts';
import type { InngestHandler } from '../app.ts';

export interface ServeGuardOptions {
  readonly client: Inngest.Any;
  readonly functions: readonly InngestFunction.Any[];
  /** `serve({ client, functions })` from `inngest/hono`. */
  readonly handler: InngestHandler;
}

// The SDK's probes (`?probe=trust`, answered 200); it answers any other with a stack trace.
const PROBES = new Set(['trust']);
// `InngestFunction.failureSuffix`, which the SDK exports as a type only.
const FAILURE_SUFFIX = '-failure';
// How the SDK 4.x words the run requests it cannot serve (InngestCommHandler.ts, helpers/functions.ts), as
// `{ type: "internal", message }` 500s. Any other internal error is a bug: a 500 without details, logged.
const SDK_REFUSALS: readonly { readonly pattern: RegExp; readonly status: 400 | 404; readonly message: string }[] = [
  { pattern: /^No function ID found/, status: 400, message: 'An Inngest run request names its function: POST /api/inngest?fnId=<app id>-<function id>&stepId=step.' },
  { pattern: /^Function ".*" was not found in this app/s, status: 404, message: 'No such Inngest function is served here; resync the app if it changed.' },
  { pattern: /^Failed to parse data from executor/, status: 400, message: 'The Inngest SDK could not parse the run request: its "event", "events", "steps" or "ctx" do not have the shape the Inngest executor sends.' },
];

export function guardServeHandler(options: ServeGuardOptions): InngestHandler {
  const { client } = options;
  const functionIds = knownFunctionIds(client, options.functions);
  return async (c) => {
    if (client.mode === 'cloud' && (client.signingKey ?? '').trim() === '') {
      throw new ApiError(503, 'INNGEST_NOT_CONFIGURED', 'This server answers no Inngest requests: it has neither INNGEST_DEV (dev mode, for the Inngest dev server) nor INNGEST_SIGNING_KEY (to check that requests come from Inngest). Set one of them and restart "medallion serve".');
    }
    // Hono keeps the body's text, so the SDK reads it again.
    if (client.mode === 'dev' && c.req.method === 'POST' && c.req.query('probe') === undefined) checkRunRequest(c, await jsonBodyOf(c), functionIds);
    let response: Response;
    try {
      response = await options.handler(c);
    } catch (error) {
      // The SDK parses the body before anything else, outside its own error handling; bodies carry step state
      // (megabytes), so it is not parsed twice to find out beforehand.
      if (error instanceof SyntaxError) throw invalidJson(error);
      throw error;
    }
    return answerOf(c, response, client.mode === 'dev');
  };
}

/** `<app id>-<function id>` for every function, and `…-failure` for those with an onFailure handler (as the SDK registers them). */
function knownFunctionIds(client: Inngest.Any, functions: readonly InngestFunction.Any[]): ReadonlySet<string> {
  return new Set(functions.flatMap((fn) => {
    const id = fn.id(client.id);
    return fn.opts.onFailure === undefined ? [id] : [id, `${id}${FAILURE_SUFFIX}`];
  }));
}

async function jsonBodyOf(c: Context): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw invalidJson(error as SyntaxError);
  }
}

function invalidJson(error: SyntaxError): ApiError {
  return new ApiError(400, 'INVALID_JSON', `The request body is not valid JSON (${error.message}).`);
}

/** What the SDK needs before it can run anything: a known `fnId`, and a JSON object with the triggering `event`. */
function checkRunRequest(c: Context, body: unknown, functionIds: ReadonlySet<string>): void {
  const fnId = c.req.query('fnId');
  if (fnId === undefined || fnId === '') {
    throw new ApiError(400, 'INNGEST_BAD_REQUEST', 'An Inngest run request names its function: POST /api/inngest?fnId=<app id>-<function id>&stepId=step.');
  }
  if (!functionIds.has(fnId)) {
    throw new ApiError(404, 'INNGEST_FUNCTION_UNKNOWN', `No Inngest function ${JSON.stringify(fnId.slice(0, 200))} is served here; GET /api/inngest (dev mode) or the Inngest UI lists them. Resync the app if it changed.`);
  }
  const event = (body as { event?: unknown } | null | undefined)?.event;
  if (typeof body !== 'object' || body === null || Array.isArray(body) || typeof event !== 'object' || event === null || Array.isArray(event)) {
    throw new ApiError(400, 'INNGEST_BAD_REQUEST', 'An Inngest run request is a JSON object with the triggering "event" (an object), as the Inngest executor sends it.');
  }
}

/** The SDK's answer, with its own refusals and internal errors turned into the app's errors. */
async function answerOf(c: Context, response: Response, isDev: boolean): Promise<Response> {
  // Signatures are not checked in dev mode: there the SDK's 401 means a POST without a body.
  if (response.status === 401 && isDev) throw new ApiError(400, 'INNGEST_BAD_REQUEST', 'A POST to /api/inngest carries a JSON body, as the Inngest executor sends it.');
  if (response.status === 401) {
    throw new ApiError(401, 'UNAUTHORIZED', 'The request is not signed with this server\'s INNGEST_SIGNING_KEY (X-Inngest-Signature): only Inngest calls /api/inngest.');
  }
  const probe = c.req.query('probe');
  if (probe !== undefined && response.status === 400) throw unknownProbe(probe);
  if (response.status < 500) return response;
  const answer = (await response.clone().json().catch(() => undefined)) as { type?: unknown; message?: unknown } | undefined;
  const message = typeof answer?.message === 'string' ? answer.message : '';
  if (c.req.method === 'PUT') {
    throw new ApiError(502, 'INNGEST_SYNC_FAILED', `Could not register the functions with Inngest (${firstLine(message) || `HTTP ${response.status}`}); check INNGEST_BASE_URL or INNGEST_DEV and that the Inngest server is up.`);
  }
  if (answer?.type !== 'internal') return response; // a function's own failure: the executor retries it
  const refusal = SDK_REFUSALS.find((known) => known.pattern.test(message));
  if (refusal !== undefined) throw new ApiError(refusal.status, refusal.status === 404 ? 'INNGEST_FUNCTION_UNKNOWN' : 'INNGEST_BAD_REQUEST', refusal.message);
  throw new Error(`The Inngest SDK failed on ${c.req.method} /api/inngest: ${message}`);
}

function unknownProbe(probe: string): ApiError {
  return new ApiError(400, 'INNGEST_BAD_REQUEST', `Unknown probe ${JSON.stringify(probe.slice(0, 100))}; the Inngest SDK answers ?probe=${[...PROBES].join(', ')}.`);
}

function firstLine(text: string): string {
  return text.split('\n', 1)[0]!.trim().slice(0, 300);
}
