import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { trace } from '@opentelemetry/api';
import { ConfigError, setupTelemetry } from '../../../runtime/index.ts';
import { type AzureMonitorHttpClient } from '../../../runtime/internal.ts';
import { otlpTracesUrl } from '../../../runtime/telemetry/setup-telemetry.ts';
import { connectionStringFor } from './telemetry-scenario.ts';

const isRecording = () => {
  const span = trace.getTracer('probe').startSpan('probe');
  const recording = span.isRecording(); // asked before end(): an ended span no longer records
  span.end();
  return recording;
};

const refuseAll: AzureMonitorHttpClient = {
  sendRequest: () => Promise.reject(new Error('no export expected in this test')),
};

describe('setupTelemetry', () => {
  it('registers nothing when neither APPLICATIONINSIGHTS_CONNECTION_STRING nor an OTLP endpoint is set', async () => {
    const telemetry = await setupTelemetry({ PATH: '/usr/bin', MEDALLION_LAKE: './lake' });
    assert.deepEqual(telemetry.exporters, []);
    assert.equal(isRecording(), false);
    await telemetry.shutdown();
  });

  it('registers nothing when OTEL_SDK_DISABLED=true, whatever else is set', async () => {
    const telemetry = await setupTelemetry({ OTEL_SDK_DISABLED: 'true', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318' });
    assert.deepEqual(telemetry.exporters, []);
    assert.equal(isRecording(), false);
  });

  // The OTLP exporter's own timeout is 10 s: a shutdown that ignored the bound would outlast this test's timeout.
  it('exports to both when both are set, through one provider, and unregisters it on shutdown', { timeout: 8_000 }, async () => {
    const telemetry = await setupTelemetry(
      { APPLICATIONINSIGHTS_CONNECTION_STRING: connectionStringFor('https://127.0.0.1:9/'), OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://127.0.0.1:9/traces' },
      { azureMonitorHttpClient: refuseAll, shutdownTimeoutMs: 300 },
    );
    assert.deepEqual(telemetry.exporters, ['azure-monitor', 'otlp']);
    assert.equal(isRecording(), true);
    // Nothing listens on port 9 and the OTLP exporter retries with backoff: shutdown gives up at the bound.
    await telemetry.shutdown();
    assert.equal(isRecording(), false);
  });

  it('turns statsbeat off in the environment before the Azure Monitor exporter reads it', async () => {
    const telemetry = await setupTelemetry({ APPLICATIONINSIGHTS_CONNECTION_STRING: connectionStringFor('https://127.0.0.1:9/') }, { azureMonitorHttpClient: refuseAll });
    await telemetry.shutdown();
    assert.equal(process.env.APPLICATION_INSIGHTS_NO_STATSBEAT, 'true');
    assert.equal(process.env.APPLICATIONINSIGHTS_STATSBEAT_DISABLED, 'true');
    assert.equal(process.env.APPLICATIONINSIGHTS_SDKSTATS_DISABLED, 'true');
  });

  it('refuses a malformed connection string with a ConfigError that does not repeat it', async () => {
    const secretish = 'InstrumentationKey=not-a-guid-5ec2e7;IngestionEndpoint=https://127.0.0.1:9/';
    await assert.rejects(setupTelemetry({ APPLICATIONINSIGHTS_CONNECTION_STRING: secretish }), (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.match(error.message, /APPLICATIONINSIGHTS_CONNECTION_STRING is not a usable connection string/);
      assert.ok(!error.message.includes('not-a-guid-5ec2e7'));
      return true;
    });
    assert.equal(isRecording(), false);
  });

  it('derives the OTLP traces URL as the OTLP spec says', () => {
    assert.equal(otlpTracesUrl({}), undefined);
    assert.equal(otlpTracesUrl({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }), 'http://collector:4318/v1/traces');
    assert.equal(otlpTracesUrl({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' }), 'http://collector:4318/v1/traces');
    assert.equal(
      otlpTracesUrl({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://other:4318/custom' }),
      'http://other:4318/custom',
    );
  });
});
