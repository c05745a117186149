/**
 * The application entry point behind the `medallion` executable: the framework's CLI over the project's
 * config (`--config PATH`, else the nearest medallion.config.*), with `serve` wired in, and telemetry around
 * whichever command runs.
 */
import { errorMessage, exitCodeFor, MEDALLION_PACKAGE, runCli, setupTelemetry, type Telemetry } from '../runtime/cli.ts';
import { serveCommand } from './serve-command.ts';

let telemetry: Telemetry;
try {
  // Before any command runs, so its runs, assets, steps, HTTP calls and storage operations are exported.
  telemetry = await setupTelemetry(process.env, { serviceVersion: MEDALLION_PACKAGE.version });
} catch (error) {
  process.stderr.write(`medallion: ${errorMessage(error)}\n`);
  process.exit(exitCodeFor(error));
}
try {
  process.exitCode = await runCli(process.argv.slice(2), { commands: { serve: serveCommand } });
} finally {
  // Flushes the last spans: after a command, and after `serve` stops on SIGINT/SIGTERM.
  if (!(await telemetry.shutdown())) {
    // An unreachable collector's retries (or a blackholed connect) would hold the finished command for minutes.
    process.stderr.write('medallion: could not export the last spans in time; exiting without them.\n');
    process.exit();
  }
}
