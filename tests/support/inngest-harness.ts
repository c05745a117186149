// Drives an Inngest `serve()` handler in-process the way the Inngest server does (research/inngest-v4.md §2,
// probes/inngest-protocol-harness.ts), as checked against the real server (tests/e2e/): POST per request with
// memoized step state, retries with attempt counters, parallel steps, onFailure. Like the real server, a run's
// first request carries the function's internal id (`ctx.fn_id`), so the v4 SDK checkpoints: it runs step after
// step in that one request, posts them to `/v1/checkpoint/<run>/async`, and ends with a `RunComplete` op; a
// retry asks for its step by id and runs one step per request. A fake server catches what the SDK sends
// (events, the sync, checkpoints) and a small router delivers events to the functions whose registered
// triggers match. Flow control (concurrency, debounce) is the server's: it is only visible in the config.
import { createHmac } from 'node:crypto';
import canonicalize from 'canonicalize';

/** What the harness needs of an app: Hono's `request` (any app, whatever its environment type). */
export interface RequestTarget {
  request(input: string, init?: RequestInit): Response | Promise<Response>;
}

export interface Op { id: string; op: string; name?: string; displayName?: string; data?: unknown; error?: { name?: string; message?: string }; opts?: unknown }
export interface SentEvent { name: string; data: Record<string, unknown>; id?: string; ts?: number }
export interface RegisteredFunction {
  id: string;
  name: string;
  triggers: { event?: string; expression?: string; cron?: string }[];
  steps: Record<string, { retries?: { attempts?: number } }>;
  concurrency?: { limit: number; key?: string }[];
  debounce?: { period: string; key?: string; timeout?: string };
}
export interface RunResult {
  fnId: string;
  runId: string;
  event: SentEvent;
  status: 'completed' | 'failed' | 'pending';
  output: unknown;
  error: { name?: string; message?: string } | undefined;
  trace: string[];
}

/**
 * What the SDK sends to Inngest, answered as Inngest would: events (`/e/<key>`), syncs (`/fn/register`) and
 * the steps a checkpointing run reports as it goes (`/v1/checkpoint/<run id>/async`).
 */
export function createFakeInngestServer() {
  const sent: SentEvent[] = [];
  const registrations: { url: string; appName: string; functions: RegisteredFunction[] }[] = [];
  const checkpoints = new Map<string, Op[]>();
  const fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const body = init?.body === undefined || init.body === null ? undefined : (JSON.parse(String(init.body)) as unknown);
    const { pathname } = new URL(url);
    if (/\/e\/[^/]*$/.test(pathname)) {
      const events = (Array.isArray(body) ? body : [body]) as SentEvent[];
      sent.push(...events);
      return Response.json({ ids: events.map((_, index) => `evt-${sent.length}-${index}`), status: 200 });
    }
    if (url.includes('/fn/register')) {
      registrations.push(body as (typeof registrations)[number]);
      return Response.json({ ok: true, modified: true });
    }
    const checkpoint = /^\/v1\/checkpoint\/([^/]+)\/async$/.exec(pathname);
    if (checkpoint !== null) {
      const runId = decodeURIComponent(checkpoint[1]!);
      checkpoints.set(runId, [...(checkpoints.get(runId) ?? []), ...(body as { steps: Op[] }).steps]);
      return new Response(null, { status: 200 });
    }
    return Response.json({ error: `not served by the fake Inngest server: ${url}` }, { status: 404 });
  }) as typeof globalThis.fetch;
  return {
    fetch,
    sent,
    registrations,
    /** Removes and returns what was sent since the last call. */
    drain: (): SentEvent[] => sent.splice(0, sent.length),
    /** Removes and returns the steps run `runId` checkpointed since the last call. */
    takeCheckpoints(runId: string): Op[] {
      const steps = checkpoints.get(runId) ?? [];
      checkpoints.delete(runId);
      return steps;
    },
  };
}

export type FakeInngestServer = ReturnType<typeof createFakeInngestServer>;

