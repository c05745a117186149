// Runs the CLI in-process with captured output.
import { defineConfig, type AssetGraph } from '../../runtime/index.ts';
import { runCli, type CliOptions } from '../../runtime/cli.ts';

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

interface CaptureOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
}

/** The CLI over a graph given in code (no config file is looked for). */
export async function runCapturedCli(
  argv: readonly string[],
  graph: AssetGraph | (() => AssetGraph),
  options: CaptureOptions & { commands?: CliOptions['commands'] } = {},
): Promise<CliResult> {
  const config = defineConfig({ graph: typeof graph === 'function' ? graph : () => graph });
  return capture(argv, { config, ...(options.commands ? { commands: options.commands } : {}) }, options);
}

/** The CLI as a user runs it in `cwd`: the project's config found from there upward, or given with --config. */
export function runCliIn(cwd: string, argv: readonly string[], env: Record<string, string | undefined> = {}): Promise<CliResult> {
  return capture(argv, {}, { cwd, env });
}

async function capture(argv: readonly string[], cliOptions: CliOptions, options: CaptureOptions): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, cliOptions, {
    stdout: { write: (text: string) => { stdout += text; } },
    stderr: { write: (text: string) => { stderr += text; } },
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
  });
  return { code, stdout, stderr };
}
