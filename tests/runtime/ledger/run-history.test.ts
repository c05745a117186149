// Reading run history back from the lake: newest first across CLI and Inngest run ids, limits, unreadable
// summaries reported rather than thrown, and unknown ids answered with the nearest ones.
import assert from 'node:assert/strict';
import { utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { z } from 'zod';
import { createAssetGraph, defineAsset, listRuns, readRun, SelectionError, UsageError, type RunSummary } from '../../../runtime/index.ts';
import { Ledger, materializeOne, recordFailure } from '../../../runtime/internal.ts';
import { createTempLake, type TempLake } from '../../support/temp-lake.ts';

function summary(runId: string, overrides: Partial<RunSummary> = {}): RunSummary {
  return {
    format: 1, runId, selection: '*', force: false, partition: null, startedAt: '2026-11-26T10:00:00.000Z',
    finishedAt: '2026-11-26T10:00:01.000Z', durationMs: 1000, status: 'succeeded', outcomes: [], ...overrides,
  };
}

describe('run history', () => {
  let lake: TempLake;
  /** Writes a summary as if its run ended at second `second` (the order listRuns goes by). */
  let writeRun: (runId: string, second: number, overrides?: Partial<RunSummary>) => Promise<void>;
  beforeEach(async () => {
    lake = await createTempLake();
    writeRun = async (runId, second, overrides) => {
      await new Ledger(lake.storage).writeRunSummary(summary(runId, overrides));
      const when = new Date(Date.UTC(2026, 10, 26, 10, 0, second));
      await utimes(join(lake.root, 'metrics', '_runs', `${runId}.json`), when, when);
    };
  });
  afterEach(async () => { await lake.cleanup(); });

  it('lists nothing, and nothing unreadable, in an empty lake', async () => {
    assert.deepEqual(await listRuns(lake.storage), { runs: [], unreadable: [] });
  });

  it('lists runs newest first by when they ended, interleaving our ids with Inngest run ids', async () => {
    await writeRun('20261126T100000000Z-aaaaaa', 1);
    await writeRun('01JDV6QH5T8X4M2N7P3R9S0W1Y', 2, { selection: 'raw/films' });
    await writeRun('20261126T100002000Z-bbbbbb', 3);
    const { runs } = await listRuns(lake.storage);
    assert.deepEqual(runs.map((run) => run.runId), ['20261126T100002000Z-bbbbbb', '01JDV6QH5T8X4M2N7P3R9S0W1Y', '20261126T100000000Z-aaaaaa']);
    assert.equal(runs[1]!.selection, 'raw/films');
  });

  it('breaks ties in time by id, so runs that ended in the same instant keep their start order', async () => {
    for (const id of ['20261126T100000001Z-aaaaaa', '20261126T100000003Z-cccccc', '20261126T100000002Z-bbbbbb']) await writeRun(id, 5);
    const { runs } = await listRuns(lake.storage);
    assert.deepEqual(runs.map((run) => run.runId), ['20261126T100000003Z-cccccc', '20261126T100000002Z-bbbbbb', '20261126T100000001Z-aaaaaa']);
  });

  it('returns 20 runs by default and the newest `limit` when asked, and refuses a limit below 1', async () => {
    for (let index = 0; index < 22; index++) await writeRun(`20261126T1000${String(index).padStart(2, '0')}000Z-abcdef`, index);
    const all = await listRuns(lake.storage);
    assert.equal(all.runs.length, 20);
    assert.equal(all.runs[0]!.runId, '20261126T100021000Z-abcdef');
    const three = await listRuns(lake.storage, { limit: 3 });
    assert.deepEqual(three.runs.map((run) => run.runId), ['20261126T100021000Z-abcdef', '20261126T100020000Z-abcdef', '20261126T100019000Z-abcdef']);
    await assert.rejects(listRuns(lake.storage, { limit: 0 }), (error: unknown) => error instanceof UsageError && /whole number ≥ 1, not 0/.test(error.message));
    await assert.rejects(listRuns(lake.storage, { limit: 2.5 }), UsageError);
  });

  it('reports summaries that are not JSON or not run summaries by path, and lists the others', async () => {
    await writeRun('20261126T100000000Z-aaaaaa', 1);
    await lake.storage.put('metrics/_runs/20261126T100001000Z-broken.json', '{ "format": 1, "runId": ');
    await lake.storage.put('metrics/_runs/20261126T100002000Z-alien.json', JSON.stringify({ format: 1, runId: 'x' }));
    // Not summaries at all: ignored, not reported.
    await lake.storage.put('metrics/_runs/notes.txt', 'hello');
    await lake.storage.put('metrics/_runs/archive/20261126T100003000Z-old.json', JSON.stringify(summary('old')));
    const { runs, unreadable } = await listRuns(lake.storage);
    assert.deepEqual(runs.map((run) => run.runId), ['20261126T100000000Z-aaaaaa']);
    assert.deepEqual(unreadable.sort(), ['metrics/_runs/20261126T100001000Z-broken.json', 'metrics/_runs/20261126T100002000Z-alien.json']);
  });

  it('reads one run by id', async () => {
    await writeRun('20261126T100000000Z-aaaaaa', 1, { status: 'failed', selection: '+gold/matches' });
    const run = await readRun(lake.storage, '20261126T100000000Z-aaaaaa');
    assert.equal(run.status, 'failed');
    assert.equal(run.selection, '+gold/matches');
  });

  it('names the nearest run ids when the id is unknown', async () => {
    await writeRun('20261126T100000000Z-aaaaaa', 1);
    await writeRun('20261126T100500000Z-bbbbbb', 2);
    await assert.rejects(readRun(lake.storage, '20261126T100000000Z-aaaaab'), (error: unknown) => {
      assert.ok(error instanceof SelectionError);
      assert.equal(error.code, 'SELECTION_UNKNOWN_KEY');
      assert.equal(error.suggestions[0], '20261126T100000000Z-aaaaaa');
      assert.match(error.message, /Unknown run "20261126T100000000Z-aaaaab". Did you mean "20261126T100000000Z-aaaaaa"/);
      return true;
    });
    // The random part alone is enough to find it.
    await assert.rejects(readRun(lake.storage, 'bbbbbb'), (error: unknown) => error instanceof SelectionError && error.suggestions[0] === '20261126T100500000Z-bbbbbb');
  });

  it('says when no run was ever recorded, and never reads outside the runs folder for an odd id', async () => {
    await assert.rejects(readRun(lake.storage, '20261126T100000000Z-aaaaaa'), /Unknown run "20261126T100000000Z-aaaaaa". No run has been recorded in .* yet/);
    await lake.storage.put('metrics/secret.json', JSON.stringify(summary('../secret')));
    await assert.rejects(readRun(lake.storage, '../secret'), (error: unknown) => error instanceof SelectionError && /Unknown run "\.\.\/secret"/.test(error.message));
  });

  it('includes runs driven by an orchestrator: settled slots and final failures', async () => {
    const films = defineAsset({ key: 'raw/films', schema: z.object({ id: z.int() }), codeVersion: '1', async materialize() { return { rows: [{ id: 1 }] }; } });
    const graph = createAssetGraph([films]);
    await materializeOne({ graph, storage: lake.storage, asset: 'raw/films', runId: '01JDV6QH5T8X4M2N7P3R9S0W1A', steps: { run: async (_id, fn) => fn() } });
    await recordFailure({ graph, storage: lake.storage, asset: 'raw/films', runId: '01JDV6QH5T8X4M2N7P3R9S0W1B', attempts: 4, error: { name: 'Error', message: 'HTTP 503 after 4 attempts' } });
    const { runs } = await listRuns(lake.storage);
    const byId = new Map(runs.map((run) => [run.runId, run]));
    assert.deepEqual([...byId.keys()].sort(), ['01JDV6QH5T8X4M2N7P3R9S0W1A', '01JDV6QH5T8X4M2N7P3R9S0W1B']);
    assert.equal(byId.get('01JDV6QH5T8X4M2N7P3R9S0W1A')!.outcomes[0]!.type, 'materialized');
    const failed = byId.get('01JDV6QH5T8X4M2N7P3R9S0W1B')!;
    assert.equal(failed.status, 'failed');
    assert.equal(failed.selection, 'raw/films');
    const [outcome] = failed.outcomes;
    assert.deepEqual([outcome!.asset, outcome!.type, outcome!.attempts, outcome!.error?.message], ['raw/films', 'failed', 4, 'HTTP 503 after 4 attempts']);
  });

  it('keeps the other slots of a run when a final failure is recorded into it', async () => {
    await writeRun('01JDV6QH5T8X4M2N7P3R9S0W1C', 1, {
      startedAt: '2026-11-26T09:00:00.000Z',
      outcomes: [{
        asset: 'raw/other', partition: null, type: 'materialized', reason: null, materializationId: 'm', dataVersion: 'v', rows: 1, quarantined: 0,
        bytes: 10, waitMs: 0, durationMs: 5, attempts: 1, steps: { ran: 0, replayed: 0 }, error: null, metadata: {},
      }],
    });
    const films = defineAsset({ key: 'raw/films', schema: z.object({ id: z.int() }), codeVersion: '1', async materialize() { return { rows: [] }; } });
    await recordFailure({ graph: createAssetGraph([films]), storage: lake.storage, asset: 'raw/films', runId: '01JDV6QH5T8X4M2N7P3R9S0W1C', attempts: 1, error: { name: 'NonRetriableError', message: 'bad key' } });
    const run = await readRun(lake.storage, '01JDV6QH5T8X4M2N7P3R9S0W1C');
    assert.deepEqual(run.outcomes.map((outcome) => [outcome.asset, outcome.type]), [['raw/other', 'materialized'], ['raw/films', 'failed']]);
    assert.equal(run.startedAt, '2026-11-26T09:00:00.000Z');
    assert.equal(run.status, 'failed');
  });
});
