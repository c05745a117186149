/**
 * Exit codes, mapped once from the error hierarchy: 0 success, 1 a materialization failed, 2 bad input
 * (usage, selection, partition), 3 invalid definitions, 4 environment (lake, configuration, ledger), 70 a bug;
 * and a run stopped by a signal, 128 + its number as shells report it: 130 SIGINT, 143 SIGTERM.
 */
import { isMedallionError, type ErrorCode } from '../errors.ts';

export const EXIT_OK = 0;
export const EXIT_RUN_FAILED = 1;
export const EXIT_USAGE = 2;
export const EXIT_DEFINITION = 3;
export const EXIT_ENVIRONMENT = 4;
export const EXIT_INTERNAL = 70;
export const EXIT_SIGINT = 130;
export const EXIT_SIGTERM = 143;

const BY_CODE: Record<ErrorCode, number> = {
  USAGE: EXIT_USAGE,
  SELECTION_SYNTAX: EXIT_USAGE,
  SELECTION_UNKNOWN_KEY: EXIT_USAGE,
  SELECTION_UNKNOWN_GROUP: EXIT_USAGE,
  PARTITION_UNKNOWN: EXIT_USAGE,
  DEFINITION_INVALID: EXIT_DEFINITION,
  DEFINITION_DUPLICATE_KEY: EXIT_DEFINITION,
  DEFINITION_UNKNOWN_DEPENDENCY: EXIT_DEFINITION,
  DEFINITION_CYCLE: EXIT_DEFINITION,
  SCHEMA_UNSUPPORTED: EXIT_DEFINITION,
  SCHEMA_VALIDATION: EXIT_ENVIRONMENT,
  STORAGE_CONFLICT: EXIT_ENVIRONMENT,
  STORAGE_NOT_FOUND: EXIT_ENVIRONMENT,
  STORAGE_LOCKED: EXIT_ENVIRONMENT,
  STORAGE_IO: EXIT_ENVIRONMENT,
  LEDGER_CORRUPT: EXIT_ENVIRONMENT,
  DATA_CORRUPT: EXIT_ENVIRONMENT,
  CONFIG_INVALID: EXIT_ENVIRONMENT,
  ASSET_EXECUTION: EXIT_RUN_FAILED,
  NON_RETRIABLE: EXIT_RUN_FAILED,
  RETRY_AFTER: EXIT_RUN_FAILED,
};

/** The process exit code for a thrown value: 1 to 4 for medallion's errors by kind, 70 for anything else. */
export function exitCodeFor(error: unknown): number {
  return isMedallionError(error) ? BY_CODE[error.code] : EXIT_INTERNAL;
}

/**
 * The exit code of a run that did not succeed: 4 when a slot failed on a corrupt input file (the lake must be
 * repaired first; the message names the command), else 1.
 */
export function exitCodeForFailedRun(outcomes: readonly { readonly error: { readonly code: string | null } | null }[]): number {
  return outcomes.some((outcome) => outcome.error?.code === 'DATA_CORRUPT') ? EXIT_ENVIRONMENT : EXIT_RUN_FAILED;
}
