/**
 * `defineAsset`: the spec of one dataset (key, schema, deps, code version, policies) plus the function that
 * materializes it. Returns a frozen, validated value; graph-level checks (cycles, duplicates, unknown deps)
 * happen in `createAssetGraph`.
 */
import type { Table } from 'apache-arrow';
import type { z } from 'zod';
import { DefinitionError } from '../errors.ts';
import type { JsonObject, JsonValue } from '../json.ts';
import { assertAssetKey, invalidGroupReason, invalidPartitionReason, layerOf, type AssetKey } from './asset-key.ts';
import { invalidRetryPolicyReason, resolveRetryPolicy, type RetryPolicy, type RetryPolicyOptions } from './retry-policy.ts';

/** Asset schemas are zod objects: one row is one object. */
export type RowSchema = z.ZodObject;

/** A dependency: another asset (typed input) or a bare key (untyped input, e.g. an asset defined elsewhere). */
export type AssetDependency = AnyAsset | AssetKey;
/** An asset's upstream assets, by the name its `materialize` reads them under. */
export type AssetDeps = Readonly<Record<string, AssetDependency>>;

/** The row type an asset's downstreams read. */
export type RowOf<A> = A extends Asset<string, infer S, AssetDeps> ? z.output<S> : Record<string, unknown>;

/** What `materialize` receives: one lazy input per named dependency, typed from the upstream's schema. */
export type InputsOf<D extends AssetDeps> = { readonly [K in keyof D]: AssetInput<RowOf<D[K]>> };

/**
 * One upstream's latest committed data, read lazily. For a partitioned upstream feeding an unpartitioned
 * asset, it covers every partition.
 */
export interface AssetInput<Row> {
  readonly key: AssetKey;
  /** What was read: one entry per upstream partition (`partition` is null when unpartitioned). */
  readonly versions: readonly InputVersion[];
  readonly numRows: number;
  rows(): Promise<Row[]>;
  table(): Promise<Table>;
  /** A file the upstream attached to the version read (see `ctx.attach`); undefined if it has none by that name. */
  readAttachment(name: string, partition?: string | null): Promise<Uint8Array | undefined>;
}

/** One committed version an input was read from: its partition, data version, rows and metadata. */
export interface InputVersion {
  /** null when the upstream is not partitioned. */
  readonly partition: string | null;
  readonly dataVersion: string;
  readonly numRows: number;
  /** The metadata the upstream's materialization returned. */
  readonly metadata: JsonObject;
}

/**
 * Named files of one materialization: `ctx.staging` (scratch, survives a crash, deleted after the commit)
 * and `ctx.attachments` (published with the version, e.g. the raw pages an extraction asset landed).
 */
export interface StagingArea {
  putBytes(name: string, body: Uint8Array): Promise<void>;
  getBytes(name: string): Promise<Uint8Array | undefined>;
  putJson(name: string, value: JsonValue): Promise<void>;
  getJson<T extends JsonValue>(name: string): Promise<T | undefined>;
  list(): Promise<string[]>;
}

/**
 * What `materialize` gets besides its inputs: its partition and attempt, durable steps, attachments, staging,
 * progress, a log, its previous version, and an abort signal.
 */
export interface MaterializeContext<Row = Record<string, unknown>> {
  readonly asset: AssetKey;
  /** The partition being materialized; null when the asset is not partitioned. */
  readonly partition: string | null;
  readonly runId: string;
  readonly attempt: number;
  readonly codeVersion: string;
  readonly signal: AbortSignal;
  /**
   * Runs `fn` once per materialization and journals its (small, JSON) result, so a retried or resumed
   * materialization returns the journaled result instead of running `fn` again.
   */
  step<T extends JsonValue | void>(id: string, fn: () => T | Promise<T>): Promise<T>;
  /** Scratch space that survives a crash: large step outputs go here, and steps return the names. */
  readonly staging: StagingArea;
  /**
   * Files published beside the data of this version (e.g. the raw API pages an extraction asset landed). Written
   * straight into the version's folder, which nobody reads before the commit; a resumed materialization
   * finds what an interrupted one attached.
   */
  readonly attachments: StagingArea;
  /** Reports progress of long work (pages fetched, say): shown as a bar on a terminal, as log lines elsewhere. */
  progress(update: ProgressUpdate): void;
  log(message: string, fields?: JsonObject): void;
  /**
   * This slot's last committed version, read like an input: an incremental asset builds on what it wrote
   * before (Dagster's self-dependent asset) instead of asking its source for everything again. Undefined
   * until the slot has been materialized once. It may have been written by other code: check `codeVersion`
   * before trusting its rows to the current schema.
   */
  previous(): Promise<PreviousVersion<Row> | undefined>;
}

