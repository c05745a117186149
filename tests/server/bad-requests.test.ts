// The outside probe of issue 13 kept as a suite: about a hundred bad HTTP inputs across every route, each answered
// with a 4xx (never a 5xx), a JSON error `{ error: { code, message } }`, and nothing of the server's insides
// (no stack trace, no absolute path). A row names what was wrong; `code` pins the error code where it matters.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Inngest, type Logger } from 'inngest';
import { createInngestApp } from '../../inngest.config.ts';
import type { TempLake } from '../support/temp-lake.ts';
import { blobCreatedCloudEvent, blobCreatedEventGrid, validationEvent } from './fixtures/event-grid-payloads.ts';
import { createSmallGraph } from './fixtures/small-graph.ts';
import { API_TOKEN, createMixedLake, createTestApp, expectCleanError, WEBHOOK_SECRET } from './fixtures/test-app.ts';

interface BadRequest {
  readonly name: string;
  readonly method?: string;
  readonly path: string;
  readonly headers?: Record<string, string>;
  readonly body?: string;
  /** The exact status; any 4xx when left out. */
  readonly status?: number;
  readonly code?: string;
}

const JSON_TYPE = { 'Content-Type': 'application/json' };
const AUTH = { Authorization: `Bearer ${API_TOKEN}` };
const AUTH_JSON = { ...AUTH, ...JSON_TYPE };
const HOOK = `/webhooks/eventgrid?code=${WEBHOOK_SECRET}`;
const GRID = { ...JSON_TYPE, 'aeg-event-type': 'Notification' };
const FN = 'medallion-materialize-gold-matches';
const RUN = `/api/inngest?fnId=${FN}&stepId=step`;
const runBody = (extra: Record<string, unknown> = {}) => JSON.stringify({
  event: { name: 'medallion/asset.requested', data: { asset: 'gold/matches' } }, events: [], steps: {}, version: 2,
  ctx: { run_id: '01BADREQUEST', attempt: 0, max_attempts: 1, stack: { stack: [], current: 0 } }, ...extra,
});
const grid = (...events: unknown[]) => JSON.stringify(events);
const materialize = (name: string, body: string, extra: Partial<BadRequest> = {}): BadRequest =>
  ({ name: `materialize: ${name}`, method: 'POST', path: '/assets/intermediate/releases/materialize', headers: AUTH_JSON, body, ...extra });
const webhook = (name: string, body: string, extra: Partial<BadRequest> = {}): BadRequest =>
  ({ name: `webhook: ${name}`, method: 'POST', path: HOOK, headers: GRID, body, ...extra });
const inngest = (name: string, path: string, body: string, extra: Partial<BadRequest> = {}): BadRequest =>
  ({ name: `inngest: ${name}`, method: 'POST', path, headers: JSON_TYPE, body, ...extra });

