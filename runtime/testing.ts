/**
 * Test helpers for asset code, imported by tests as `runtime/testing.ts` (not part of `runtime/index.ts`):
 * a `MaterializeContext` whose step journal, staging and attachments live in memory and can be inspected,
 * `AssetInput`s built from plain rows, and `materializeForTest`, which runs the executor's own result checks,
 * row validation and check loop (only the lake and the journal are in memory).
 */
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { AnyAsset, AssetInput, Backlog, InputsOf, MaterializeContext, PreviousVersion, ProgressUpdate, RowOf, StagingArea } from './asset/define-asset.ts';
import type { AssetKey } from './asset/asset-key.ts';
import { SchemaValidationError } from './errors.ts';
import { issuesReason, validateRows, type QuarantinedRow } from './io/quarantine.ts';
import { checkMaterializeResult, runChecks } from './executor/result-checks.ts';
import { claimStepId } from './executor/step-journal.ts';
import type { CheckOutcome } from './ledger/materialization-record.ts';
import { tableFromRows } from './io/table-from-rows.ts';
import type { JsonObject, JsonValue } from './json.ts';

/** Journaled step results by id; shared by contexts that resume one another. */
export type TestStepJournal = Map<string, { readonly result: JsonValue | undefined }>;

/** In-memory staging whose files a test can read directly. */
export interface TestStagingArea extends StagingArea {
  readonly files: Map<string, Uint8Array>;
}

/** A `MaterializeContext` for tests, which also shows what the asset journaled, staged, attached and logged. */
export interface TestContext extends Omit<MaterializeContext, 'previous'> {
  // any: one test context is handed to assets of every row type, as the executor's is.
  previous(): Promise<PreviousVersion<any> | undefined>;
  readonly journal: TestStepJournal;
  readonly staging: TestStagingArea;
  /** Everything the asset attached (`ctx.attachments`), inspectable through `.files`. */
  readonly attachments: TestStagingArea;
  /** Every `ctx.progress` update, in order. */
  readonly progressUpdates: ProgressUpdate[];
  /** Step ids whose function ran in this context, in order. */
  readonly stepsRun: string[];
  /** Step ids answered from the journal in this context, in order. */
  readonly stepsReplayed: string[];
  readonly logs: Array<{ message: string; fields: JsonObject }>;
}

/**
 * `createTestContext`'s options: the asset, partition, run, attempt, code version, signal, previous version,
 * and a context to resume from.
 */
export interface TestContextOptions {
  asset?: AssetKey;
  partition?: string | null;
  runId?: string;
  attempt?: number;
  codeVersion?: string;
  signal?: AbortSignal;
  /** Resume an earlier context's materialization: share its journal, staging and attachments. */
  resumeFrom?: TestContext;
  /** What `ctx.previous()` answers: the slot's last committed version (see `previousFrom`). */
  previous?: PreviousVersion<Record<string, unknown>>;
}

/**
 * A `MaterializeContext` for calling `asset.materialize` directly. Step results are JSON round-tripped as
 * the lake journal stores them, and a step id used twice in one context throws, as the executor does.
 *
 * @example
 * const first = createTestContext();
 * await asset.materialize(first, {});
 * const resumed = createTestContext({ resumeFrom: first }); // journaled steps replay instead of running
 */
