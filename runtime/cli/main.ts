/**
 * The `medallion` command line: loads the project's config (`--config PATH`, else the nearest
 * `medallion.config.*`), parses arguments, dispatches to one command, and maps errors once to a message and an
 * exit code. The graph comes from the config, so the framework never imports a pipeline.
 */
import { statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { MedallionConfig } from '../config/define-config.ts';
import { findConfigFile, graphOf, loadConfig, type LoadedConfig } from '../config/load-config.ts';
import { ConfigError, DataCorruptError, DefinitionError, errorMessage, isMedallionError, SelectionError, UsageError } from '../errors.ts';
import type { AssetGraph } from '../graph/asset-graph.ts';
import { openLake } from '../storage/open-lake.ts';
import type { Storage } from '../storage/storage.ts';
import { traceStorage } from '../telemetry/traced-storage.ts';
import { BUILTIN_COMMANDS } from './builtin-commands.ts';
import { COMMON_OPTIONS, type CliCommand, type CliIo, type CommandContext, type OptionSpec } from './command.ts';
import { EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, exitCodeFor } from './exit-codes.ts';
import { didYouMean, nearestMatches } from '../graph/nearest-keys.ts';

/** `runCli`'s options: a config given in code, the program's own commands, its name in messages. */
export interface CliOptions {
  /** The project, given in code; by default it is loaded from `--config PATH`, else the nearest `medallion.config.*`. */
  readonly config?: MedallionConfig;
  /** Commands the program adds to every project's (e.g. `serve`); a config's own commands come beside them. */
  readonly commands?: Readonly<Record<string, CliCommand>>;
  readonly programName?: string;
}


export { BUILTIN_COMMANDS };

/** The CLI's IO for a real process: its stdout, stderr, environment and working directory. */
export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() };
}

/**
 * Runs one command line and returns the exit code.
 *
 * @example
 * process.exitCode = await runCli(process.argv.slice(2), { commands: { serve: serveCommand } });
 */
export async function runCli(argv: readonly string[], options: CliOptions = {}, io: CliIo = processIo()): Promise<number> {
  const program = options.programName ?? 'medallion';
  const builtins = { ...BUILTIN_COMMANDS, ...options.commands };
  let json = argv.includes('--json');
  try {
    const { configPath, args } = takeConfigFlag(argv);
    if (configPath !== undefined && options.config !== undefined) throw new UsageError(`${program} has its config built in; it takes no --config.`);
    let loading: Promise<LoadedConfig> | undefined;
    const project = () =>
      (loading ??= options.config === undefined ? loadConfig({ path: configPath, cwd: io.cwd }) : Promise.resolve({ config: options.config, file: undefined, root: io.cwd }));
    const [name, ...rest] = args;
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
      // The project's own commands only on request: loading a config loads the project and the whole runtime.
      const all = rest.includes('--all');
      const found = options.config === undefined && !all ? (configPath === undefined ? findConfigFile(io.cwd) : resolve(io.cwd, configPath)) : undefined;
      io.stdout.write(await generalHelp(program, builtins, all ? project : undefined, found));
      return name === undefined ? EXIT_USAGE : EXIT_OK;
    }
    // A built-in command's help needs no project; a project's own command is found by loading it (when there is one).
    const hasProject = () => options.config !== undefined || configPath !== undefined || findConfigFile(io.cwd) !== undefined;
    let loaded = !Object.hasOwn(builtins, name) && hasProject() ? await project() : undefined;
    const commands = loaded === undefined ? builtins : commandsOf(builtins, loaded);
    // Own names only: "toString" or "constructor" would otherwise find Object.prototype's.
    const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
    if (command === undefined) {
      const nearest = nearestMatches(name, Object.keys(commands));
      throw new UsageError(`Unknown command "${name}".${didYouMean(nearest)} Run "${program} help --all" for the list of commands.`);
    }
    const allOptions = { ...COMMON_OPTIONS, ...command.options };
    const { values, positionals } = parseCommandArgs(program, name, rest, allOptions);
    json = values.json === true;
    if (values.help === true) {
      io.stdout.write(commandHelp(program, name, command));
      return EXIT_OK;
    }
    if (loaded === undefined && command.withoutConfig !== true) {
      loaded = await project();
      commandsOf(builtins, loaded); // refuses a config command that would replace a built-in one
    }
    let lake: Storage | undefined;
    let graph: Promise<AssetGraph> | undefined;
    const ctx: CommandContext = {
      io,
      positionals,
      values,
      json,
      secrets: loaded?.config.secrets ?? [],
      graph: () => (graph ??= loaded === undefined ? Promise.reject(new Error(`"${name}" runs without a project.`)) : graphOf(loaded.config, io.env)),
      // Traced here rather than in openLake, so every backend it opens gets storage spans.
      lake: () => {
        if (loaded === undefined) throw new Error(`"${name}" runs without a project.`);
        return (lake ??= traceStorage(lakeOf(typeof values.lake === 'string' ? values.lake : undefined, loaded, io)));
      },
    };
    // A --lake given on the command line is checked at once, even by commands that never open it.
    if (typeof values.lake === 'string' && loaded !== undefined) ctx.lake();
    return await command.run(ctx);
  } catch (error) {
    reportError(io, program, error, json);
    return exitCodeFor(error);
  }
}

