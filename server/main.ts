/**
 * The application entry point behind the `medallion` executable: the framework's CLI with this project's
 * asset graph and the emulator command wired in.
 */
import { emulateCommand } from '../assets/sources/emulator/emulate-command.ts';
import { runCli } from '../runtime/index.ts';
import { createGraphFromEnvironment } from './pipeline-graph.ts';
import { serveCommand } from './serve-command.ts';

process.exitCode = await runCli(process.argv.slice(2), {
  graph: () => createGraphFromEnvironment(process.env),
  commands: { emulate: emulateCommand, serve: serveCommand },
});