/** This slot's last committed version (`ctx.previous()`). */
export interface PreviousVersion<Row> extends AssetInput<Row> {
  readonly codeVersion: string;
  /** When it was committed (ISO 8601). */
  readonly materializedAt: string;
  readonly metadata: JsonObject;
  readonly backlog: Backlog | undefined;
}

/**
 * Work a materialization left for a later one: items its budget did not reach (`pending`), or items that
 * fall due again at a time (`dueAt`, e.g. a search older than its age limit). While `pending` > 0, or once
 * `dueAt` has passed, the slot is stale with cause `backlog`, and the next run continues the work.
 */
export interface Backlog {
  readonly pending: number;
  /** What is counted, plural: `films`, `requests`. */
  readonly unit: string;
  /** The earliest time (ISO 8601) at which done work falls due again; undefined when none does. */
  readonly dueAt?: string;
}

/** How far a running materialization is, for progress lines and spans (`ctx.progress`). */
export interface ProgressUpdate {
  readonly done: number;
  /** Undefined while the total is not known yet. */
  readonly total?: number;
  /** What is counted, plural: `pages`, `requests`. */
  readonly unit: string;
  /** A few words on the current phase, e.g. `bulk search 1994`. */
  readonly detail?: string;
}

/** What `materialize` returns: the rows, and optionally metadata and a backlog left for a later run. */
export interface MaterializeResult<Row> {
  rows: Row[];
  /** Free-form facts about this materialization, kept in the ledger (e.g. pages fetched, match rate). */
  metadata?: JsonObject;
  /** Work left for a later materialization (see `Backlog`); omit when everything is done. */
  backlog?: Backlog;
}

/** A check's verdict on the committed rows, with an optional message and metadata. */
export interface CheckResult {
  passed: boolean;
  message?: string;
  metadata?: JsonObject;
}

/**
 * A named check run on an asset's valid rows before they are published; a blocking one that fails stops its
 * downstream.
 */
export interface AssetCheck<Row> {
  readonly name: string;
  readonly description?: string;
  /** A failed blocking check stops every downstream asset until the asset is materialized again. */
  readonly blocking?: boolean;
  check(rows: readonly Row[]): CheckResult | Promise<CheckResult>;
}

/**
 * How reports (the server's `/api/report` and runs page) show an asset: as a stage of the pipeline's funnel,
 * counted in rows, and optionally as a score distribution. Stages appear in graph order, upstream first.
 */
export interface AssetReport {
  /** The stage's name in the funnel, e.g. `'films'`. */
  readonly stage: string;
  /** A numeric column to chart as a histogram (one unpartitioned asset per graph should set it). */
  readonly score?: {
    readonly column: string;
    /** A boolean column marking the rows accepted, counted apart in each bin. */
    readonly acceptedColumn?: string;
    /** The metadata key under which `materialize` records the acceptance threshold drawn on the chart. */
    readonly thresholdMetadataKey?: string;
  };
}

/**
 * Everything `defineAsset` takes: key, schema, dependencies, code version, partitions, retry policy, checks and
 * `materialize`.
 */
export interface AssetOptions<K extends AssetKey, S extends RowSchema, D extends AssetDeps> {
  key: K;
  schema: S;
  deps?: D;
  /** Bump when the logic changes: the asset and everything downstream become stale. */
  codeVersion: string;
  description?: string;
  /** What `group:NAME` selects (letters, digits, "_" and "-"); by default the layer, the key's first segment. */
  group?: string;
  tags?: Readonly<Record<string, string>>;
  /** Static partitions: one materialization per partition key. */
  partitions?: readonly string[];
  retry?: RetryPolicyOptions;
  checks?: readonly AssetCheck<z.output<S>>[];
  /** How reports show this asset; assets without it are left out of them. */
  report?: AssetReport;
  materialize(ctx: MaterializeContext<z.output<S>>, inputs: InputsOf<D>): Promise<MaterializeResult<z.input<S>>>;
}

/** A defined asset: a frozen, validated spec and its materialize function. */
export interface Asset<K extends AssetKey = AssetKey, S extends RowSchema = RowSchema, D extends AssetDeps = AssetDeps> {
  readonly kind: 'asset';
  readonly key: K;
  readonly schema: S;
  readonly deps: D;
  readonly depKeys: readonly AssetKey[];
  readonly codeVersion: string;
  readonly description: string | undefined;
  readonly group: string;
  readonly tags: Readonly<Record<string, string>>;
  readonly partitions: readonly string[] | undefined;
  readonly retry: RetryPolicy;
  readonly checks: readonly AssetCheck<z.output<S>>[];
  /** How reports show this asset (`report` in its options), frozen; undefined leaves it out of them. */
  readonly report: AssetReport | undefined;
  materialize(ctx: MaterializeContext<z.output<S>>, inputs: InputsOf<D>): Promise<MaterializeResult<z.input<S>>>;
}

