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
  CheckResult,
  InputsOf,
  InputVersion,
  MaterializeContext,
  MaterializeResult,
  RowOf,
  RowSchema,
  StagingArea,
} from './asset/define-asset.ts';
export { DEFAULT_RETRY_POLICY, retryDelayMs } from './asset/retry-policy.ts';
export type { RetryPolicy, RetryPolicyOptions } from './asset/retry-policy.ts';
export { AssetGraph, createAssetGraph } from './graph/asset-graph.ts';
export { nearestMatches } from './graph/nearest-keys.ts';

// Selection
export { formatSelection, parseSelection } from './selection/parse-selection.ts';
export type { SelectionNode, SelectionOperand } from './selection/parse-selection.ts';
export { resolveSelection } from './selection/resolve-selection.ts';
export { selectAssets } from './selection/select-assets.ts';

// Storage
export type { DeleteOptions, LockOptions, ObjectInfo, PutOptions, Storage, StorageLock, StoredObject } from './storage/storage.ts';
