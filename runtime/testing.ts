/**
 * Test helpers for asset code, imported by tests as `runtime/testing.ts` (not part of `runtime/index.ts`):
 * the executor's own `MaterializeContext` over an in-memory lake, whose journal, staging and attachments can be inspected,
 * `AssetInput`s built from plain rows, and `materializeForTest`, which runs the executor's own result checks,
 * row validation and check loop (only the lake and the journal are in memory).
 */
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { AnyAsset, AssetInput, Backlog, InputsOf, MaterializeContext, PreviousVersion, ProgressUpdate, RowOf, StagingArea } from './asset/define-asset.ts';
import type { AssetKey } from './asset/asset-key.ts';
import { SchemaValidationError } from './errors.ts';
import { issuesReason, validateRows, type QuarantinedRow } from './io/quarantine.ts';
import { createMaterializeContext } from './executor/materialize-context.ts';
import { checkMaterializeResult, runChecks } from './executor/result-checks.ts';
import type { RunEnvironment } from './executor/run-environment.ts';
import type { RunEventListener } from './executor/run-events.ts';
import { attachmentsPrefix, stagingPrefix, stepResultPath, stepsPrefix, StepJournal, type JournaledStep } from './executor/step-journal.ts';
import { journalFolder, materializationFolder } from './ledger/lake-layout.ts';
import { createMemoryStorage, type MemoryStorage } from './storage/memory-storage.ts';
import type { CheckOutcome } from './ledger/materialization-record.ts';
import { tableFromRows } from './io/table-from-rows.ts';
import type { JsonObject, JsonValue } from './json.ts';

/**
 * The steps journaled so far, by id, read from the in-memory lake. `delete` drops one, as if the process had
 * died before journaling it.
 */
export interface TestStepJournal {
  /** How many steps are journaled. */
  readonly size: number;
  /** Whether step `id` is journaled. */
  has(id: string): boolean;
  /** Step `id`'s journaled result (as JSON stores it), or undefined when it is not journaled. */
  get(id: string): { readonly result: JsonValue | undefined } | undefined;
  /** The journaled step ids. */
  keys(): string[];
  /** Drops step `id` from the journal; false when it was not there. */
  delete(id: string): boolean;
}

/** Staging (or attachments) in the in-memory lake, whose files a test can read directly. */
export interface TestStagingArea extends StagingArea {
  /** A snapshot of the files, by name. */
  readonly files: Map<string, Uint8Array>;
}

