/** What a CLI command is and what it is given: parsed arguments, output streams, the graph and the lake. */
import type { AssetGraph } from '../graph/asset-graph.ts';
import type { Storage } from '../storage/storage.ts';

/** Where the CLI writes: process.stdout or stderr, or a test's buffer. */
export interface OutputStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

/** The CLI's surroundings: output streams, environment and working directory (tests pass their own). */
export interface CliIo {
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
}

/** One option of a CLI command: a string or a flag, with its help line. */
export type OptionSpec = { type: 'string' | 'boolean'; short?: string; multiple?: false; description: string };

/** What a CLI command gets: its parsed arguments, the IO, and the project's graph and lake, loaded on first use. */
export interface CommandContext {
  readonly io: CliIo;
  readonly positionals: readonly string[];
  readonly values: Readonly<Record<string, string | boolean | undefined>>;
  readonly json: boolean;
  graph(): Promise<AssetGraph>;
  lake(): Storage;
  /** The environment variables the config declares as secrets (`secrets` in `defineConfig`); none without a project. */
  readonly secrets: readonly string[];
}

/** A CLI command: its help (summary, usage, options) and its body. */
export interface CliCommand {
  readonly summary: string;
  /** Argument synopsis after the command name, e.g. `[SELECTION] [--force]`. */
  readonly usage: string;
  readonly options: Readonly<Record<string, OptionSpec>>;
  /** Runs without a project (`init` makes one): no config is looked for, and `graph()`/`lake()` throw. */
  readonly withoutConfig?: true;
  /** Returns the process exit code. */
  run(ctx: CommandContext): Promise<number>;
}

/** Options every command takes. */
export const COMMON_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  config: { type: 'string', description: 'the project config (default: the nearest medallion.config.* from here upward)' },
  lake: { type: 'string', description: "lake folder or Azure endpoint (default: $MEDALLION_LAKE, else the config's lake, else data/lake beside the config)" },
  json: { type: 'boolean', description: 'machine-readable output on stdout' },
  help: { type: 'boolean', short: 'h', description: 'show help for the command' },
};