export function createTestContext(options: TestContextOptions = {}): TestContext {
  const journal: TestStepJournal = options.resumeFrom?.journal ?? new Map<string, { readonly result: JsonValue | undefined }>();
  const staging = options.resumeFrom?.staging ?? createTestStagingArea();
  const attachments = options.resumeFrom?.attachments ?? createTestStagingArea();
  const usedIds = new Set<string>();
  const context: TestContext = {
    asset: options.asset ?? 'test/asset',
    partition: options.partition ?? null,
    runId: options.runId ?? 'test-run',
    attempt: options.attempt ?? (options.resumeFrom === undefined ? 1 : options.resumeFrom.attempt + 1),
    codeVersion: options.codeVersion ?? '1',
    signal: options.signal ?? new AbortController().signal,
    journal,
    staging,
    attachments,
    stepsRun: [],
    stepsReplayed: [],
    logs: [],
    progressUpdates: [],
    async step<T extends JsonValue | void>(id: string, fn: () => T | Promise<T>): Promise<T> {
      claimStepId(usedIds, id);
      const journaled = journal.get(id);
      if (journaled !== undefined) {
        context.stepsReplayed.push(id);
        return journaled.result as T;
      }
      const value = await fn();
      journal.set(id, { result: value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as JsonValue) });
      context.stepsRun.push(id);
      return value;
    },
    progress(update) {
      context.progressUpdates.push(update);
    },
    log(message, fields = {}) {
      context.logs.push({ message, fields });
    },
    async previous() {
      return options.previous;
    },
  };
  return context;
}

/**
 * The version a test materialization would have committed, as the next one's `ctx.previous()`: its valid
 * rows, metadata, backlog and attachments.
 *
 * @example
 * const first = await materializeForTest(searches, inputs, createTestContext());
 * const second = await materializeForTest(searches, inputs, createTestContext({ previous: previousFrom(searches, first) }));
 */
export function previousFrom<A extends AnyAsset>(
  asset: A,
  materialization: TestMaterialization<RowOf<A>>,
  options: { materializedAt?: string; codeVersion?: string } = {},
): PreviousVersion<Record<string, unknown>> {
  const attachments = Object.fromEntries(materialization.attachments ?? []);
  return {
    ...inputFromRows(asset, materialization.rows as z.input<A['schema']>[], materialization.metadata, { attachments }),
    codeVersion: options.codeVersion ?? asset.codeVersion,
    materializedAt: options.materializedAt ?? new Date().toISOString(),
    metadata: materialization.metadata,
    backlog: materialization.backlog,
  };
}

/** A staging area in memory, for a `TestContext`. */
export function createTestStagingArea(): TestStagingArea {
  const files = new Map<string, Uint8Array>();
  return {
    files,
    async putBytes(name, body) {
      files.set(name, body);
    },
    async getBytes(name) {
      return files.get(name);
    },
    async putJson(name, value) {
      files.set(name, new TextEncoder().encode(JSON.stringify(value)));
    },
    async getJson<T extends JsonValue>(name: string): Promise<T | undefined> {
      const body = files.get(name);
      return body === undefined ? undefined : (JSON.parse(new TextDecoder().decode(body)) as T);
    },
    async list() {
      return [...files.keys()].sort();
    },
  };
}

/** `inputFromRows`'s options: the partition, data version and attachments the input has. */
export interface InputFromRowsOptions {
  dataVersion?: string;
  partition?: string | null;
  /** Files the upstream attached, served by `readAttachment`. */
  attachments?: Readonly<Record<string, Uint8Array | string>>;
}

/**
 * An `AssetInput` over plain rows. Given the upstream asset, rows are parsed with its schema (as rows read
 * from the lake are) and `table()` works; given only a key, rows are served as they are and `table()`
 * throws, since there is no schema to build the Arrow table from.
 *
 * @example
 * const input = inputFromRows(rawTmdbMovies, [{ tmdb_id: 1, title: 'Heat', ... }], { pages_fetched: 1 });
 * await tmdbMovies.materialize(createTestContext(), { raw: input });
 */
