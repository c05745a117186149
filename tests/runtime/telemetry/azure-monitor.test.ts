import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createHttpHeaders, type PipelineRequest } from '@azure/core-rest-pipeline';
import { setupTelemetry, type RunResult } from '../../../runtime/index.ts';
import { type AzureMonitorHttpClient } from '../../../runtime/internal.ts';
import { createTempLake, type TempLake } from '../../support/temp-lake.ts';
import { assertNoSecrets, assertScenarioEnvelopes, envelopesOf, named, type Envelope } from './envelopes.ts';
import { connectionStringFor, runScenario } from './telemetry-scenario.ts';

/** The exporter's transport replaced by one that keeps the envelopes (no TLS, no server). */
function capturingClient(envelopes: Envelope[], urls: string[]): AzureMonitorHttpClient {
  return {
    async sendRequest(request: PipelineRequest) {
      urls.push(request.url);
      const batch = JSON.parse(String(request.body)) as Envelope[];
      envelopes.push(...batch);
      const accepted = JSON.stringify({ itemsReceived: batch.length, itemsAccepted: batch.length, errors: [] });
      return { request, status: 200, headers: createHttpHeaders({ 'content-type': 'application/json' }), bodyAsText: accepted };
    },
  };
}

describe('export to Azure Monitor', () => {
  const envelopes: Envelope[] = [];
  const urls: string[] = [];
  let lake: TempLake;
  let result: RunResult;
  let exporters: readonly string[];
  before(async () => {
    lake = await createTempLake();
    const env = { APPLICATIONINSIGHTS_CONNECTION_STRING: connectionStringFor('https://ingest.example.test/') };
    const telemetry = await setupTelemetry(env, { serviceVersion: '1.2.3', azureMonitorHttpClient: capturingClient(envelopes, urls) });
    exporters = telemetry.exporters;
    result = await runScenario(lake.storage);
    await telemetry.shutdown();
  });
  after(() => lake.cleanup());

  it('exports only to Azure Monitor, posting to the ingestion endpoint of the connection string', () => {
    assert.deepEqual(exporters, ['azure-monitor']);
    assert.equal(result.summary.status, 'failed');
    assert.ok(urls.length > 0 && urls.every((url) => url === 'https://ingest.example.test/v2.1/track'), urls.join(', '));
  });

  it('makes the run a request and its assets, steps, HTTP calls and storage operations dependencies, parent to child', () => {
    assertScenarioEnvelopes(envelopes);
  });

  it('carries the attributes as custom properties and the service as the cloud role', () => {
    const run = named(envelopesOf(envelopes, 'Request'), 'medallion.run');
    assert.equal(run.data.baseData.properties!['medallion.run_id'], result.runId);
    assert.equal(run.data.baseData.properties!['medallion.run.status'], 'failed');
    assert.equal(run.tags['ai.cloud.role'], 'medallion.medallion');
    assert.equal(run.tags['ai.application.ver'], '1.2.3');
    assert.match(run.tags['ai.cloud.roleInstance']!, new RegExp(`/${process.pid}$`));
    const names = named(envelopesOf(envelopes, 'RemoteDependency'), 'medallion.materialize intermediate/genre_names');
    assert.equal(names.data.baseData.properties!['medallion.asset.layer'], 'intermediate');
    assert.equal(names.data.baseData.properties!['medallion.code_version'], '1');
    const put = envelopesOf(envelopes, 'RemoteDependency').find((envelope) => envelope.data.baseData.name === 'medallion.storage.put');
    assert.match(put!.data.baseData.properties!['medallion.storage.path']!, /^[a-z]+\//);
    assert.match(put!.data.baseData.properties!['medallion.bytes']!, /^\d+$/);
  });

  it('redacts the credential from the HTTP dependency and puts no secret in any envelope', () => {
    const urls = envelopesOf(envelopes, 'RemoteDependency').filter((envelope) => envelope.data.baseData.type === 'Http').map((envelope) => envelope.data.baseData.data);
    assert.deepEqual(urls.sort(), ['https://tmdb.test/3/genre/movie/list?api_key=***', 'https://tmdb.test/3/movie/603?api_key=***']);
    assertNoSecrets(envelopes);
  });
});