const BAD_REQUESTS: readonly BadRequest[] = [
  // Unknown routes and methods
  { name: 'unknown route', path: '/nope', status: 404, code: 'NOT_FOUND' },
  { name: 'unknown nested route', path: '/api/v1/assets', status: 404 },
  { name: 'POST to a read-only route', method: 'POST', path: '/lineage', status: 404 },
  { name: 'DELETE an asset', method: 'DELETE', path: '/assets/gold/matches', status: 404 },
  { name: 'PUT a materialization', method: 'PUT', path: '/assets/gold/matches/materialize', headers: AUTH_JSON, body: '{}', status: 404 },
  { name: 'PATCH the health probe', method: 'PATCH', path: '/healthz', status: 404 },
  { name: 'POST to /assets', method: 'POST', path: '/assets', headers: AUTH_JSON, body: '{}', status: 404 },
  { name: 'GET the webhook', path: HOOK, status: 404 },
  { name: 'DELETE /api/inngest', method: 'DELETE', path: '/api/inngest', status: 404 },
  { name: 'a path with a NUL', path: '/assets/gold%00matches' },
  { name: 'a path with broken percent-encoding', path: '/assets/gold%E0%A4%Amatches' },

  // GET /assets/:key
  { name: 'asset: misspelt key', path: '/assets/gold/matchs', status: 404, code: 'ASSET_NOT_FOUND' },
  { name: 'asset: key without a layer', path: '/assets/matches', status: 404, code: 'ASSET_NOT_FOUND' },
  { name: 'asset: key too short', path: '/assets/ab', status: 400, code: 'INVALID_REQUEST' },
  { name: 'asset: key too long', path: `/assets/gold/${'m'.repeat(300)}`, status: 400, code: 'INVALID_REQUEST' },
  { name: 'asset: encoded traversal', path: '/assets/gold%2F..%2F..%2Fetc%2Fpasswd', status: 404 },
  { name: 'asset: traversal in the path', path: '/assets/../../etc/passwd', status: 404 },
  { name: 'asset: selection syntax as a key', path: '/assets/%2Bgold%2Fmatches', status: 404, code: 'ASSET_NOT_FOUND' },
  { name: 'asset: a group as a key', path: '/assets/group:intermediate', status: 404, code: 'ASSET_NOT_FOUND' },
  { name: 'asset: limit 0', path: '/assets/gold/matches?limit=0', status: 400, code: 'INVALID_REQUEST' },
  { name: 'asset: limit not a number', path: '/assets/gold/matches?limit=ten', status: 400 },
  { name: 'asset: limit too large', path: '/assets/gold/matches?limit=100000', status: 400 },
  { name: 'asset: negative limit', path: '/assets/gold/matches?limit=-1', status: 400 },
  { name: 'asset: fractional limit', path: '/assets/gold/matches?limit=1.5', status: 400 },
  { name: 'asset: limit twice', path: '/assets/gold/matches?limit=1&limit=2', status: 400 },
  { name: 'asset: partition traversal', path: '/assets/raw/releases?partition=..%2Fetc', status: 400, code: 'INVALID_REQUEST' },
  { name: 'asset: empty partition', path: '/assets/raw/releases?partition=', status: 400 },
  { name: 'asset: partition with NUL', path: '/assets/raw/releases?partition=1990s%00', status: 400 },
  { name: 'asset: partition too long', path: `/assets/raw/releases?partition=${'9'.repeat(200)}`, status: 400 },
  { name: 'asset: unknown partition', path: '/assets/raw/releases?partition=1990', status: 400, code: 'PARTITION_UNKNOWN' },
  { name: 'asset: partition of an unpartitioned asset', path: '/assets/gold/matches?partition=1990s', status: 400, code: 'PARTITION_UNKNOWN' },

  // POST /assets/:key/materialize
  materialize('no bearer token', '{}', { headers: JSON_TYPE, status: 401, code: 'UNAUTHORIZED' }),
  materialize('wrong bearer token', '{}', { headers: { ...JSON_TYPE, Authorization: `Bearer ${API_TOKEN}x` }, status: 401 }),
  materialize('Basic instead of Bearer', '{}', { headers: { ...JSON_TYPE, Authorization: `Basic ${API_TOKEN}` }, status: 401 }),
  materialize('empty bearer', '{}', { headers: { ...JSON_TYPE, Authorization: 'Bearer ' }, status: 401 }),
  materialize('two tokens', '{}', { headers: { ...JSON_TYPE, Authorization: `Bearer ${API_TOKEN} ${API_TOKEN}` }, status: 401 }),
  materialize('token in the query', '{}', { path: `/assets/intermediate/releases/materialize?token=${API_TOKEN}`, headers: JSON_TYPE, status: 401 }),
  materialize('truncated JSON', '{"force": tru', { status: 400, code: 'INVALID_JSON' }),
  materialize('JSON array', '[]', { status: 400, code: 'INVALID_REQUEST' }),
  materialize('JSON string', '"force"', { status: 400, code: 'INVALID_REQUEST' }),
  materialize('JSON number', '42', { status: 400, code: 'INVALID_REQUEST' }),
  materialize('JSON null', 'null', { status: 400, code: 'INVALID_REQUEST' }),
  materialize('unknown field', '{"forse": true}', { status: 400, code: 'INVALID_REQUEST' }),
  materialize('force as a string', '{"force": "yes"}', { status: 400, code: 'INVALID_REQUEST' }),
  materialize('partition as a number', '{"partition": 1990}', { status: 400, code: 'INVALID_REQUEST' }),
  materialize('unknown run mode', '{"run": "spark"}', { status: 400, code: 'INVALID_REQUEST' }),
  materialize('deeply nested value', `{"force": ${'['.repeat(500)}${']'.repeat(500)}}`, { status: 400 }),
  materialize('form-encoded body', 'force=true', { headers: { ...AUTH, 'Content-Type': 'application/x-www-form-urlencoded' }, status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' }),
  materialize('text/plain body', '{"force": true}', { headers: { ...AUTH, 'Content-Type': 'text/plain' }, status: 415 }),
  materialize('body without a content type', '{"force": true}', { headers: AUTH, status: 415 }),
  materialize('oversize body', JSON.stringify({ partition: '1990s', padding: 'x'.repeat(40_000) }), { status: 413, code: 'PAYLOAD_TOO_LARGE' }),
  materialize('unknown run query', '{}', { path: '/assets/intermediate/releases/materialize?run=later', status: 400 }),
  materialize('unknown asset', '{}', { path: '/assets/gold/matchs/materialize', status: 404, code: 'ASSET_NOT_FOUND' }),
  materialize('selection as the key', '{}', { path: '/assets/%2Bgold%2Fmatches/materialize', status: 404 }),
  materialize('union as the key', '{}', { path: '/assets/gold%2Fmatches%2Craw%2Ffilms/materialize', status: 404 }),
  materialize('wildcard as the key', '{}', { path: '/assets/*/materialize', status: 400 }),
  materialize('unknown partition', '{"partition": "1990"}', { status: 400, code: 'PARTITION_UNKNOWN' }),
  materialize('partition traversal', '{"partition": "../1990s"}', { status: 400, code: 'INVALID_REQUEST' }),
  materialize('partition of unpartitioned assets', '{"partition": "1990s"}', { path: '/assets/gold/decades/materialize', status: 400, code: 'PARTITION_UNKNOWN' }),
  { name: 'materialize: GET on the materialize path', path: '/assets/gold/matches/materialize', status: 404 },

  // GET /lineage, /runs, /report
  { name: 'lineage: unknown format', path: '/lineage?format=svg', status: 400, code: 'INVALID_REQUEST' },
  { name: 'lineage: empty format', path: '/lineage?format=', status: 400 },
  { name: 'lineage: format twice', path: '/lineage?format=json&format=mermaid', status: 400 },
  { name: 'runs: limit 0', path: '/runs?limit=0', headers: { Accept: 'application/json' }, status: 400 },
  { name: 'runs: limit not a number', path: '/runs?limit=all', headers: { Accept: 'application/json' }, status: 400 },
  { name: 'runs: limit too large', path: '/runs?limit=5000', headers: { Accept: 'application/json' }, status: 400 },
  { name: 'runs: unknown run', path: '/runs/01NOSUCHRUN', status: 404 },
  { name: 'runs: run id too long', path: `/runs/${'r'.repeat(200)}`, status: 400 },
  { name: 'runs: traversal as a run id', path: '/runs/..%2F..%2Fetc%2Fpasswd' },
  { name: 'runs: NUL in a run id', path: '/runs/01RUN%00' },
  { name: 'report: bin width 0', path: '/report?binWidth=0', status: 400 },
  { name: 'report: bin width not a number', path: '/report?binWidth=wide', status: 400 },
  { name: 'report: bin width too large', path: '/report?binWidth=1', status: 400 },

  // POST /webhooks/eventgrid
  webhook('no secret', grid(blobCreatedEventGrid()), { path: '/webhooks/eventgrid', status: 401, code: 'UNAUTHORIZED' }),
  webhook('wrong secret', grid(blobCreatedEventGrid()), { path: `${HOOK}x`, status: 401 }),
  webhook('secret in the wrong header', grid(blobCreatedEventGrid()), { path: '/webhooks/eventgrid', headers: { ...GRID, Authorization: `Bearer ${WEBHOOK_SECRET}` }, status: 401 }),
  webhook('not JSON', '{"id": ', { status: 400, code: 'MALFORMED_EVENT' }),
  webhook('empty body', '', { status: 400 }),
  webhook('empty array', '[]', { status: 400, code: 'INVALID_REQUEST' }),
  webhook('an object that is no event', '{"hello": "world"}', { status: 400 }),
  webhook('JSON null', 'null', { status: 400 }),
  webhook('a string', '"BlobCreated"', { status: 400 }),
  webhook('an array of numbers', '[1, 2, 3]', { status: 400 }),
  webhook('event without an id', grid({ ...blobCreatedEventGrid(), id: undefined }), { status: 400 }),
  webhook('CloudEvents 0.3', JSON.stringify({ ...blobCreatedCloudEvent(), specversion: '0.3' }), { status: 400 }),
  webhook('subject that is no blob', grid({ ...blobCreatedEventGrid(), subject: '/not/a/blob' }), { status: 400, code: 'MALFORMED_EVENT' }),
  webhook('data as a string', grid({ ...blobCreatedEventGrid(), data: 'text' }), { status: 400, code: 'MALFORMED_EVENT' }),
  webhook('negative content length', grid({ ...blobCreatedEventGrid(), data: { ...blobCreatedEventGrid().data, contentLength: -1 } }), { status: 400 }),
  webhook('traversal', grid(blobCreatedEventGrid({ blob: '../../etc/passwd' })), { status: 400, code: 'UNSAFE_BLOB_PATH' }),
  webhook('traversal below landing', grid(blobCreatedEventGrid({ blob: 'tmdb_movies/landing/../../../x.json' })), { status: 400, code: 'UNSAFE_BLOB_PATH' }),
  webhook('encoded traversal', grid(blobCreatedEventGrid({ blob: 'tmdb_movies/%2E%2E/%2e%2e/x.json' })), { status: 400, code: 'UNSAFE_BLOB_PATH' }),
  webhook('backslash traversal', grid(blobCreatedEventGrid({ blob: 'tmdb_movies\\..\\..\\x.json' })), { status: 400, code: 'UNSAFE_BLOB_PATH' }),
  webhook('absolute path', grid(blobCreatedEventGrid({ blob: '/etc/passwd' })), { status: 400, code: 'UNSAFE_BLOB_PATH' }),
  webhook('NUL in the name', grid(blobCreatedEventGrid({ blob: 'tmdb_movies/landing/a%00.json' })), { status: 400, code: 'UNSAFE_BLOB_PATH' }),
  webhook('CloudEvent with traversal', JSON.stringify(blobCreatedCloudEvent({ blob: '../x.json' })), { headers: { 'Content-Type': 'application/cloudevents+json' }, status: 400, code: 'UNSAFE_BLOB_PATH' }),
  webhook('oversize delivery', grid(blobCreatedEventGrid({ blob: `tmdb_movies/landing/${'x'.repeat(1_100_000)}.json` })), { status: 413 }),
  webhook('validation without a code', grid({ ...validationEvent()[0], data: {} }), { headers: { ...JSON_TYPE, 'aeg-event-type': 'SubscriptionValidation' }, status: 400, code: 'INVALID_HANDSHAKE' }),
  { name: 'webhook: OPTIONS without an origin', method: 'OPTIONS', path: HOOK, status: 400, code: 'INVALID_HANDSHAKE' },
  { name: 'webhook: OPTIONS with a bad origin', method: 'OPTIONS', path: HOOK, headers: { 'WebHook-Request-Origin': 'evil.example/<script>' }, status: 400 },

  // /api/inngest (the real SDK handler, dev mode)
  inngest('no fnId', '/api/inngest', runBody(), { status: 400, code: 'INNGEST_BAD_REQUEST' }),
  inngest('unknown fnId', '/api/inngest?fnId=medallion-nope&stepId=step', runBody(), { status: 404, code: 'INNGEST_FUNCTION_UNKNOWN' }),
  inngest('fnId with a NUL', '/api/inngest?fnId=medallion%00&stepId=step', runBody(), { status: 404 }),
  inngest('not JSON', RUN, '{"event": ', { status: 400, code: 'INVALID_JSON' }),
  inngest('empty body', RUN, '', { status: 400 }),
  inngest('empty object', RUN, '{}', { status: 400 }),
  inngest('an array', RUN, '[]', { status: 400 }),
  inngest('event as a string', RUN, '{"event": "medallion/asset.requested"}', { status: 400 }),
  inngest('steps as a number', RUN, runBody({ steps: 5 }), { status: 400, code: 'INNGEST_BAD_REQUEST' }),
  inngest('run id as a number', RUN, runBody({ ctx: { run_id: 7 } }), { status: 400 }),
  inngest('protocol version 0', RUN, runBody({ version: 0 }), { status: 400 }),
  inngest('unknown probe', '/api/inngest?probe=nope', '{}', { status: 400 }),
  inngest('sync body not JSON', '/api/inngest', '{"url": ', { method: 'PUT', status: 400, code: 'INVALID_JSON' }),
];

describe('bad HTTP requests', () => {
  let lake: TempLake;
  before(async () => { lake = await createMixedLake(); });
  after(async () => { await lake.cleanup(); });

  it(`answers each of ${BAD_REQUESTS.length} bad inputs with a 4xx JSON error that shows nothing of the server`, async () => {
    assert.ok(BAD_REQUESTS.length >= 100, `${BAD_REQUESTS.length} bad inputs`);
    const quiet: Logger = { info() {}, warn() {}, error() {}, debug() {} };
    const client = new Inngest({ id: 'medallion', isDev: true, logger: quiet, internalLogger: quiet, fetch: (async () => Response.json({ ids: [], status: 200 })) as typeof fetch });
    const graph = createSmallGraph({ filmsCodeVersion: '2' });
    const { handler } = createInngestApp({ graph, storage: lake.storage, client });
    const { app, sent, logs } = createTestApp(lake, { graph, inngestHandler: handler });
    const failures: string[] = [];
    for (const bad of BAD_REQUESTS) {
      const response = await app.request(`http://localhost${bad.path}`, { method: bad.method ?? 'GET', headers: bad.headers ?? {}, ...(bad.body === undefined ? {} : { body: bad.body }) });
      try {
        const error = await expectCleanError(response, bad.status ?? ((status) => status >= 400 && status < 500), bad.name);
        if (bad.code !== undefined) assert.equal(error.code, bad.code, bad.name);
      } catch (failure) {
        failures.push((failure as Error).message.split('\n')[0]!);
      }
    }
    assert.deepEqual(failures, []);
    assert.deepEqual(sent, [], 'no bad input sent an event');
    assert.deepEqual(logs, [], 'no bad input was logged as a server error');
  });
});