export function inputFromRows<A extends AnyAsset>(
  upstream: A,
  rows: readonly z.input<A['schema']>[],
  metadata?: JsonObject,
  options?: InputFromRowsOptions,
): AssetInput<RowOf<A>>;
/** The same over a key alone: rows are served as they are, and `table()` throws (there is no schema). */
export function inputFromRows<Row extends object>(
  key: AssetKey,
  rows: readonly Row[],
  metadata?: JsonObject,
  options?: InputFromRowsOptions,
): AssetInput<Row>;
export function inputFromRows(
  upstream: AnyAsset | AssetKey,
  rows: readonly object[],
  metadata: JsonObject = {},
  options: InputFromRowsOptions = {},
): AssetInput<object> {
  const asset = typeof upstream === 'string' ? undefined : upstream;
  // Rows given with only a key are served as they are: there is no schema to parse them with.
  const parsed = asset === undefined ? ([...rows] as Record<string, unknown>[]) : parseRows(asset, rows);
  const attachments = new Map(Object.entries(options.attachments ?? {}).map(([name, body]) => [name, toBytes(body)]));
  return {
    key: asset?.key ?? (upstream as AssetKey),
    versions: [{ partition: options.partition ?? null, dataVersion: options.dataVersion ?? hashRows(parsed), numRows: parsed.length, metadata }],
    numRows: parsed.length,
    async rows() {
      return structuredClone(parsed);
    },
    async table() {
      if (asset === undefined) {
        throw new Error(`inputFromRows("${String(upstream)}") was given a key, not the asset, so it has no schema for table(); pass the asset.`);
      }
      return tableFromRows(parsed, asset.schema);
    },
    async readAttachment(name, partition = null) {
      return partition === (options.partition ?? null) ? attachments.get(name) : undefined;
    },
  };
}

function parseRows(asset: AnyAsset, rows: readonly object[]): Record<string, unknown>[] {
  return rows.map((row, index) => {
    const result = asset.schema.safeParse(row);
    if (!result.success) throw new SchemaValidationError(`Row ${index} given for "${asset.key}" fails its schema: ${issuesReason(result.error.issues)}`);
    return result.data;
  });
}

function toBytes(body: Uint8Array | string): Uint8Array {
  return typeof body === 'string' ? new TextEncoder().encode(body) : body;
}

function hashRows(rows: readonly object[]): string {
  return `test-${createHash('sha256').update(JSON.stringify(rows)).digest('hex').slice(0, 16)}`;
}

/** What `materializeForTest` returns: valid rows, quarantined rows, metadata, backlog, check results, attachments. */
export interface TestMaterialization<Row> {
  /** Rows that passed the asset's schema, parsed, in order. */
  rows: Row[];
  quarantined: QuarantinedRow[];
  metadata: JsonObject;
  backlog: Backlog | undefined;
  /** The checks' outcomes as the ledger records them: a check that throws is a failed outcome with its message. */
  checks: TestCheckOutcome[];
  /** What the asset attached, by name (the context's `attachments.files`). */
  attachments?: ReadonlyMap<string, Uint8Array>;
}

/** One check's outcome, as a committed materialization records it (`message` is null when the check gave none). */
export type TestCheckOutcome = CheckOutcome;

/**
 * Calls `asset.materialize`, then does what a commit does before publishing, with the executor's own code:
 * checks the result's shape and records its backlog, validates the rows against the schema (failures are
 * quarantined, not thrown), and runs the asset's checks on the valid rows (a throwing check is recorded as
 * failed, not thrown).
 *
 * @example
 * const { rows, checks } = await materializeForTest(matches, { candidates: inputFromRows(candidates, pairs) });
 */
export async function materializeForTest<A extends AnyAsset>(
  asset: A,
  inputs: InputsOf<A['deps']>,
  context: TestContext = createTestContext({ asset: asset.key, codeVersion: asset.codeVersion }),
): Promise<TestMaterialization<RowOf<A>>> {
  const result = checkMaterializeResult(await asset.materialize(context, inputs));
  const { valid, quarantined } = validateRows(result.rows, asset.schema);
  const checks = await runChecks(asset, valid);
  return { rows: valid as RowOf<A>[], quarantined, metadata: result.metadata ?? {}, backlog: result.backlog, checks, attachments: new Map(context.attachments.files) };
}