let runCounter = 0;
/** The function's internal id, as the server puts it in `ctx.fn_id` (any UUID: the SDK only passes it back). */
const FUNCTION_UUID = '00000000-0000-4000-8000-00000000f00d';

/** One run of `fnId` (`<app id>-<function id>`) for `event`, from its first request until it resolves or fails. */
export async function driveRun(app: RequestTarget, options: {
  fnId: string; event: SentEvent; maxAttempts: number; runId?: string; path?: string; headers?: Record<string, string>;
  resolve?: (op: Op) => unknown;
  /** Stop after this many requests, as if the executor had not called back yet (status 'pending'). */
  maxRequests?: number;
  /**
   * The fake server the SDK checkpoints to: with it, requests carry `ctx.fn_id` as the real server's do and
   * the SDK runs the steps in one request. Without it, one step per request (what a retry gets).
   */
  server?: FakeInngestServer;
}): Promise<RunResult> {
  const path = options.path ?? '/api/inngest';
  const runId = options.runId ?? `01TESTRUN${String(++runCounter).padStart(6, '0')}`;
  const steps: Record<string, unknown> = {};
  const stack: string[] = [];
  const trace: string[] = [];
  let attempt = 0;
  const done = (status: RunResult['status'], output: unknown, error?: RunResult['error']): RunResult =>
    ({ fnId: options.fnId, runId, event: options.event, status, output, error, trace });
  const store = (id: string, value: unknown) => { steps[id] = value; stack.push(id); };
  const pending: string[] = [];
  for (let request = 0; request < 500; request++) {
    if (request === options.maxRequests) return done('pending', undefined);
    const stepId = pending.shift() ?? 'step';
    const checkpointing = options.server === undefined ? {} : { fn_id: FUNCTION_UUID, qi_id: `${runId}-${request}` };
    const body = {
      event: options.event, events: [options.event], steps, version: 2,
      ctx: { run_id: runId, attempt, max_attempts: options.maxAttempts, disable_immediate_execution: false, use_api: false, stack: { stack, current: stack.length }, ...checkpointing },
    };
    const response = await app.request(`${path}?fnId=${encodeURIComponent(options.fnId)}&stepId=${encodeURIComponent(stepId)}`, {
      method: 'POST', headers: { 'content-type': 'application/json', ...options.headers }, body: JSON.stringify(body),
    });
    const text = await response.text();
    const json = text === '' ? null : (JSON.parse(text) as unknown);
    const noRetry = response.headers.get('x-inngest-no-retry');
    const tag = `[attempt ${attempt}] ${response.status}`;
    for (const op of options.server?.takeCheckpoints(runId) ?? []) {
      trace.push(`[attempt ${attempt}] checkpoint ${op.op} ${op.displayName ?? op.name ?? ''}`);
      if (op.op === 'StepRun') store(op.id, { type: 'data', data: op.data });
    }
    if (response.status === 200) {
      trace.push(`${tag} resolved`);
      return done('completed', json);
    }
    if (response.status !== 206) {
      // Anything but 200 and 206 is the SDK's serialized error.
      const error = json as { name?: string; message?: string } | null;
      trace.push(`${tag} rejected (no-retry ${noRetry}): ${error?.message ?? text}`);
      if (noRetry === 'false' && attempt + 1 < options.maxAttempts) {
        attempt++;
        pending.unshift(stepId);
        continue;
      }
      return done('failed', undefined, error ?? { message: text });
    }
    let completed: { output: unknown } | undefined;
    for (const op of json as Op[]) {
      const label = `${tag} ${op.op} ${op.displayName ?? op.name ?? ''}`;
      switch (op.op) {
        case 'RunComplete':
          trace.push(`${tag} resolved (checkpointed)`);
          completed = { output: op.data };
          break;
        case 'StepRun':
          trace.push(label);
          store(op.id, { type: 'data', data: op.data });
          attempt = 0;
          break;
        case 'StepError':
          trace.push(`${label} error (retry-after ${response.headers.get('retry-after')}): ${op.error?.message}`);
          attempt++;
          pending.unshift(op.id);
          break;
        case 'StepFailed':
          trace.push(`${label} failed: ${op.error?.message}`);
          store(op.id, { type: 'error', error: op.error });
          attempt = 0;
          break;
        case 'StepPlanned':
          trace.push(label);
          pending.push(op.id);
          break;
        case 'Sleep': case 'WaitForEvent': case 'InvokeFunction': {
          trace.push(label);
          store(op.id, { type: 'data', data: options.resolve?.(op) ?? null });
          break;
        }
        default:
          trace.push(`${label} (not simulated)`);
      }
    }
    if (completed !== undefined) return done('completed', completed.output);
  }
  throw new Error(`driveRun: ${options.fnId} did not settle in 500 requests:\n${trace.join('\n')}`);
}

