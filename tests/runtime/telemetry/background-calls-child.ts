// Run by background-calls.test.ts in a child process (netguard and fast-timers preloaded):
//   bare  — builds the Azure Monitor exporter as its README does, nothing turned off (the control);
//   setup — setupTelemetry(process.env), the scenario, shutdown, as the CLI does.
// Either way it then stays alive past the (compressed) OneSettings and statsbeat timers.
import { setTimeout as sleep } from 'node:timers/promises';
import { AzureMonitorTraceExporter } from '@azure/monitor-opentelemetry-exporter';
import { createLocalStorage, setupTelemetry } from '../../../runtime/index.ts';
import { connectionStringFor, runScenario } from './telemetry-scenario.ts';

// Under 5 s, so fast-timers leaves it alone: outlives the 1 s first poll and its retries.
const LINGER_MS = 2500;

if (process.argv[2] === 'bare') {
  new AzureMonitorTraceExporter({ connectionString: connectionStringFor('https://127.0.0.1:9/'), disableOfflineStorage: true });
  await sleep(LINGER_MS);
  process.exit(0); // statsbeat's readers, at 1 s intervals here, would keep it alive
} else {
  const telemetry = await setupTelemetry(process.env);
  const lingering = sleep(LINGER_MS);
  const { summary } = await runScenario(createLocalStorage(process.env.TELEMETRY_TEST_LAKE!));
  const flushed = await telemetry.shutdown();
  process.stdout.write(`${JSON.stringify({ status: summary.status, flushed })}\n`);
  await lingering;
}
