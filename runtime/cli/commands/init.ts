/**
 * `medallion init [DIR]`: scaffolds a project that runs offline with no credentials (see init-template.ts).
 * An existing package.json is completed, not replaced; any other file that is already there stops it before
 * anything is written.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join, relative, resolve } from 'node:path';
import { ConfigError, UsageError } from '../../errors.ts';
import { CONFIG_FILE_NAMES } from '../../config/load-config.ts';
import type { CommandContext } from '../command.ts';
import { EXIT_OK } from '../exit-codes.ts';
import { MEDALLION_PACKAGE } from '../package-info.ts';
import { ASSETS, CONFIG, GITIGNORE, readme, TEST, TSCONFIG } from './init-template.ts';

const SCRIPTS = {
  materialize: 'medallion materialize --all',
  status: 'medallion status',
  serve: 'medallion serve --dev',
  test: 'node --import tsx --test assets.test.ts',
};

export async function run(ctx: CommandContext): Promise<number> {
  if (ctx.positionals.length > 1) throw new UsageError(`Give one folder at most, not ${ctx.positionals.length}: "medallion init [DIR]".`);
  const folder = resolve(ctx.io.cwd, ctx.positionals[0] ?? '.');
  const files: Record<string, string> = {
    'medallion.config.ts': CONFIG,
    'assets.ts': ASSETS,
    'assets.test.ts': TEST,
    'tsconfig.json': TSCONFIG,
    '.gitignore': GITIGNORE,
    'README.md': readme(basename(folder)),
  };
  const taken = [...Object.keys(files), ...CONFIG_FILE_NAMES].filter((name) => existsSync(join(folder, name)));
  if (taken.length > 0) {
    throw new UsageError(`${folder} already has ${[...new Set(taken)].join(', ')}; run "medallion init" in a new or empty folder, or give one: "medallion init my-project".`);
  }
  await mkdir(folder, { recursive: true });
  const manifest = await packageJsonFor(folder);
  await writeFile(join(folder, 'package.json'), `${JSON.stringify(manifest.json, null, 2)}\n`);
  for (const [name, body] of Object.entries(files)) await writeFile(join(folder, name), body);
  const below = relative(ctx.io.cwd, folder);
  const where = below === '' ? '.' : below.startsWith('..') ? folder : below;
  const created = [`package.json (${manifest.existed ? 'completed' : 'new'})`, ...Object.keys(files)];
  if (ctx.json) {
    ctx.io.stdout.write(`${JSON.stringify({ folder, files: ['package.json', ...Object.keys(files)] })}\n`);
    return EXIT_OK;
  }
  ctx.io.stdout.write(
    `Created a medallion project in ${where}: ${created.join(', ')}.\n\nNext:\n` +
      `${where === '.' ? '' : `  cd ${where}\n`}  npm install\n  npx medallion materialize --all\n  npx medallion serve --dev\n  npm test\n`,
  );
  return EXIT_OK;
}

/** The folder's package.json with what the project needs added: ESM, the scripts, medallion, zod and tsx. */
async function packageJsonFor(folder: string): Promise<{ json: Record<string, unknown>; existed: boolean }> {
  const file = join(folder, 'package.json');
  let json: Record<string, unknown> = { name: packageName(basename(folder)), version: '0.1.0', private: true };
  const existed = existsSync(file);
  if (existed) {
    try {
      json = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    } catch (error) {
      throw new ConfigError(`${file} is not valid JSON (${(error as Error).message}); fix it or run "medallion init" in another folder.`);
    }
    if (json.type !== undefined && json.type !== 'module') {
      throw new ConfigError(`${file} sets "type": "${String(json.type)}"; the project's TypeScript files are ES modules, so run "medallion init" in a new folder.`);
    }
  }
  const own = MEDALLION_PACKAGE.dependencies;
  return {
    existed,
    json: {
      ...json,
      type: 'module',
      scripts: { ...SCRIPTS, ...(json.scripts as object | undefined) },
      dependencies: { medallion: `^${MEDALLION_PACKAGE.version}`, zod: own.zod, ...(json.dependencies as object | undefined) },
      devDependencies: { tsx: own.tsx, ...(json.devDependencies as object | undefined) },
    },
  };
}

/** An npm package name from a folder name: lowercase, URL-safe. */
function packageName(folder: string): string {
  const name = folder.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[._-]+|-+$/g, '');
  return name === '' ? 'medallion-project' : name;
}
