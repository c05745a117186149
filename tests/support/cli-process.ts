// A project in a temp folder (its medallion.config.ts, node_modules linked) and the CLI run on it as a separate
// process (server/main.ts under tsx, the network guard preloaded), for tests that send it signals or kill it.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repo = fileURLToPath(new URL('../..', import.meta.url));

/** The runtime's entry as an import specifier a config in any folder can use. */
export const RUNTIME_URL = pathToFileURL(join(repo, 'runtime', 'index.ts')).href;

export interface CliProject {
  readonly root: string;
  readonly config: string;
  readonly lake: string;
  cleanup(): Promise<void>;
}

/** Writes `configSource` as the project's medallion.config.ts; its lake is `lake/` beside it. */
export async function createCliProject(configSource: string): Promise<CliProject> {
  const root = await mkdtemp(join(tmpdir(), 'medallion-cli-'));
  await writeFile(join(root, 'medallion.config.ts'), configSource);
  await writeFile(join(root, 'package.json'), JSON.stringify({ type: 'module', private: true }));
  await symlink(join(repo, 'node_modules'), join(root, 'node_modules'), 'dir');
  return { root, config: join(root, 'medallion.config.ts'), lake: join(root, 'lake'), cleanup: () => rm(root, { recursive: true, force: true }) };
}

export interface CliProcess {
  readonly child: ChildProcess;
  /** What it wrote to stderr so far. */
  stderr(): string;
  stdout(): string;
  /** Exit code (or the signal that killed it). */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function spawnCli(project: CliProject, args: readonly string[], env: Record<string, string> = {}): CliProcess {
  const child = spawn(
    process.execPath,
    ['--require', './tests/support/netguard.cjs', '--conditions=source', '--import', 'tsx', 'server/main.ts', ...args, '--config', project.config, '--lake', project.lake],
    { cwd: repo, env: { ...process.env, NODE_OPTIONS: '', NO_COLOR: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  let stdout = '';
  child.stderr!.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
  child.stdout!.on('data', (chunk: Buffer) => { stdout += chunk.toString(); });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return { child, stderr: () => stderr, stdout: () => stdout, exited };
}

/** Polls until `condition` holds (a marker file, a progress line): what the test waits for, never a fixed delay. */
export async function waitFor(what: string, condition: () => boolean, cli?: CliProcess): Promise<void> {
  for (let waited = 0; !condition(); waited += 20) {
    if (waited > 60_000) throw new Error(`gave up waiting for ${what}${cli === undefined ? '' : `; the CLI wrote:\n${cli.stderr()}`}`);
    if (cli !== undefined && cli.child.exitCode !== null) throw new Error(`the CLI exited (${cli.child.exitCode}) before ${what}:\n${cli.stderr()}`);
    await sleep(20);
  }
}

export const fileExists = (path: string) => () => existsSync(path);