// The widest asset type, so assets with different inputs fit one list; each asset's inputs were typed at its definition.
/** Any asset, whatever its schema and dependencies (for graphs and tools). */
export type AnyAsset = Asset<AssetKey, RowSchema, any>;

export function depKeyOf(dep: AssetDependency): AssetKey {
  return typeof dep === 'string' ? dep : dep.key;
}

/**
 * Declares an asset.
 *
 * @example
 * const matches = defineAsset({
 *   key: 'gold/matches',
 *   schema: z.object({ tmdb_id: z.int(), discogs_id: z.int(), score: z.number() }),
 *   deps: { candidates },
 *   codeVersion: '1',
 *   async materialize(ctx, { candidates }) {
 *     const rows = (await candidates.rows()).filter((c) => c.score >= 0.9);
 *     return { rows };
 *   },
 * });
 */
export function defineAsset<K extends AssetKey, S extends RowSchema, D extends AssetDeps = Record<never, never>>(
  options: AssetOptions<K, S, D>,
): Asset<K, S, D> {
  const key = assertAssetKey(options.key) as K;
  const deps = Object.freeze({ ...(options.deps ?? {}) }) as D;
  const depKeys = Object.values(deps).map(depKeyOf);
  for (const depKey of depKeys) assertAssetKey(depKey);
  const duplicateDep = depKeys.find((depKey, index) => depKeys.indexOf(depKey) !== index);
  if (duplicateDep !== undefined) {
    throw new DefinitionError('DEFINITION_INVALID', `Asset "${key}" depends on "${duplicateDep}" twice.`, [key, duplicateDep]);
  }
  const groupProblem = options.group === undefined ? undefined : invalidGroupReason(options.group);
  if (groupProblem !== undefined) throw new DefinitionError('DEFINITION_INVALID', `Asset "${key}": ${groupProblem}.`, [key]);
  if (depKeys.includes(key)) {
    throw new DefinitionError('DEFINITION_CYCLE', `Asset "${key}" depends on itself.`, [key]);
  }
  if (typeof options.codeVersion !== 'string' || options.codeVersion.length === 0) {
    throw new DefinitionError('DEFINITION_INVALID', `Asset "${key}" needs a non-empty codeVersion.`, [key]);
  }
  const retry = resolveRetryPolicy(options.retry);
  const retryProblem = invalidRetryPolicyReason(retry);
  if (retryProblem !== undefined) {
    throw new DefinitionError('DEFINITION_INVALID', `Asset "${key}" has an invalid retry policy: ${retryProblem}.`, [key]);
  }
  const partitions = options.partitions === undefined ? undefined : Object.freeze([...options.partitions]);
  if (partitions !== undefined) validatePartitions(key, partitions);
  const checkNames = (options.checks ?? []).map((check) => check.name);
  const duplicateCheck = checkNames.find((name, index) => checkNames.indexOf(name) !== index);
  if (duplicateCheck !== undefined) {
    throw new DefinitionError('DEFINITION_INVALID', `Asset "${key}" has two checks named "${duplicateCheck}".`, [key]);
  }
  return Object.freeze({
    kind: 'asset',
    key,
    schema: options.schema,
    deps,
    depKeys: Object.freeze(depKeys),
    codeVersion: options.codeVersion,
    description: options.description,
    group: options.group ?? layerOf(key),
    tags: Object.freeze({ ...(options.tags ?? {}) }),
    partitions,
    retry,
    checks: Object.freeze([...(options.checks ?? [])]),
    report: reportOf(key, options.report),
    materialize: options.materialize,
  });
}

function reportOf(key: string, report: AssetReport | undefined): AssetReport | undefined {
  if (report === undefined) return undefined;
  const names = [report.stage, report.score?.column, report.score?.acceptedColumn, report.score?.thresholdMetadataKey];
  if (names.some((name) => name !== undefined && (typeof name !== 'string' || name.trim() === ''))) {
    throw new DefinitionError('DEFINITION_INVALID', `Asset "${key}": report's stage, columns and metadata key must be non-empty strings.`, [key]);
  }
  const score = report.score === undefined ? undefined : Object.freeze({ ...report.score });
  return Object.freeze({ stage: report.stage, ...(score === undefined ? {} : { score }) });
}

function validatePartitions(key: string, partitions: readonly string[]): void {
  if (partitions.length === 0) {
    throw new DefinitionError('DEFINITION_INVALID', `Asset "${key}" declares partitions but lists none.`, [key]);
  }
  for (const partition of partitions) {
    const reason = invalidPartitionReason(partition);
    if (reason !== undefined) throw new DefinitionError('DEFINITION_INVALID', `Asset "${key}": ${reason}.`, [key]);
  }
  const duplicate = partitions.find((partition, index) => partitions.indexOf(partition) !== index);
  if (duplicate !== undefined) {
    throw new DefinitionError('DEFINITION_INVALID', `Asset "${key}" lists partition "${duplicate}" twice.`, [key]);
  }
}
