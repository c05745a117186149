/**
 * Test helpers for asset code, imported by tests as `runtime/testing.ts` (not part of `runtime/index.ts`):
 * the executor's own `MaterializeContext` over an in-memory lake, whose journal, staging and attachments can be inspected,
 * `AssetInput`s built from plain rows, and `materializeForTest`, which runs the executor's own per-slot path
 * (lock, retries, checks, commit, `ctx.previous()`); only the lake (in memory) and the clock are the test's.
 */
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { AnyAsset, AssetInput, Backlog, InputsOf, MaterializeContext, PreviousVersion, ProgressUpdate, RowOf, StagingArea } from './asset/define-asset.ts';
import type { AssetKey } from './asset/asset-key.ts';
import { SchemaValidationError } from './errors.ts';
import { issuesReason, type QuarantinedRow } from './io/quarantine.ts';
import { RunDataCache } from './executor/asset-inputs.ts';
import { createMaterializeContext, previousVersionOf } from './executor/materialize-context.ts';
import { acquireSlotLock, runAndCommit } from './executor/materialize-slot.ts';
import { createSlotEnvironment, type SlotEnvironment } from './executor/run-environment.ts';
import type { RunEventListener } from './executor/run-events.ts';
import { attachmentsPrefix, stagingPrefix, stepResultPath, stepsPrefix, StepJournal, type JournaledStep } from './executor/step-journal.ts';
import { userCause } from './executor/user-code.ts';
import { journalFolder, materializationFolder } from './ledger/lake-layout.ts';
import type { Head } from './ledger/ledger.ts';
import { createMemoryStorage, type MemoryStorage } from './storage/memory-storage.ts';
import type { CheckOutcome, CommittedMaterialization } from './ledger/materialization-record.ts';
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
   * The clock of the in-memory lake, the journal and the executor: objects' `lastModified`, the materialization
   * id's time, steps' `finishedAt`, and a commit's start and finish. Defaults to the wall clock.
   */
  now?: () => Date;
  /** Resume an earlier context's materialization: share its lake, so its journal, staging and attachments. */
  resumeFrom?: TestContext;
  /**
   * The slot's last committed version, from `previousFrom`: `ctx.previous()` answers it, and the context
   * shares its lake (so `materializeForTest` finds it as the slot's head).
   */
  previous?: PreviousVersion<Record<string, unknown>>;
}

/** What a test context runs in: its lake, journal folder and clock (shared by contexts resuming it), and its slot. */
interface ContextState {
  readonly lake: MemoryStorage;
  readonly folder: string;
  readonly now: () => Date;
  readonly env: SlotEnvironment;
  readonly key: AssetKey;
  /** Whether the context is for that asset (given, resumed or built on its previous version), not the default key. */
  readonly isKeyGiven: boolean;
  readonly partition: string | null;
  readonly attempt: number;
  /** The version `previousFrom` built on, when the context was given one. */
  readonly previous: TestVersion | undefined;
  /** The journal last opened in this context, and the asset it publishes for (the attachments' folder). */
  opened?: { journal: StepJournal; asset: AssetKey };
}

/** A committed test materialization: the lake it is in and its record as `previousFrom` hands it on. */
interface TestVersion {
  readonly lake: MemoryStorage;
  readonly record: CommittedMaterialization;
}

const contexts = new WeakMap<TestContext, ContextState>();
const committed = new WeakMap<object, TestVersion>();
const previousVersions = new WeakMap<object, TestVersion>();

/**
 * A `MaterializeContext` for calling `asset.materialize` directly, built by the executor's own
 * `createMaterializeContext` over its `StepJournal` in an in-memory lake: steps are journaled and replayed,
 * staged and attached as in a run, and a step id used twice in one context throws, as the executor does.
 * Handed to `materializeForTest`, it is the slot the executor materializes.
 *
 * @example
 * const first = createTestContext();
 * await asset.materialize(first, {});
 * const resumed = createTestContext({ resumeFrom: first }); // journaled steps replay instead of running
 */
