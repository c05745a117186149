/**
 * The Azure Monitor trace exporter (@azure/monitor-opentelemetry-exporter, pinned to 1.0.0-beta.47), built so
 * that it talks to the connection string's ingestion endpoint and to no other Microsoft host.
 */
import type { AzureMonitorExporterOptions } from '@azure/monitor-opentelemetry-exporter';
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';
import { ConfigError, errorMessage } from '../errors.ts';

/** The transport the exporter posts envelopes with; tests pass one that captures them. */
export type AzureMonitorHttpClient = NonNullable<AzureMonitorExporterOptions['httpClient']>;

/**
 * Read from process.env by the exporter's constructors, so they must be set before it is built. The legacy
 * switch stops statsbeat altogether (IMDS at 169.254.169.254 and the statsbeat ingestion hosts); the other
 * two cover the non-essential network statsbeat and customer SDK stats should a code path skip that check.
 */
export const QUIET_EXPORTER_ENV: Readonly<Record<string, string>> = {
  APPLICATION_INSIGHTS_NO_STATSBEAT: 'true',
  APPLICATIONINSIGHTS_STATSBEAT_DISABLED: 'true',
  APPLICATIONINSIGHTS_SDKSTATS_DISABLED: 'true',
};

export async function createAzureMonitorExporter(connectionString: string, httpClient?: AzureMonitorHttpClient): Promise<SpanExporter> {
  Object.assign(process.env, QUIET_EXPORTER_ENV);
  // Found before the exporter is built, so that when it cannot be stopped no poll was ever started.
  const oneSettings = await loadOneSettingsManager();
  const { AzureMonitorTraceExporter } = await import('@azure/monitor-opentelemetry-exporter');
  let exporter: SpanExporter;
  try {
    // Offline storage would persist failed batches in a temp folder and replay them on timers.
    exporter = new AzureMonitorTraceExporter({ connectionString, disableOfflineStorage: true, ...(httpClient === undefined ? {} : { httpClient }) });
  } catch (error) {
    // No cause attached: nothing that could carry the connection string travels on.
    const reason = errorMessage(error).split(connectionString).join('…');
    throw new ConfigError(`APPLICATIONINSIGHTS_CONNECTION_STRING is not a usable connection string: ${reason}`);
  }
  oneSettings.shutdown();
  return exporter;
}

interface OneSettingsManager {
  shutdown(): void;
}

/**
 * The owner of the OneSettings poll. Every exporter constructor starts a process-wide poll of
 * settings.sdk.monitor.azure.com, 5–15 s later on an unref'd timer, then hourly; no option or environment
 * variable turns it off (research: azure-storage-identity-otel §0). Its owner, the internal
 * ConfigurationManager singleton, has a documented `shutdown()` that cancels the timer, but the package does
 * not export it, so it is loaded from its file beside the entry point: the URL the exporter itself imports,
 * hence the same singleton. If a new version moves it, this fails loudly rather than let the poll run;
 * tests/runtime/telemetry/background-calls.test.ts proves the poll is gone.
 */
async function loadOneSettingsManager(): Promise<OneSettingsManager> {
  const entry = import.meta.resolve('@azure/monitor-opentelemetry-exporter');
  const url = new URL('./_configuration/configurationManager.js', entry).href;
  const loaded = (await import(url).catch(() => ({}))) as { ConfigurationManager?: { getInstance?: () => Partial<OneSettingsManager> } };
  const manager = loaded.ConfigurationManager?.getInstance?.();
  if (typeof manager?.shutdown !== 'function') {
    throw new ConfigError(
      'Cannot stop the Azure Monitor exporter\'s OneSettings poll: @azure/monitor-opentelemetry-exporter is not the pinned 1.0.0-beta.47. ' +
        'Reinstall the pinned version, or unset APPLICATIONINSIGHTS_CONNECTION_STRING.',
    );
  }
  return manager as OneSettingsManager;
}
