/**
 * Finds and loads a project's config: `--config PATH`, else the nearest `medallion.config.{ts,mts,js,mjs}` from
 * the working directory upward. Every failure is one `ConfigError` (exit 4) or `DefinitionError` (exit 3)
 * that names the file, never a stack trace.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ConfigError, DefinitionError, errorMessage, isMedallionError } from '../errors.ts';
import type { AssetGraph } from '../graph/asset-graph.ts';
import type { ConfigEnv, MedallionConfig } from './define-config.ts';

/** The file names a config is looked for under, in this order, in each folder from the working directory up. */
export const CONFIG_FILE_NAMES = ['medallion.config.ts', 'medallion.config.mts', 'medallion.config.js', 'medallion.config.mjs'] as const;

/** A config as loaded: the config, the file it came from and the folder its relative paths start at. */
export interface LoadedConfig {
  readonly config: MedallionConfig;
  /** The file it came from; undefined for a config given in code. */
  readonly file: string | undefined;
  /** Where the config's relative paths (its lake) start: the file's folder. */
  readonly root: string;
}

/** The nearest config file in `from` or a folder above it. */
export function findConfigFile(from: string): string | undefined {
  for (let folder = resolve(from); ; folder = dirname(folder)) {
    for (const name of CONFIG_FILE_NAMES) {
      const file = join(folder, name);
      if (existsSync(file)) return file;
    }
    if (dirname(folder) === folder) return undefined;
  }
}

/** Loads `--config PATH` (relative to `cwd`), or the nearest config file. */
export async function loadConfig(options: { readonly path?: string | undefined; readonly cwd: string }): Promise<LoadedConfig> {
  const file = options.path === undefined ? findConfigFile(options.cwd) : resolve(options.cwd, options.path);
  if (file === undefined) {
    throw new ConfigError(
      `No medallion config found in ${resolve(options.cwd)} or any folder above it. Create medallion.config.ts ` +
        'with `export default defineConfig({ graph })`, or pass --config PATH.',
    );
  }
  if (!existsSync(file) || !statSync(file).isFile()) throw new ConfigError(`The config ${file} does not exist; check --config.`);
  let exported: Record<string, unknown>;
  try {
    exported = await importModule(file);
  } catch (error) {
    throw loadError(file, error);
  }
  return { config: await validConfig(file, exported.default), file, root: dirname(file) };
}

/** The config's graph, built once (a function is called with the environment). */
export function graphOf(config: MedallionConfig, env: ConfigEnv): Promise<AssetGraph> {
  return Promise.resolve(typeof config.graph === 'function' ? config.graph(env) : config.graph);
}

async function validConfig(file: string, value: unknown): Promise<MedallionConfig> {
  if (value === undefined) {
    throw new DefinitionError('DEFINITION_INVALID', `The config ${file} has no default export: end it with \`export default defineConfig({ graph })\`.`, []);
  }
  const { configSchema } = await import('./config-schema.ts');
  const parsed = configSchema.safeParse(value);
  // The value itself, not zod's copy: a command object keeps its own properties and methods.
  if (parsed.success) return value as MedallionConfig;
  const issues = parsed.error.issues.slice(0, 3).map((issue) => `${issue.path.join('.') || '(default export)'}: ${issue.message}`);
  throw new DefinitionError('DEFINITION_INVALID', `The config ${file} is not a medallion config (${issues.join('; ')}). Export \`defineConfig({ graph, lake?, commands? })\`.`, []);
}

/** A definition error keeps its code (exit 3) with the file named; anything else is a config that did not load (exit 4). */
function loadError(file: string, error: unknown): Error {
  if (isMedallionError(error)) {
    error.message = `${file}: ${error.message}`;
    return error;
  }
  const reason = errorMessage(error).split('\n')[0];
  return new ConfigError(`Could not load the config ${file}: ${reason}`, { cause: error });
}

/**
 * Node strips types itself from 22.18 (22.6 behind a flag); before that, tsx's loader is registered for the
 * rest of the process, not namespaced, so the config and the CLI share one copy of every module (one
 * `AssetGraph` class, one error hierarchy).
 */
let tsxLoader: Promise<unknown> | undefined;

async function importModule(file: string): Promise<Record<string, unknown>> {
  if (/\.[mc]?ts$/.test(file) && !(process as { features?: { typescript?: unknown } }).features?.typescript) {
    await (tsxLoader ??= import('tsx/esm/api').then(({ register }) => register()));
  }
  return (await import(pathToFileURL(file).href)) as Record<string, unknown>;
}
