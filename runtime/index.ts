/**
 * The public API of the medallion framework. Everything outside `runtime/` imports from here; the
 * subfolders are private.
 */

// Errors
export {
  AssetExecutionError,
  ConfigError,
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
export type { ErrorCode } from './errors.ts';
export type { JsonObject, JsonPrimitive, JsonValue } from './json.ts';

// Assets and the graph
export { assetPrefix, layerOf, slotLabel } from './asset/asset-key.ts';
export type { AssetKey } from './asset/asset-key.ts';
export { defineAsset } from './asset/define-asset.ts';
export type {
  AnyAsset,
  Asset,
  AssetCheck,
  AssetDeps,
  AssetInput,
  AssetOptions,
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
export { DEFAULT_RETRY_POLICY, retryDelayMs } from './asset/retry-policy.ts';
export type { RetryPolicy, RetryPolicyOptions } from './asset/retry-policy.ts';
export { AssetGraph, createAssetGraph } from './graph/asset-graph.ts';
export { nearestMatches } from './graph/nearest-keys.ts';

// Data plane: the functions are in `runtime/data-plane.ts`, a separate entry (loading Arrow and Parquet costs
// about 0.3 s, which commands that only read the ledger should not pay); `loadDataPlane()` imports it on first use.
export { loadDataPlane } from './io/load-data-plane.ts';
export type { DataPlane } from './io/load-data-plane.ts';
export type { ColumnKind, ColumnSpec, EmptyAs, ListItemKind, ScalarKind } from './io/arrow-schema.ts';
export type { ParquetColumnChunkInfo, ParquetInfo, ParquetWriteOptions } from './io/parquet.ts';
export { issuesReason, quarantineSchema, validateRows } from './io/quarantine.ts';
export type { QuarantinedRow, ValidatedRows } from './io/quarantine.ts';

// Selection
export { formatSelection, parseSelection } from './selection/parse-selection.ts';
export type { SelectionNode, SelectionOperand } from './selection/parse-selection.ts';
export { resolveSelection } from './selection/resolve-selection.ts';
export { selectAssets } from './selection/select-assets.ts';

// Storage
export type { DeleteOptions, LockOptions, ObjectInfo, PutOptions, Storage, StorageLock, StoredObject } from './storage/storage.ts';
export { createLocalStorage } from './storage/local-storage.ts';
export { createAzureBlobStorage, type AzureBlobStorageOptions } from './storage/azure-blob-storage.ts';

// Versions, staleness and the ledger
export { computeDataVersion, computeProvenanceHash } from './versions/data-version.ts';
export type { DataProvenance, DataVersion, InputDataVersion } from './versions/data-version.ts';
export { StalenessResolver } from './versions/staleness.ts';
export type { AssetStatus, AssetStatusReport, RootCause, SlotStatus, StaleCause, StaleCauseCategory } from './versions/staleness.ts';
export { Ledger } from './ledger/ledger.ts';
export type { Head } from './ledger/ledger.ts';
export type { CheckOutcome, CommittedMaterialization, MaterializationRecord } from './ledger/materialization-record.ts';
export type { OutcomeType, RunSummary, SlotOutcome } from './ledger/run-summary.ts';
export { listRuns, readRun } from './ledger/run-history.ts';
export { DEFAULT_RUN_LIMIT } from './ledger/lake-layout.ts';
export type { ListRunsOptions, RunHistory } from './ledger/run-history.ts';
export { lineageOf, lineageToMermaid } from './graph/lineage.ts';
export type { Lineage, LineageNode } from './graph/lineage.ts';

// Execution
export { materialize } from './executor/run.ts';
export { materializeOne, recordFailure } from './executor/materialize-one.ts';
export type { MaterializeOneOptions } from './executor/materialize-one.ts';
export type { StepRunner } from './executor/run-environment.ts';
export { observeAsset, readObservation } from './ledger/observations.ts';
export type { Observation } from './ledger/observations.ts';
export type { MaterializeOptions, RunResult } from './executor/run.ts';
export type { PlannedSlot, RunEvent, RunEventListener } from './executor/run-events.ts';
export { openLake, DEFAULT_LAKE } from './storage/open-lake.ts';

// Telemetry
export { setupTelemetry } from './telemetry/setup-telemetry.ts';
export type { SetupTelemetryOptions, Telemetry, TelemetryEnv, TelemetryExporter } from './telemetry/setup-telemetry.ts';
export type { AzureMonitorHttpClient } from './telemetry/azure-monitor.ts';
export { traceStorage } from './telemetry/traced-storage.ts';
export {
  ATTR_ERROR_TYPE, ATTR_HTTP_REQUEST_METHOD, ATTR_HTTP_REQUEST_RESEND_COUNT, ATTR_HTTP_RESPONSE_STATUS_CODE, ATTR_RATE_LIMIT_WAITED_MS,
  ATTR_RETRY_DELAY_MS, ATTR_SOURCE, ATTR_URL_FULL, SPAN_ATTRIBUTES,
} from './telemetry/span-attributes.ts';
export type { DocumentedSpan, SpanAttributeSpec, SpanAttributeType } from './telemetry/span-attributes.ts';

// Command line
export { runCli, processIo, BUILTIN_COMMANDS } from './cli/main.ts';
export { MEDALLION_PACKAGE } from './cli/package-info.ts';
export { defineConfig } from './config/define-config.ts';
export type { ConfigEnv, MedallionConfig } from './config/define-config.ts';
export { CONFIG_FILE_NAMES, findConfigFile, loadConfig } from './config/load-config.ts';
export type { LoadedConfig } from './config/load-config.ts';
export { exitCodeFor } from './cli/exit-codes.ts';
export type { CliOptions } from './cli/main.ts';
export type { CliCommand, CliIo, CommandContext, OutputStream } from './cli/command.ts';