/** A `MaterializeContext` for tests, which also shows what the asset journaled, staged, attached and logged. */
export interface TestContext extends Omit<MaterializeContext, 'previous' | 'staging' | 'attachments'> {
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
 * `createTestContext`'s options: the asset, partition, run, attempt, code version, signal, clock, previous
 * version, and a context to resume from.
 */
export interface TestContextOptions {
  asset?: AssetKey;
  partition?: string | null;
  runId?: string;
  attempt?: number;
  codeVersion?: string;
  signal?: AbortSignal;
  /**
   * The clock of the in-memory lake and the journal: objects' `lastModified`, the materialization id's time
   * and steps' `finishedAt`. Defaults to the wall clock.
   */
  now?: () => Date;
  /** Resume an earlier context's materialization: share its lake, so its journal, staging and attachments. */
  resumeFrom?: TestContext;
  /** What `ctx.previous()` answers: the slot's last committed version (see `previousFrom`). */
  previous?: PreviousVersion<Record<string, unknown>>;
}

// The lake and journal folder of each test context, so a context resuming it opens the same journal.
const lakes = new WeakMap<TestContext, { lake: MemoryStorage; folder: string }>();

/**
 * A `MaterializeContext` for calling `asset.materialize` directly, built by the executor's own
 * `createMaterializeContext` over its `StepJournal` in an in-memory lake: steps are journaled and replayed,
 * staged and attached as in a run, and a step id used twice in one context throws, as the executor does.
 * Only `previous()` is the test's own (the `previous` option).
 *
 * @example
 * const first = createTestContext();
 * await asset.materialize(first, {});
 * const resumed = createTestContext({ resumeFrom: first }); // journaled steps replay instead of running
 */
export function createTestContext(options: TestContextOptions = {}): TestContext {
  const key = options.asset ?? 'test/asset';
  const partition = options.partition ?? null;
  const resumed = options.resumeFrom === undefined ? undefined : lakes.get(options.resumeFrom);
  const now = options.now ?? (() => new Date());
  const lake = resumed?.lake ?? createMemoryStorage({ now });
  const folder = resumed?.folder ?? journalFolder(key, partition, 'test-journal');
  const attempt = options.attempt ?? (options.resumeFrom === undefined ? 1 : options.resumeFrom.attempt + 1);
  const stepsRun: string[] = [];
  const stepsReplayed: string[] = [];
  const logs: Array<{ message: string; fields: JsonObject }> = [];
  const progressUpdates: ProgressUpdate[] = [];
  const emit: RunEventListener = (event) => {
    if (event.type === 'step-finished') (event.replayed ? stepsReplayed : stepsRun).push(event.step);
    else if (event.type === 'slot-log') logs.push({ message: event.message, fields: event.fields });
    else if (event.type === 'slot-progress') {
      const { type: _type, asset: _asset, partition: _partition, ...update } = event;
      progressUpdates.push(update);
    }
  };
  // createMaterializeContext reads only these of a run's environment; the rest (graph, ledger, cache) serve
  // `previous()`, which the test context answers itself.
  const env = { storage: lake, runId: options.runId ?? 'test-run', signal: options.signal ?? new AbortController().signal, emit } as Partial<RunEnvironment> as RunEnvironment;
  const asset = { key, codeVersion: options.codeVersion ?? '1' } as AnyAsset;
  let journal: StepJournal | undefined;
  let opened: Promise<MaterializeContext> | undefined;
  // StepJournal.open is async and createTestContext is not: the journal opens on the context's first use.
  const production = () =>
    (opened ??= StepJournal.open(lake, folder, (id) => materializationFolder(key, partition, id), now).then((open) => {
      journal = open;
      return createMaterializeContext(env, asset, partition, attempt, open, undefined);
    }));
  const area = (pick: (ctx: MaterializeContext) => StagingArea, prefix: (open: StepJournal) => string): TestStagingArea => ({
    get files() {
      return journal === undefined ? new Map<string, Uint8Array>() : lake.snapshot(prefix(journal));
    },
    putBytes: async (name, body) => pick(await production()).putBytes(name, body),
    getBytes: async (name) => pick(await production()).getBytes(name),
    putJson: async (name, value) => pick(await production()).putJson(name, value),
    getJson: async <T extends JsonValue>(name: string) => pick(await production()).getJson<T>(name),
    list: async () => pick(await production()).list(),
  });
  const context: TestContext = {
    asset: key,
    partition,
    runId: env.runId,
    attempt,
    codeVersion: asset.codeVersion,
    signal: env.signal,
    journal: journalView(lake, folder),
    staging: area((ctx) => ctx.staging, () => stagingPrefix(folder)),
    attachments: area((ctx) => ctx.attachments, (open) => attachmentsPrefix(materializationFolder(key, partition, open.materializationId))),
    stepsRun,
    stepsReplayed,
    logs,
    progressUpdates,
    step: async (id, fn) => (await production()).step(id, fn),
    progress: (update) => emit({ type: 'slot-progress', asset: key, partition, ...update }),
    log: (message, fields = {}) => emit({ type: 'slot-log', asset: key, partition, message, fields }),
    previous: async () => options.previous,
  };
  lakes.set(context, { lake, folder });
  return context;
}

function journalView(lake: MemoryStorage, folder: string): TestStepJournal {
  const steps = () =>
    new Map(
      [...lake.snapshot(stepsPrefix(folder)).values()].map((body) => {
        const step = JSON.parse(new TextDecoder().decode(body)) as JournaledStep;
        return [step.id, { result: step.hasResult ? step.result : undefined }] as const;
      }),
    );
  return {
    get size() {
      return steps().size;
    },
    has: (id) => steps().has(id),
    get: (id) => steps().get(id),
    keys: () => [...steps().keys()],
    delete: (id) => lake.forget(stepResultPath(folder, id)),
  };
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