/** `--config PATH` or `--config=PATH`, anywhere before `--`, taken out of the arguments. */
function takeConfigFlag(argv: readonly string[]): { configPath: string | undefined; args: string[] } {
  const args: string[] = [];
  let configPath: string | undefined;
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index]!;
    if (arg === '--') {
      args.push(...argv.slice(index));
      break;
    }
    if (arg !== '--config' && !arg.startsWith('--config=')) {
      args.push(arg);
      continue;
    }
    const value = arg === '--config' ? argv[++index] : arg.slice('--config='.length);
    if (value === undefined || value.trim() === '' || (arg === '--config' && value.startsWith('-'))) throw new UsageError('--config needs a path, e.g. --config ./medallion.config.ts.');
    configPath = value;
  }
  return { configPath, args };
}

/** The program's commands and the config's; a config may not replace a built-in one. */
function commandsOf(builtins: Readonly<Record<string, CliCommand>>, loaded: LoadedConfig): Readonly<Record<string, CliCommand>> {
  const own = loaded.config.commands ?? {};
  const clash = Object.keys(own).find((name) => Object.hasOwn(builtins, name));
  if (clash !== undefined) {
    const config = loaded.file === undefined ? 'The config' : `The config ${loaded.file}`;
    throw new DefinitionError('DEFINITION_INVALID', `${config} defines a command "${clash}", which is built in; give it another name.`, []);
  }
  return { ...builtins, ...own };
}

/**
 * `--lake` or `MEDALLION_LAKE` (relative to the working directory, as typed), else the config's `lake`, else
 * the default beside the config: a project's lake is the same whichever of its folders the command runs in.
 */
function lakeOf(flag: string | undefined, loaded: LoadedConfig, io: CliIo): Storage {
  const given = flag ?? io.env.MEDALLION_LAKE;
  const isGiven = given !== undefined && given.trim() !== '';
  const storage = isGiven ? openLake(given, io.cwd, { env: io.env }) : openLake(loaded.config.lake, loaded.root, { env: io.env });
  if (isAbsolute(storage.location)) refuseFileAsLake(storage.location, isGiven ? (flag === undefined ? 'MEDALLION_LAKE' : '--lake') : "the config's lake");
  return storage;
}

/**
 * A local lake must be a folder, or not exist yet (it is created on the first write). Checked when the lake is
 * opened, so no command reads a file as an empty lake or fails later on ENOTDIR.
 */
function refuseFileAsLake(folder: string, source: string): void {
  let isFolder: boolean;
  try {
    isFolder = statSync(folder).isDirectory();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOTDIR') return; // absent (created on first write), or unreadable (the backend says why)
    isFolder = false;
  }
  if (!isFolder) {
    throw new ConfigError(`The lake ${folder} (from ${source}) is a file or lies inside one; a lake is a folder. Point ${source} at a folder, existing or not.`);
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
    const corrupt = error instanceof DataCorruptError ? { asset: error.asset, partition: error.partition, file: error.path, repair: error.repair } : {};
    io.stdout.write(`${JSON.stringify({ error: { code, message: errorMessage(error), suggestions, ...corrupt } })}\n`);
    return;
  }
  const prefix = isMedallionError(error) ? `${program}: ` : `${program}: unexpected error: `;
  io.stderr.write(`${prefix}${errorMessage(error)}\n`);
  if (exitCodeFor(error) === EXIT_INTERNAL && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
}

/**
 * The built-in commands; with `project` (`help --all`), the config's too, or why it did not load. Without it,
 * the config file that commands would use (`found`), unread.
 */
async function generalHelp(program: string, builtins: Readonly<Record<string, CliCommand>>, project: (() => Promise<LoadedConfig>) | undefined, found: string | undefined): Promise<string> {
  let commands = builtins;
  let configLine = found === undefined ? '' : `Config: ${found} (its own commands too: "${program} help --all")\n`;
  if (project !== undefined) {
    try {
      const loaded = await project();
      commands = commandsOf(builtins, loaded);
      configLine = loaded.file === undefined ? '' : `Config: ${loaded.file}\n`;
    } catch (error) {
      configLine = `No config loaded: ${errorMessage(error)}\n`;
    }
  }
  const width = Math.max(...Object.keys(commands).map((name) => name.length));
  const lines = Object.entries(commands).map(([name, command]) => `  ${name.padEnd(width)}  ${command.summary}`);
  return (
    `Usage: ${program} <command> [options]\n\nCommands:\n${lines.join('\n')}\n\n` +
    `Every command takes --config PATH, --lake PATH and --json. Run "${program} <command> --help" for details.\n${configLine}`
  );
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

