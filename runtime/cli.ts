/**
 * The `medallion/cli` entry: what an executable needs to run the CLI over a project's config, and nothing
 * that loads the executor, the ledger or zod at start-up (each command loads its own body when it runs).
 */
export { runCli, processIo, BUILTIN_COMMANDS } from './cli/main.ts';
export type { CliOptions } from './cli/main.ts';
export type { CliCommand, CliIo, CommandContext, OutputStream, OptionSpec } from './cli/command.ts';
export { exitCodeFor } from './cli/exit-codes.ts';
export { MEDALLION_PACKAGE } from './cli/package-info.ts';
export { CONFIG_FILE_NAMES, findConfigFile, loadConfig } from './config/load-config.ts';
export type { LoadedConfig } from './config/load-config.ts';
export { ConfigError, UsageError, errorMessage } from './errors.ts';
export { setupTelemetry } from './telemetry/setup-telemetry.ts';
export type { SetupTelemetryOptions, Telemetry, TelemetryEnv } from './telemetry/setup-telemetry.ts';