export function createTestContext(options: TestContextOptions = {}): TestContext {
  const from = options.resumeFrom === undefined ? undefined : stateOf(options.resumeFrom, 'createTestContext({ resumeFrom })');
  const previous = options.previous === undefined ? undefined : previousVersions.get(options.previous);
  const key = options.asset ?? from?.key ?? previous?.record.asset ?? 'test/asset';
  const partition = options.partition ?? from?.partition ?? previous?.record.partition ?? null;
  const now = options.now ?? from?.now ?? (() => new Date());
  const lake = from?.lake ?? previous?.lake ?? createMemoryStorage({ now });
  const folder = from?.folder ?? journalFolder(key, partition, 'test-journal');
  const attempt = options.attempt ?? (from === undefined ? 1 : from.attempt + 1);
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
  // The test's clock, and retries without waiting: the attempts and their order are the executor's, not the delays.
  const env = createSlotEnvironment(
    { storage: lake, now, onEvent: emit, sleep: () => Promise.resolve(), ...(options.signal === undefined ? {} : { signal: options.signal }) },
    options.runId ?? 'test-run',
    now(),
  );
  const state: ContextState = {
    lake, folder, now, env, key, partition, attempt, previous,
    isKeyGiven: options.asset !== undefined || from?.isKeyGiven === true || previous !== undefined,
  };
  const slot = { key, codeVersion: options.codeVersion ?? '1' };
  let used: Promise<MaterializeContext> | undefined;
  // StepJournal.open is async and createTestContext is not: the journal opens on the context's first use.
  const production = () =>
    (used ??= StepJournal.open(lake, folder, (id) => materializationFolder(key, partition, id), now).then((journal) => {
      state.opened = { journal, asset: key };
      return createMaterializeContext(env, slot, partition, attempt, journal, options.previous);
    }));
  const attachmentsFolder = () => (state.opened === undefined ? undefined : materializationFolder(state.opened.asset, partition, state.opened.journal.materializationId));
  const area = (pick: (ctx: MaterializeContext) => StagingArea, prefix: () => string | undefined): TestStagingArea => ({
    get files() {
      const at = prefix();
      return at === undefined ? new Map<string, Uint8Array>() : lake.snapshot(at);
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
    codeVersion: slot.codeVersion,
    signal: env.signal,
    journal: journalView(lake, folder),
    staging: area((ctx) => ctx.staging, () => stagingPrefix(folder)),
    attachments: area((ctx) => ctx.attachments, () => {
      const at = attachmentsFolder();
      return at === undefined ? undefined : attachmentsPrefix(at);
    }),
    stepsRun,
    stepsReplayed,
    logs,
    progressUpdates,
    step: async (id, fn) => (await production()).step(id, fn),
    progress: (update) => emit({ type: 'slot-progress', asset: key, partition, ...update }),
    log: (message, fields = {}) => emit({ type: 'slot-log', asset: key, partition, message, fields }),
    previous: async () => options.previous,
  };
  contexts.set(context, state);
  return context;
}

function stateOf(context: TestContext, where: string): ContextState {
  const state = contexts.get(context);
  if (state === undefined) throw new TypeError(`${where} takes a context made by createTestContext.`);
  return state;
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
 * The version a test materialization committed, as the next one's `ctx.previous()` (the executor's own,
 * reading it back from the test's lake): its valid rows, metadata, backlog and attachments. A context given it
 * (`createTestContext({ previous })`) materializes in the same lake, over this version as the slot's head;
 * `codeVersion` and `materializedAt` restate who made it and when.
 *
 * @example
 * const first = await materializeForTest(searches, inputs);
 * const second = await materializeForTest(searches, inputs, createTestContext({ previous: previousFrom(searches, first) }));
 */
export function previousFrom<A extends AnyAsset>(
  asset: A,
  materialization: TestMaterialization<RowOf<A>>,
  options: { materializedAt?: string; codeVersion?: string } = {},
): PreviousVersion<Record<string, unknown>> {
  const version = committed.get(materialization);
  if (version === undefined) throw new TypeError('previousFrom takes what materializeForTest returned.');
  const record = { ...version.record, codeVersion: options.codeVersion ?? version.record.codeVersion, finishedAt: options.materializedAt ?? version.record.finishedAt };
  const previous = previousVersionOf(version.lake, new RunDataCache(), asset, record)!;
  previousVersions.set(previous, { lake: version.lake, record });
  return previous;
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
 * Materializes `asset` from `inputs` in the context's in-memory lake by the executor's own per-slot path:
 * the slot's lock, `materialize` with the asset's retry policy (retries do not wait), the result's shape
 * and backlog checked, rows validated (failures quarantined, not thrown), checks run (a throwing check is a
 * failed check, not thrown), and the commit. `ctx.previous()` is the slot's head in that lake (see
 * `previousFrom`). When the last attempt fails, throws what the asset threw (the run records the same error).
 *
 * @example
 * const { rows, checks } = await materializeForTest(matches, { candidates: inputFromRows(candidates, pairs) });
 */
export async function materializeForTest<A extends AnyAsset>(
  asset: A,
  inputs: InputsOf<A['deps']>,
  context: TestContext = createTestContext({ asset: asset.key, codeVersion: asset.codeVersion }),
): Promise<TestMaterialization<RowOf<A>>> {
  const state = stateOf(context, 'materializeForTest');
  const { env, lake, partition } = state;
  if (state.key !== asset.key && (state.isKeyGiven || lake.snapshot(`${state.folder}/`).size > 0)) {
    throw new TypeError(`This test context is for "${state.key}", not "${asset.key}"; create it with createTestContext({ asset: '${asset.key}' }).`);
  }
  const lock = await acquireSlotLock(env, asset, partition);
  try {
    const head = await restatedHead(state, asset);
    const journal = await StepJournal.open(lake, state.folder, (id) => materializationFolder(asset.key, partition, id), state.now);
    state.opened = { journal, asset: asset.key };
    const given = inputs as Record<string, AssetInput<Record<string, unknown>>>;
    const provenance = Object.values(given).flatMap((input) => input.versions.map((version) => ({ asset: input.key, partition: version.partition, dataVersion: version.dataVersion })));
    const run = await runAndCommit(env, {
      asset, partition, head, inputs: given, provenance, journal, lock, waitMs: 0, firstAttempt: state.attempt, abandon: () => undefined,
    });
    if (run.committed === undefined) throw userCause(run.error);
    const { record } = run.committed;
    const materialization: TestMaterialization<RowOf<A>> = {
      rows: run.committed.rows as RowOf<A>[],
      quarantined: [...run.committed.quarantined],
      metadata: record.metadata,
      backlog: record.backlog,
      checks: record.checks,
      attachments: lake.snapshot(attachmentsPrefix(materializationFolder(asset.key, partition, record.id))),
    };
    committed.set(materialization, { lake, record });
    return materialization;
  } finally {
    await lock.release();
  }
}

/** The slot's head, restated as `previousFrom` was told (another code version, another time) when it was. */
async function restatedHead(state: ContextState, asset: AnyAsset): Promise<Head | undefined> {
  const head = await state.env.ledger.readHead(asset.key, state.partition);
  const restated = state.previous?.record;
  if (head === undefined || restated?.id !== head.record.id || (restated.codeVersion === head.record.codeVersion && restated.finishedAt === head.record.finishedAt)) return head;
  await state.env.ledger.commit(restated, head);
  return state.env.ledger.readHead(asset.key, state.partition);
}
