/**
 * A project's config: what `medallion.config.ts` exports by default, as Dagster's `Definitions` is to a code
 * location. The CLI, `serve` and the Inngest functions read the graph from it, so a project needs no code of
 * ours beyond the package.
 */
import type { CliCommand } from '../cli/command.ts';
import type { AssetGraph } from '../graph/asset-graph.ts';

/** The environment a config builds its graph from (`process.env` for the CLI). */
export type ConfigEnv = Readonly<Record<string, string | undefined>>;

/** A project's config, the default export of `medallion.config.ts`: its graph, and optionally its lake and commands. */
export interface MedallionConfig {
  /**
   * The asset graph, or a function that builds it: called once, and only by commands that read the graph, so
   * a graph whose sources read credentials costs nothing to `medallion --help`.
   */
  readonly graph: AssetGraph | ((env: ConfigEnv) => AssetGraph | Promise<AssetGraph>);
  /**
   * The lake when neither `--lake` nor `MEDALLION_LAKE` is given: a folder, relative to the config file, or an
   * Azure blob endpoint. Default: `data/lake` beside the config (or the Azurite/Azure account of
   * `AZURE_STORAGE_CONNECTION_STRING`, when that is set).
   */
  readonly lake?: string;
  /** Commands the project adds to the CLI (`medallion <name>`), beside the built-in ones. */
  readonly commands?: Readonly<Record<string, CliCommand>>;
  /**
   * Environment variables whose values are secrets the graph reads (its sources' API keys and tokens):
   * `medallion serve` redacts their values from every log line and error it writes.
   */
  readonly secrets?: readonly string[];
}

/** Types a config; returns it unchanged (`export default defineConfig({ graph })`). */
export function defineConfig<const Config extends MedallionConfig>(config: Config): Config {
  return config;
}
