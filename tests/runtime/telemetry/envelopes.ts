// Application Insights envelopes as the exporter posts them (research: azure-storage-identity-otel §3), and
// the checks both Azure Monitor tests make on the scenario's.
import assert from 'node:assert/strict';
import { INSTRUMENTATION_KEY, SOURCE_SECRET } from './telemetry-scenario.ts';

export interface Envelope {
  name: string;
  iKey: string;
  tags: Record<string, string>;
  data: { baseType: string; baseData: BaseData };
}

interface BaseData {
  id?: string;
  name?: string;
  type?: string;
  data?: string;
  success?: boolean;
  properties?: Record<string, string>;
  exceptions?: { typeName: string; message: string; stack: string }[];
}

export const envelopesOf = (envelopes: readonly Envelope[], type: 'Request' | 'RemoteDependency' | 'Exception' | 'Metric') =>
  envelopes.filter((envelope) => envelope.name === `Microsoft.ApplicationInsights.${type}`);

export function named(envelopes: readonly Envelope[], name: string): Envelope {
  const found = envelopes.find((envelope) => envelope.data.baseData.name === name);
  assert.ok(found, `no envelope named "${name}" among: ${envelopes.map((envelope) => envelope.data.baseData.name).join(', ')}`);
  return found;
}

/**
 * The run is a request, its assets and steps in-process dependencies chained by parent id, all one
 * operation; the refused asset fails with an exception envelope.
 */
export function assertScenarioEnvelopes(envelopes: readonly Envelope[]): void {
  const [run, ...others] = envelopesOf(envelopes, 'Request');
  assert.equal(others.length, 0, 'exactly one request: the run');
  assert.equal(run!.data.baseData.name, 'medallion.run');
  assert.equal(run!.data.baseData.success, false, 'the run failed (raw/refused)');
  const dependencies = envelopesOf(envelopes, 'RemoteDependency');
  const genres = named(dependencies, 'medallion.materialize raw/genres');
  const step = named(dependencies, 'medallion.step fetch-genres');
  const refused = named(dependencies, 'medallion.materialize raw/refused');
  const operation = run!.tags['ai.operation.id'];
  assert.match(operation!, /^[0-9a-f]{32}$/);
  for (const envelope of [genres, step, refused]) {
    assert.equal(envelope.data.baseData.type, 'InProc');
    assert.equal(envelope.tags['ai.operation.id'], operation);
  }
  assert.equal(run!.tags['ai.operation.parentId'], undefined, 'the run is the root');
  assert.equal(genres.tags['ai.operation.parentId'], run!.data.baseData.id);
  assert.equal(step.tags['ai.operation.parentId'], genres.data.baseData.id);
  const http = dependencies.filter((envelope) => envelope.tags['ai.operation.parentId'] === step.data.baseData.id && envelope.data.baseData.type === 'Http');
  assert.equal(http.length, 1, 'the TMDB call is an HTTP dependency under the step');
  assert.ok(dependencies.some((envelope) => envelope.data.baseData.name === 'medallion.storage.put' && envelope.tags['ai.operation.id'] === operation));
  const properties = genres.data.baseData.properties!;
  assert.equal(properties['medallion.asset.key'], 'raw/genres');
  assert.equal(properties['medallion.rows'], '2');
  assert.equal(properties['medallion.outcome'], 'materialized');
  assert.match(properties['medallion.data_version']!, /^[0-9a-f]{64}$/);
  assert.equal(step.data.baseData.properties!['medallion.step.id'], 'fetch-genres');
  assert.equal(refused.data.baseData.success, false);
  const exception = envelopesOf(envelopes, 'Exception').find((envelope) => envelope.tags['ai.operation.parentId'] === refused.data.baseData.id);
  assert.ok(exception, 'an exception envelope under raw/refused');
  assert.match(exception.data.baseData.exceptions![0]!.message, /raw\/refused failed/);
}

/** Neither the source credential nor the connection string anywhere; the instrumentation key only as `iKey`. */
export function assertNoSecrets(envelopes: readonly Envelope[]): void {
  const json = JSON.stringify(envelopes.map(({ iKey: _routing, ...rest }) => rest));
  assert.ok(envelopes.length > 0);
  assert.ok(!json.includes(SOURCE_SECRET), 'the TMDB API key leaked into an envelope');
  assert.ok(!json.includes(INSTRUMENTATION_KEY), 'the instrumentation key appears outside the iKey field');
  assert.ok(!/InstrumentationKey=|IngestionEndpoint=/i.test(json), 'the connection string leaked');
  assert.ok(envelopes.every((envelope) => envelope.iKey === INSTRUMENTATION_KEY));
}
