/**
 * The one tracer provider, set up by an entry point: exports to Azure Monitor when
 * APPLICATIONINSIGHTS_CONNECTION_STRING is set, to OTLP/HTTP when an OTLP endpoint is set, nowhere otherwise
 * (then nothing is loaded or registered and the framework's spans stay no-ops).
 */
import type { SpanExporter, SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { createAzureMonitorExporter, type AzureMonitorHttpClient } from './azure-monitor.ts';
import { resourceAttributesOf, serviceInstanceId } from './service-instance.ts';

/** The environment `setupTelemetry` reads its exporters from. */
export type TelemetryEnv = Readonly<Record<string, string | undefined>>;
/** Where spans are exported to. */
export type TelemetryExporter = 'azure-monitor' | 'otlp';

/** `setupTelemetry`'s options: the service version, a test transport, the shutdown timeout. */
export interface SetupTelemetryOptions {
  /** `service.version` on every span (the application's version). */
  readonly serviceVersion?: string;
  /** Replaces the Azure Monitor exporter's transport (tests capture the envelopes with it). */
  readonly azureMonitorHttpClient?: AzureMonitorHttpClient;
  /** The most `shutdown()` waits for the last export (default 10 s), so an unreachable collector cannot hold the exit. */
  readonly shutdownTimeoutMs?: number;
}

/** The telemetry an entry point set up: its exporters, and `shutdown()` to flush them. */
export interface Telemetry {
  /** Which exporters receive spans; empty when telemetry is off. */
  readonly exporters: readonly TelemetryExporter[];
  /**
   * Exports what is buffered, then unregisters the provider. Never throws; resolves false when it gave up at
   * `shutdownTimeoutMs` (the exporters' retries or a connect timeout may then still hold the event loop).
   */
  shutdown(): Promise<boolean>;
}

const OFF: Telemetry = { exporters: [], shutdown: async () => true };

/**
 * Call once, from the entry point, before any work; await `shutdown()` before the process exits.
 *
 * @example
 * const telemetry = await setupTelemetry(process.env, { serviceVersion: '0.1.0' });
 * try { process.exitCode = await runCli(argv, options); } finally { await telemetry.shutdown(); }
 */
export async function setupTelemetry(env: TelemetryEnv, options: SetupTelemetryOptions = {}): Promise<Telemetry> {
  if (isTrue(env.OTEL_SDK_DISABLED)) return OFF;
  const connectionString = valueOf(env.APPLICATIONINSIGHTS_CONNECTION_STRING);
  const otlpUrl = otlpTracesUrl(env);
  if (connectionString === undefined && otlpUrl === undefined) return OFF;
  const flushMs = options.shutdownTimeoutMs ?? 10_000;

  // Loaded only now: a process that exports nothing never pays for the SDK.
  const [{ context, propagation, trace }, { NodeTracerProvider }, { BatchSpanProcessor }, { defaultResource, resourceFromAttributes }] = await Promise.all([
    import('@opentelemetry/api'),
    import('@opentelemetry/sdk-trace-node'),
    import('@opentelemetry/sdk-trace-base'),
    import('@opentelemetry/resources'),
  ]);
  const exporters: { name: TelemetryExporter; exporter: SpanExporter }[] = [];
  if (connectionString !== undefined) {
    exporters.push({ name: 'azure-monitor', exporter: await createAzureMonitorExporter(connectionString, options.azureMonitorHttpClient) });
  }
  if (otlpUrl !== undefined) {
    const { OTLPTraceExporter } = await import('@opentelemetry/exporter-trace-otlp-http');
    // The timeout bounds an export with its retries, so none outlives the shutdown bound.
    exporters.push({ name: 'otlp', exporter: new OTLPTraceExporter({ url: otlpUrl, timeoutMillis: flushMs }) });
  }
  // A run writes many small objects, each a storage span: a larger queue than the default 2048 keeps a
  // burst from being dropped between two 5 s exports.
  const spanProcessors: SpanProcessor[] = exporters.map(({ exporter }) => new BatchSpanProcessor(exporter, { maxQueueSize: 16_384 }));
  const resource = defaultResource().merge(resourceFromAttributes({ ...serviceAttributes(env, options), ...resourceAttributesOf(env) }));
  const provider = new NodeTracerProvider({ resource, spanProcessors });
  provider.register(); // global tracer provider, W3C propagator, and the AsyncLocalStorage context that nests spans

  let stopped: Promise<boolean> | undefined;
  return {
    exporters: exporters.map(({ name }) => name),
    shutdown: () =>
      (stopped ??= withinMs(flushMs, provider.shutdown()).finally(() => {
        // Unregistered so that a later setupTelemetry in the same process (tests) can register its own.
        trace.disable();
        context.disable();
        propagation.disable();
      })),
  };
}

function serviceAttributes(env: TelemetryEnv, options: SetupTelemetryOptions): Record<string, string> {
  return {
    'service.name': 'medallion',
    'service.namespace': 'medallion',
    'service.instance.id': serviceInstanceId(env),
    ...(options.serviceVersion === undefined ? {} : { 'service.version': options.serviceVersion }),
  };
}

/** The signal-specific endpoint is used as is; the generic one gets the `/v1/traces` path (OTLP spec). */
export function otlpTracesUrl(env: TelemetryEnv): string | undefined {
  const traces = valueOf(env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT);
  if (traces !== undefined) return traces;
  const base = valueOf(env.OTEL_EXPORTER_OTLP_ENDPOINT);
  return base === undefined ? undefined : `${base.replace(/\/+$/, '')}/v1/traces`;
}

function valueOf(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

function isTrue(value: string | undefined): boolean {
  return value?.trim().toLowerCase() === 'true';
}

/** Waits for `work`, at most `ms`: true when it settled; telemetry failing must never fail the command it observed. */
async function withinMs(ms: number, work: Promise<unknown>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
    timer.unref();
  });
  try {
    return await Promise.race([work.then(() => true, () => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
