/**
 * The public API of the medallion framework. Everything outside `runtime/` imports from here; the
 * subfolders are private.
 */

// Errors
export {
  AssetExecutionError,
  ConfigError,
  DataCorruptError,
  DefinitionError,
  LedgerError,
  MedallionError,
  NonRetriableError,
  RetryAfterError,
  SchemaValidationError,
  SelectionError,
  StorageError,
  UsageError,
  errorMessage,
  isMedallionError,
} from './errors.ts';
export type { DataCorruptDetails, ErrorCode } from './errors.ts';
export type { JsonObject, JsonPrimitive, JsonValue } from './json.ts';

// Assets and the graph
export type { AssetKey } from './asset/asset-key.ts';
export { defineAsset } from './asset/define-asset.ts';
export type {
  AnyAsset,
  Asset,
  AssetCheck,
  AssetDeps,
  AssetInput,
  AssetOptions,
  AssetReport,
  Backlog,
  CheckResult,
  InputsOf,
  InputVersion,
  MaterializeContext,
  MaterializeResult,
  PreviousVersion,
  ProgressUpdate,
  RowOf,
  RowSchema,
  StagingArea,
} from './asset/define-asset.ts';
export { DEFAULT_RETRY_POLICY } from './asset/retry-policy.ts';
export type { RetryPolicy, RetryPolicyOptions } from './asset/retry-policy.ts';
export { AssetGraph, createAssetGraph } from './graph/asset-graph.ts';

// Data plane: the functions are in `runtime/data-plane.ts`, a separate entry (loading Arrow and Parquet costs
// about 0.3 s, which commands that only read the ledger should not pay); `loadDataPlane()` imports it on first use.
export { loadDataPlane } from './io/load-data-plane.ts';
export type { DataPlane } from './io/load-data-plane.ts';
export type { ColumnKind, ColumnSpec, EmptyAs, ListItemKind, ScalarKind } from './io/arrow-schema.ts';
export type { ParquetColumnChunkInfo, ParquetInfo, ParquetWriteOptions } from './io/parquet.ts';
export type { QuarantinedRow, ValidatedRows } from './io/quarantine.ts';

// Selection
export { selectAssets } from './selection/select-assets.ts';

// Storage
export type { DeleteOptions, Leftover, LeftoverOptions, LockOptions, ObjectInfo, PutOptions, Storage, StorageLock, StoredObject } from './storage/storage.ts';
export { createLocalStorage } from './storage/local-storage.ts';
export { createAzureBlobStorage, type AzureBlobStorageOptions } from './storage/azure-blob-storage.ts';

// Versions, staleness and the ledger
export { StalenessResolver } from './versions/staleness.ts';
export type { AssetStatus, AssetStatusReport, RootCause, SlotStatus, StaleCause, StaleCauseCategory } from './versions/staleness.ts';
export type { OutcomeType, RunSummary, SlotOutcome } from './ledger/run-summary.ts';
export { listRuns, readRun } from './ledger/run-history.ts';
export { DEFAULT_RUN_LIMIT } from './ledger/lake-layout.ts';
export type { ListRunsOptions, RunHistory } from './ledger/run-history.ts';
export { lineageOf, lineageToMermaid } from './graph/lineage.ts';
export type { Lineage, LineageNode } from './graph/lineage.ts';

// Execution
export { materialize } from './executor/run.ts';
export type { MaterializeOptions, RunResult } from './executor/run.ts';
export type { PlannedSlot, RunEvent, RunEventListener } from './executor/run-events.ts';
export { collectGarbage } from './executor/collect-garbage.ts';
export type { CollectGarbageOptions, GarbageReport } from './executor/collect-garbage.ts';
export { openLake, DEFAULT_LAKE } from './storage/open-lake.ts';

// Telemetry
export { setupTelemetry } from './telemetry/setup-telemetry.ts';
export type { SetupTelemetryOptions, Telemetry, TelemetryEnv, TelemetryExporter } from './telemetry/setup-telemetry.ts';

// Command line
export { defineConfig } from './config/define-config.ts';
export type { ConfigEnv, MedallionConfig } from './config/define-config.ts';
export type { CliCommand, CliIo, CommandContext, OutputStream } from './cli/command.ts';
