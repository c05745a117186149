/**
 * The `medallion` command line: parses arguments, dispatches to one command, and maps errors once to a
 * message and an exit code. Receives the asset graph from its caller, so the framework never imports a
 * pipeline.
 */
import { parseArgs } from 'node:util';
import { errorMessage, isMedallionError, SelectionError, UsageError } from '../errors.ts';
import type { AssetGraph } from '../graph/asset-graph.ts';
import { openLake } from '../storage/open-lake.ts';
import type { Storage } from '../storage/storage.ts';
import { traceStorage } from '../telemetry/traced-storage.ts';
import { COMMON_OPTIONS, type CliCommand, type CliIo, type CommandContext, type OptionSpec } from './command.ts';
import { exportCommand } from './commands/export.ts';
import { lineageCommand } from './commands/lineage.ts';
import { listCommand } from './commands/list.ts';
import { materializeCommand } from './commands/materialize.ts';
import { runsCommand } from './commands/runs.ts';
import { showCommand } from './commands/show.ts';
import { statusCommand } from './commands/status.ts';
import { EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, exitCodeFor } from './exit-codes.ts';
import { nearestMatches } from '../graph/nearest-keys.ts';

export interface CliOptions {
  /** Builds the asset graph; called only by commands that need it. */
  readonly graph: () => AssetGraph | Promise<AssetGraph>;
  /** Extra commands wired by the application (e.g. `serve`, `emulate`). */
  readonly commands?: Readonly<Record<string, CliCommand>>;
  readonly programName?: string;
}

export const BUILTIN_COMMANDS: Readonly<Record<string, CliCommand>> = {
  list: listCommand,
  status: statusCommand,
  materialize: materializeCommand,
  lineage: lineageCommand,
  show: showCommand,
  export: exportCommand,
  runs: runsCommand,
};

export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() };
}

/**
 * Runs one command line and returns the exit code.
 *
 * @example
 * process.exitCode = await runCli(process.argv.slice(2), { graph: () => createAssetGraph(assets) });
 */
export async function runCli(argv: readonly string[], options: CliOptions, io: CliIo = processIo()): Promise<number> {
  const program = options.programName ?? 'medallion';
  const commands = { ...BUILTIN_COMMANDS, ...options.commands };
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(generalHelp(program, commands));
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  const command = commands[name];
  let json = rest.includes('--json');
  try {
    if (command === undefined) {
      const nearest = nearestMatches(name, Object.keys(commands));
      const hint = nearest.length > 0 ? ` Did you mean "${nearest[0]}"?` : '';
      throw new UsageError(`Unknown command "${name}".${hint} Run "${program} --help" for the list of commands.`);
    }
    const allOptions = { ...COMMON_OPTIONS, ...command.options };
    const { values, positionals } = parseCommandArgs(program, name, rest, allOptions);
    json = values.json === true;
    if (values.help === true) {
      io.stdout.write(commandHelp(program, name, command));
      return EXIT_OK;
    }
    let lake: Storage | undefined;
    let graph: Promise<AssetGraph> | undefined;
    const ctx: CommandContext = {
      io,
      positionals,
      values,
      json,
      graph: () => (graph ??= Promise.resolve(options.graph())),
      // Traced here rather than in openLake, so every backend it opens gets storage spans.
      lake: () => (lake ??= traceStorage(openLake(typeof values.lake === 'string' ? values.lake : io.env.MEDALLION_LAKE, io.cwd, { env: io.env }))),
    };
    return await command.run(ctx);
  } catch (error) {
    reportError(io, program, error, json);
    return exitCodeFor(error);
  }
}

function parseCommandArgs(program: string, name: string, args: readonly string[], options: Readonly<Record<string, OptionSpec>>) {
  try {
    const config = Object.fromEntries(
      Object.entries(options).map(([key, spec]) => [key, spec.short === undefined ? { type: spec.type } : { type: spec.type, short: spec.short }]),
    );
    const parsed = parseArgs({ args: [...args], options: config, allowPositionals: true, strict: true });
    return { values: parsed.values as Record<string, string | boolean | undefined>, positionals: parsed.positionals };
  } catch (error) {
    throw new UsageError(`${errorMessage(error).replace(/\. To specify a positional.*$/s, '')}. Run "${program} ${name} --help" for its options.`);
  }
}

function reportError(io: CliIo, program: string, error: unknown, json: boolean): void {
  const code = isMedallionError(error) ? error.code : 'INTERNAL';
  const suggestions = error instanceof SelectionError ? error.suggestions : [];
  if (json) {
    io.stdout.write(`${JSON.stringify({ error: { code, message: errorMessage(error), suggestions } })}\n`);
    return;
  }
  const prefix = isMedallionError(error) ? `${program}: ` : `${program}: unexpected error: `;
  io.stderr.write(`${prefix}${errorMessage(error)}\n`);
  if (exitCodeFor(error) === EXIT_INTERNAL && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
}

function generalHelp(program: string, commands: Readonly<Record<string, CliCommand>>): string {
  const width = Math.max(...Object.keys(commands).map((name) => name.length));
  const lines = Object.entries(commands).map(([name, command]) => `  ${name.padEnd(width)}  ${command.summary}`);
  return `Usage: ${program} <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nEvery command takes --lake PATH and --json. Run "${program} <command> --help" for details.\n`;
}

function commandHelp(program: string, name: string, command: CliCommand): string {
  const options = { ...command.options, ...COMMON_OPTIONS };
  const width = Math.max(...Object.keys(options).map((key) => key.length + (options[key]!.type === 'string' ? 6 : 0)));
  const lines = Object.entries(options).map(([key, spec]) => {
    const flag = `--${key}${spec.type === 'string' ? ' VALUE' : ''}`;
    return `  ${flag.padEnd(width + 2)}  ${spec.description}`;
  });
  return `Usage: ${program} ${name} ${command.usage}\n\n${command.summary}\n\nOptions:\n${lines.join('\n')}\n`;
}

