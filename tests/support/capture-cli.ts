// Runs the CLI in-process with captured output.
import { defineConfig, type AssetGraph } from '../../runtime/index.ts';
import { runCli, type CliOptions } from '../../runtime/cli.ts';

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function runCapturedCli(
  argv: readonly string[],
  graph: AssetGraph | (() => AssetGraph),
  options: { cwd?: string; env?: Record<string, string | undefined>; commands?: CliOptions['commands'] } = {},
): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(
    argv,
    { config: defineConfig({ graph: typeof graph === 'function' ? graph : () => graph }), ...(options.commands ? { commands: options.commands } : {}) },
    {
      stdout: { write: (text: string) => { stdout += text; } },
      stderr: { write: (text: string) => { stderr += text; } },
      env: options.env ?? {},
      cwd: options.cwd ?? process.cwd(),
    },
  );
  return { code, stdout, stderr };
}
