/**
 * The application entry point behind the `medallion` executable: the framework's CLI with this project's
 * asset graph and the emulator command wired in, and telemetry around whichever command runs.
 */
import packageJson from '../package.json' with { type: 'json' };
import { emulateCommand } from '../assets/sources/emulator/emulate-command.ts';
import { errorMessage, exitCodeFor, runCli, setupTelemetry, type Telemetry } from '../runtime/index.ts';
import { createGraphFromEnvironment } from './pipeline-graph.ts';
import { serveCommand } from './serve-command.ts';

let telemetry: Telemetry;
try {
  // Before any command runs, so its runs, assets, steps, HTTP calls and storage operations are exported.
  telemetry = await setupTelemetry(process.env, { serviceVersion: packageJson.version });
} catch (error) {
  process.stderr.write(`medallion: ${errorMessage(error)}\n`);
  process.exit(exitCodeFor(error));
}
try {
  process.exitCode = await runCli(process.argv.slice(2), {
    graph: () => createGraphFromEnvironment(process.env),
    commands: { emulate: emulateCommand, serve: serveCommand },
  });
} finally {
  // Flushes the last spans: after a command, and after `serve` stops on SIGINT/SIGTERM.
  if (!(await telemetry.shutdown())) {
    // An unreachable collector's retries (or a blackholed connect) would hold the finished command for minutes.
    process.stderr.write('medallion: could not export the last spans in time; exiting without them.\n');
    process.exit();
  }
}
