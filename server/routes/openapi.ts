/**
 * `GET /openapi.json`: an OpenAPI 3.1 description of the API. Request schemas come from the same zod
 * schemas the routes validate with (`z.toJSONSchema`), so the document cannot drift from the validation.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../app-env.ts';
import { assetDetailQuery, materializeBody, materializeQuery } from './assets.ts';
import { lineageQuery } from './lineage.ts';
import { reportQuery } from './report.ts';
import { runsQuery } from './runs.ts';

const json = (description: string, schema: object = { type: 'object' }) => ({ description, content: { 'application/json': { schema } } });
const error = (description: string) => json(description, { $ref: '#/components/schemas/Error' });
const keyParameter = {
  name: 'key',
  in: 'path',
  required: true,
  description: 'The asset key, e.g. gold/matches. Its slash may be sent as is (/assets/gold/matches) or encoded (/assets/gold%2Fmatches).',
  schema: { type: 'string' },
};

/** Query parameters from a zod object, one OpenAPI parameter per property. */
function queryParameters(schema: z.ZodObject) {
  const { properties = {}, required = [] } = z.toJSONSchema(schema, { io: 'input' }) as { properties?: Record<string, object>; required?: string[] };
  return Object.entries(properties).map(([name, property]) => ({ name, in: 'query', required: required.includes(name), schema: property }));
}

export function openApiDocument() {
  return {
    openapi: '3.1.0',
    info: { title: 'medallion', version: '0.1.0', description: 'Assets of the Medallion lakehouse: status, lineage, materialization; the Event Grid webhook; Inngest.' },
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'MEDALLION_API_TOKEN' },
        webhookCode: { type: 'apiKey', in: 'query', name: 'code', description: 'MEDALLION_WEBHOOK_SECRET (or the X-Webhook-Secret header)' },
      },
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message'],
              properties: { code: { type: 'string' }, message: { type: 'string' }, suggestions: { type: 'array', items: { type: 'string' } }, issues: { type: 'array' } },
            },
          },
        },
      },
    },
    paths: {
      '/healthz': { get: { summary: 'The process answers', responses: { 200: json('{ status: "ok" }') } } },
      '/readyz': { get: { summary: 'The lake is reachable', responses: { 200: json('{ status: "ready", lake, latencyMs }'), 503: error('The lake is not reachable') } } },
      '/assets': { get: { summary: 'Every asset with its status and last materialization', responses: { 200: json('{ assets: [...] }') } } },
      '/assets/{key}': {
        get: {
          summary: 'One asset: status, stale causes and root causes, partitions, history, upstream and downstream',
          parameters: [keyParameter, ...queryParameters(assetDetailQuery)],
          responses: { 200: json('The asset'), 400: error('Invalid parameters or unknown partition'), 404: error('No such asset; `suggestions` holds the nearest keys') },
        },
      },
      '/assets/{key}/materialize': {
        post: {
          summary: 'Materialize the asset and what it needs (+KEY): send medallion/asset.requested to Inngest, or run in-process',
          security: [{ bearer: [] }],
          parameters: [keyParameter, ...queryParameters(materializeQuery)],
          requestBody: { required: false, content: { 'application/json': { schema: z.toJSONSchema(materializeBody, { io: 'input' }) } } },
          responses: {
            200: json('In-process run: { mode, runId, status, materialized, skipped, failed, outcomes }'),
            202: json('Request sent: { mode: "inngest", event, ids }'),
            400: error('Invalid body or unknown partition'),
            401: error('Missing or wrong bearer token'),
            403: error('MEDALLION_API_TOKEN is not set on the server'),
            404: error('No such asset'),
            413: error('Body too large'),
            415: error('Body is not JSON'),
            502: error('The event could not be sent'),
            503: error('No Inngest configured (use ?run=in-process)'),
          },
        },
      },
      '/lineage': {
        get: {
          summary: 'The asset graph with statuses, as JSON or Mermaid (?format= or Accept)',
          parameters: queryParameters(lineageQuery),
          responses: { 200: { description: 'The graph', content: { 'application/json': { schema: { type: 'object' } }, 'text/vnd.mermaid': { schema: { type: 'string' } } } } },
        },
      },
      '/report': {
        get: {
          summary: "The pipeline's latest data in figures (the runs page's charts): rows per stage and the score histogram, as the assets declare them (report in defineAsset)",
          parameters: queryParameters(reportQuery),
          responses: {
            200: json(
              '{ stages: [{ stage, asset, rows, materializationId, runId, finishedAt }], one per asset declaring report.stage, upstream first (films → releases → candidates → matches here; rows null when never materialized), ' +
                'scores: { asset, materializationId, runId, finishedAt, rows, matches, threshold, binWidth, bins: [{ from, to, count, matches }] } of the asset declaring report.score (gold/matches), or null when it has no data; ' +
                'threshold is the one that materialization recorded under report.score.thresholdMetadataKey (score_threshold)',
            ),
            400: error('Invalid binWidth'),
          },
        },
      },
      '/runs': {
        get: {
          summary: 'The newest runs (medallion materialize and Inngest function runs), newest first; JSON unless a page for browsers answers Accept: text/html',
          parameters: queryParameters(runsQuery),
          responses: {
            200: {
              description: '{ runs: RunSummary[], unreadable: string[] }: each run as GET /runs/{runId} returns it; `unreadable` holds the lake paths of summaries that could not be parsed. A browser (Accept preferring text/html) gets the runs page',
              content: { 'application/json': { schema: { type: 'object' } }, 'text/html': {} },
            },
            400: error('Invalid limit'),
          },
        },
      },
      '/runs/{runId}': {
        get: {
          summary: "One run's summary: selection, times, status, and per asset slot its outcome, wait, duration, attempts, rows, bytes and error",
          parameters: [{ name: 'runId', in: 'path', required: true, description: 'A run id, e.g. 20261126T132633293Z-c5a874, or an Inngest run id', schema: { type: 'string' } }],
          responses: {
            200: json('{ format, runId, instance (the service.instance.id of the process that wrote it), selection, force, partition, startedAt, finishedAt, durationMs, status, outcomes: [{ asset, partition, type, reason, materializationId, dataVersion, rows, quarantined, bytes, waitMs, durationMs, attempts, steps, error, metadata }] }'),
            404: error('No such run; `suggestions` holds the nearest run ids'),
          },
        },
      },
      '/webhooks/eventgrid': {
        options: { summary: 'CloudEvents validation handshake (WebHook-Request-Origin → WebHook-Allowed-Origin)', responses: { 200: { description: 'Accepted origin' } } },
        post: {
          summary: 'Event Grid deliveries (Event Grid or CloudEvents schema): the validation handshake, and BlobCreated in raw → medallion/raw.landed',
          security: [{ webhookCode: [] }],
          responses: {
            200: json('{ validationResponse } or { received, sent, ignored }'),
            400: error('Malformed delivery (not retried by Event Grid)'),
            401: error('Missing or wrong secret'),
            503: error('The event could not be sent, or nothing is configured to send it to (retried)'),
          },
        },
      },
      '/api/inngest': { get: { summary: 'Inngest SDK endpoint (GET/POST/PUT); signed outside dev mode', responses: { 200: { description: 'See the Inngest SDK' } } } },
      '/': { get: { summary: 'The lineage page (HTML)', responses: { 200: { description: 'HTML', content: { 'text/html': {} } } } } },
    },
  };
}

export function openApiRoutes() {
  const routes = new Hono<AppEnv>();
  const document = openApiDocument();
  routes.get('/openapi.json', (c) => c.json(document));
  return routes;
}