/** Evaluates the trigger expressions medallion registers: `||` of `&&` of `<path> == '<literal>'`. */
export function matchesExpression(expression: string | undefined, event: SentEvent): boolean {
  if (expression === undefined || expression.trim() === '') return true;
  return expression.split('||').some((conjunction) => conjunction.split('&&').every((comparison) => {
    const match = /^\s*([a-z_.]+)\s*==\s*(['"])(.*)\2\s*$/.exec(comparison);
    if (match === null) throw new Error(`matchesExpression: unsupported expression "${comparison}"`);
    const value = match[1]!.split('.').reduce<unknown>((object, key) => (object as Record<string, unknown> | undefined)?.[key], { event });
    return value === match[3];
  }));
}

/**
 * Delivers events to every registered function whose triggers match, runs them, and delivers what they send
 * in turn (a failed run sends `inngest/function.failed`, as the server does), until nothing is left.
 */
export async function deliverEvents(app: RequestTarget, options: {
  appId: string; functions: readonly RegisteredFunction[]; events: SentEvent[]; server: FakeInngestServer; maxRuns?: number;
}): Promise<RunResult[]> {
  const runs: RunResult[] = [];
  const queue = [...options.events];
  while (queue.length > 0) {
    const event = queue.shift()!;
    for (const fn of options.functions) {
      if (!fn.triggers.some((trigger) => trigger.event === event.name && matchesExpression(trigger.expression, event))) continue;
      if (runs.length >= (options.maxRuns ?? 100)) throw new Error(`deliverEvents: more than ${options.maxRuns ?? 100} runs`);
      const maxAttempts = (fn.steps['step']?.retries?.attempts ?? 3) + 1;
      const run = await driveRun(app, { fnId: fn.id, event, maxAttempts, server: options.server });
      runs.push(run);
      queue.push(...options.server.drain());
      if (run.status === 'failed' && !fn.id.endsWith('-failure')) {
        queue.push({ name: 'inngest/function.failed', data: { function_id: fn.id, run_id: run.runId, error: run.error ?? {}, event } });
      }
    }
  }
  return runs;
}

/** Syncs the app (PUT, as the dev server or `inngest start` does on discovery) and returns what it registered. */
export async function syncApp(app: RequestTarget, fake: ReturnType<typeof createFakeInngestServer>, path = '/api/inngest') {
  const response = await app.request(`http://localhost:3000${path}`, { method: 'PUT' });
  if (response.status !== 200) throw new Error(`syncApp: PUT ${path} answered ${response.status}: ${await response.text()}`);
  return fake.registrations.at(-1)!;
}

/**
 * The `X-Inngest-Signature` Inngest puts on a request in cloud mode (research/inngest-v4.md §2): HMAC-SHA256
 * keyed with the signing key minus its `signkey-<env>-` prefix, over the canonical JSON of the body followed
 * by the timestamp.
 */
export function inngestSignature(body: string, signingKey: string, timestamp = Math.floor(Date.now() / 1000)): string {
  const mac = createHmac('sha256', signingKey.replace(/^signkey-\w+-/, '')).update(canonicalize(JSON.parse(body))! + String(timestamp)).digest('hex');
  return `t=${timestamp}&s=${mac}`;
}
