/**
 * The one error hierarchy of the framework. Each class is named after who is at fault; each carries a
 * stable `code` that the CLI maps to an exit code and the server to an HTTP status.
 */

export type ErrorCode =
  | 'DEFINITION_INVALID'
  | 'DEFINITION_DUPLICATE_KEY'
  | 'DEFINITION_UNKNOWN_DEPENDENCY'
  | 'DEFINITION_CYCLE'
  | 'SELECTION_SYNTAX'
  | 'SELECTION_UNKNOWN_KEY'
  | 'SELECTION_UNKNOWN_GROUP'
  | 'PARTITION_UNKNOWN'
  | 'SCHEMA_UNSUPPORTED'
  | 'SCHEMA_VALIDATION'
  | 'STORAGE_CONFLICT'
  | 'STORAGE_NOT_FOUND'
  | 'STORAGE_LOCKED'
  | 'STORAGE_IO'
  | 'LEDGER_CORRUPT'
  | 'DATA_CORRUPT'
  | 'ASSET_EXECUTION'
  | 'NON_RETRIABLE'
  | 'RETRY_AFTER'
  | 'CONFIG_INVALID'
  | 'USAGE';

export interface MedallionErrorOptions {
  cause?: unknown;
}

/** Base class; users throw its subclasses, never this one directly. */
export class MedallionError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options: MedallionErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'MedallionError';
    this.code = code;
  }
}

/** An asset or graph definition is invalid: cycle, duplicate key, unknown dependency, bad key or schema. */
export class DefinitionError extends MedallionError {
  readonly assets: readonly string[];

  constructor(
    code: Extract<ErrorCode, `DEFINITION_${string}` | 'SCHEMA_UNSUPPORTED'>,
    message: string,
    assets: readonly string[],
    options?: MedallionErrorOptions,
  ) {
    super(code, message, options);
    this.name = 'DefinitionError';
    this.assets = assets;
  }
}

/** A selection string does not parse or names something the graph does not have. */
export class SelectionError extends MedallionError {
  readonly suggestions: readonly string[];

  constructor(
    code: Extract<ErrorCode, `SELECTION_${string}` | 'PARTITION_UNKNOWN'>,
    message: string,
    suggestions: readonly string[] = [],
  ) {
    super(code, message);
    this.name = 'SelectionError';
    this.suggestions = suggestions;
  }
}

/** A value does not match its declared zod schema at a boundary (lake read, asset output, request body). */
export class SchemaValidationError extends MedallionError {
  constructor(message: string, options?: MedallionErrorOptions) {
    super('SCHEMA_VALIDATION', message, options);
    this.name = 'SchemaValidationError';
  }
}

/** A storage operation failed: a condition did not hold, an object is missing, a lock is held, or I/O broke. */
export class StorageError extends MedallionError {
  readonly path: string;

  constructor(
    code: Extract<ErrorCode, `STORAGE_${string}`>,
    message: string,
    path: string,
    options?: MedallionErrorOptions,
  ) {
    super(code, message, options);
    this.name = 'StorageError';
    this.path = path;
  }
}

/** A record read from the ledger does not match its schema. */
export class LedgerError extends MedallionError {
  constructor(message: string, options?: MedallionErrorOptions) {
    super('LEDGER_CORRUPT', message, options);
    this.name = 'LedgerError';
  }
}

/** Where a corrupt data file is and what rewrites it. */
export interface DataCorruptDetails {
  /** The asset whose data file it is. */
  readonly asset: string;
  /** Its partition, for a partitioned asset (else null). */
  readonly partition: string | null;
  /** The file's path in the lake. */
  readonly path: string;
  /** The command that rewrites it, e.g. `medallion materialize gold/matches`. */
  readonly repair: string;
}

/**
 * A committed data file is missing, or is not the file its commit recorded (size, checksum, or not readable
 * as Parquet). Retrying cannot help; materializing the asset again rewrites it.
 */
export class DataCorruptError extends MedallionError {
  /** The asset whose data file it is. */
  readonly asset: string;
  /** Its partition, for a partitioned asset (else null). */
  readonly partition: string | null;
  /** The file's path in the lake. */
  readonly path: string;
  /** The command that rewrites it. */
  readonly repair: string;

  constructor(message: string, details: DataCorruptDetails, options?: MedallionErrorOptions) {
    super('DATA_CORRUPT', message, options);
    this.name = 'DataCorruptError';
    this.asset = details.asset;
    this.partition = details.partition;
    this.path = details.path;
    this.repair = details.repair;
  }
}

/** User code failed inside `materialize`. Raised only by the executor's user-code boundary. */
export class AssetExecutionError extends MedallionError {
  readonly asset: string;
  readonly partition: string | null;

  constructor(asset: string, partition: string | null, message: string, options?: MedallionErrorOptions) {
    super('ASSET_EXECUTION', message, options);
    this.name = 'AssetExecutionError';
    this.asset = asset;
    this.partition = partition;
  }
}

/** Thrown by user code: retrying cannot help (bad credentials, a malformed request). Same meaning as Inngest's. */
export class NonRetriableError extends MedallionError {
  constructor(message: string, options?: MedallionErrorOptions) {
    super('NON_RETRIABLE', message, options);
    this.name = 'NonRetriableError';
  }
}

/** Thrown by user code: retry, but not before `retryAfterMs` (a rate limit). Same meaning as Inngest's. */
export class RetryAfterError extends MedallionError {
  readonly retryAfterMs: number;

  constructor(message: string, retryAfterMs: number, options?: MedallionErrorOptions) {
    super('RETRY_AFTER', message, options);
    this.name = 'RetryAfterError';
    this.retryAfterMs = retryAfterMs;
  }
}

/** Configuration (environment, flags) is missing or invalid. */
export class ConfigError extends MedallionError {
  constructor(message: string, options?: MedallionErrorOptions) {
    super('CONFIG_INVALID', message, options);
    this.name = 'ConfigError';
  }
}

/** A command line or request was malformed. */
export class UsageError extends MedallionError {
  constructor(message: string) {
    super('USAGE', message);
    this.name = 'UsageError';
  }
}

/** Whether a thrown value is one of medallion's errors (it then has a `code`). */
export function isMedallionError(error: unknown): error is MedallionError {
  return error instanceof MedallionError;
}

/** The message of any thrown value, for logs and ledger records. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
