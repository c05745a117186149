// `medallion runs`: the run list and one run's timeline, from runs actually made through the CLI (an asset
// that retries, one that fails, one that cannot run, and a no-op run).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { z } from 'zod';
import { createAssetGraph, defineAsset, type AssetGraph, type RunHistory, type RunSummary } from '../../../runtime/index.ts';
import { timelineBar } from '../../../runtime/cli/run-timeline.ts';
import { runCapturedCli } from '../../support/capture-cli.ts';
import type { ErrorBody, Suggestions } from '../../support/json.ts';
import { createTempLake, type TempLake } from '../../support/temp-lake.ts';

const noDelay = { initialDelayMs: 0, maxDelayMs: 0 };

/** raw/films fails its first attempt then lands 2 rows; raw/broken always fails; gold/orphan needs raw/broken. */
function createGraph(): AssetGraph {
  let filmAttempts = 0;
  const films = defineAsset({
    key: 'raw/films', schema: z.object({ id: z.int() }), codeVersion: '1', retry: { maxAttempts: 3, ...noDelay },
    async materialize() {
      if (++filmAttempts === 1) throw new Error('HTTP 503 from the source');
      return { rows: [{ id: 1 }, { id: 2 }] };
    },
  });
  const broken = defineAsset({
    key: 'raw/broken', schema: z.object({ id: z.int() }), codeVersion: '1', retry: { maxAttempts: 2, ...noDelay },
    async materialize() { throw new Error('the source said no'); },
  });
  const count = defineAsset({
    key: 'gold/count', schema: z.object({ n: z.int() }), codeVersion: '1', deps: { films },
    async materialize(_ctx, inputs) { return { rows: [{ n: inputs.films.numRows }] }; },
  });
  const orphan = defineAsset({
    key: 'gold/orphan', schema: z.object({ n: z.int() }), codeVersion: '1', deps: { broken },
    async materialize() { return { rows: [] }; },
  });
  return createAssetGraph([films, broken, count, orphan]);
}

const refuseGraph = () => {
  throw new Error('the runs command must not load the asset graph');
};

describe('medallion runs', () => {
  let lake: TempLake;
  let failedRun: RunSummary & { materialized: string[]; skipped: string[]; failed: string[] };
  let noopRunId: string;
  const runs = (...argv: string[]) => runCapturedCli(['runs', ...argv], refuseGraph, { env: { MEDALLION_LAKE: lake.root } });

  before(async () => {
    lake = await createTempLake();
    const graph = createGraph();
    const first = await runCapturedCli(['materialize', '--all', '--json'], graph, { env: { MEDALLION_LAKE: lake.root } });
    assert.equal(first.code, 1, 'raw/broken fails the run');
    failedRun = JSON.parse(first.stdout) as typeof failedRun;
    const second = await runCapturedCli(['materialize', '+gold/count', '--json'], graph, { env: { MEDALLION_LAKE: lake.root } });
    assert.equal(second.code, 0, second.stdout);
    noopRunId = (JSON.parse(second.stdout) as RunSummary).runId;
  });
  after(async () => { await lake.cleanup(); });

  it('lists the runs newest first: start, duration, selection, counts, rows and the first failure', async () => {
    const result = await runs();
    assert.equal(result.code, 0, result.stderr);
    const lines = result.stdout.split('\n');
    assert.match(lines[0]!, /^RUN\s+STARTED \(UTC\)\s+DURATION\s+SELECTION\s+STATUS\s+MATERIALIZED\s+SKIPPED\s+FAILED\s+ROWS\s+FIRST FAILURE$/);
    assert.match(lines[1]!, new RegExp(`^${noopRunId}\\s+\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\s+[\\d.]+ m?s\\s+\\+gold/count\\s+succeeded\\s+0\\s+2\\s+0\\s+0$`));
    assert.match(lines[2]!, new RegExp(`^${failedRun.runId}\\s+\\S+ \\S+\\s+[\\d.]+ m?s\\s+\\*\\s+failed\\s+2\\s+0\\s+2\\s+3\\s+raw/broken failed in materialize: the source said no$`));
    assert.match(result.stdout, /"medallion runs RUN_ID" shows one run's timeline\./);
    assert.equal(result.stderr, '');
  });

  it('prints { runs, unreadable } with --json, each run as its summary', async () => {
    const result = await runs('--json');
    assert.equal(result.code, 0);
    const body = JSON.parse(result.stdout) as RunHistory;
    assert.deepEqual(Object.keys(body), ['runs', 'unreadable']);
    assert.deepEqual(body.runs.map((run) => run.runId), [noopRunId, failedRun.runId]);
    assert.deepEqual(body.unreadable, []);
    const failed = body.runs[1]!;
    assert.deepEqual(
      Object.keys(failed).sort(),
      ['durationMs', 'finishedAt', 'force', 'format', 'instance', 'outcomes', 'partition', 'runId', 'selection', 'startedAt', 'status'],
    );
    assert.deepEqual(failed.outcomes, failedRun.outcomes, 'the same outcomes materialize reported');
  });

  it('limits the list with --limit and says there may be more', async () => {
    const result = await runs('--limit', '1');
    assert.equal(result.code, 0);
    assert.equal(result.stdout.split('\n').filter((line) => line.startsWith('2026') || /^\d{8}T/.test(line)).length, 1);
    assert.match(result.stdout, new RegExp(`^${noopRunId}`, 'm'));
    assert.doesNotMatch(result.stdout, new RegExp(failedRun.runId));
    assert.match(result.stdout, /These are the 1 most recent; --limit N shows more\./);
    assert.equal((JSON.parse((await runs('--limit', '1', '--json')).stdout) as RunHistory).runs.length, 1);
    for (const bad of ['0', '-3', '2.5', 'ten']) {
      const refused = await runs(`--limit=${bad}`);
      assert.equal(refused.code, 2, bad);
      assert.match(refused.stderr, new RegExp(`--limit must be a whole number ≥ 1, not "${bad.replace('.', '\\.')}"`));
    }
  });

  it("shows one run's timeline: wait, time, attempts, rows, size, outcome, a bar per slot, and the failures in full", async () => {
    const result = await runs(failedRun.runId);
    assert.equal(result.code, 0, result.stderr);
    const out = result.stdout;
    assert.match(out, new RegExp(`^Run ${failedRun.runId} · failed\n  selection  \\*\n  started    \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} UTC\n`));
    assert.match(out, /outcome {4}2 materialized, 0 skipped, 1 failed, 1 not run \(upstream failed\) · 3 rows · [\d.]+ K?B written/);
    assert.match(out, /^SLOT\s+OUTCOME\s+WAIT\s+TIME\s+ATTEMPTS\s+ROWS\s+SIZE\s+TIMELINE \([\d.]+ m?s\)\s+NOTE$/m);
    const row = (slot: string) => out.split('\n').find((line) => line.startsWith(`${slot} `)) ?? assert.fail(`no row for ${slot}`);
    const bar = '\\|[·█ ]{24}\\|';
    assert.match(row('raw/films'), new RegExp(`^raw/films\\s+materialized\\s+[\\d.]+ m?s\\s+[\\d.]+ m?s\\s+2\\s+2\\s+[\\d.]+ K?B\\s+${bar}\\s+1 retry$`));
    assert.match(row('raw/broken'), new RegExp(`^raw/broken\\s+failed\\s+[\\d.]+ m?s\\s+[\\d.]+ m?s\\s+2\\s+${bar}\\s+raw/broken failed in materialize: the source said no$`));
    assert.match(row('gold/count'), new RegExp(`^gold/count\\s+materialized\\s+[\\d.]+ m?s\\s+[\\d.]+ m?s\\s+1\\s+1\\s+[\\d.]+ K?B\\s+${bar}$`));
    assert.match(row('gold/orphan'), new RegExp(`^gold/orphan\\s+upstream-failed\\s+[\\d.]+ m?s\\s+0 ms\\s+${bar}\\s+upstream "raw/broken" failed$`));
    assert.ok(row('raw/films').includes('█') && row('gold/count').includes('█'), 'slots that ran show where they ran');
    assert.ok(!row('gold/orphan').includes('█'), 'a slot that never ran has no run segment');
    assert.ok(out.indexOf('gold/count ') > out.indexOf('raw/films '), 'slots in the order they started');
    assert.match(out, /\nFailures:\n {2}✗ raw\/broken failed after 2 attempts \(ASSET_EXECUTION\): raw\/broken failed in materialize: the source said no\n$/);
  });

  it('prints the run summary itself for RUN_ID --json', async () => {
    const result = await runs(failedRun.runId, '--json');
    assert.equal(result.code, 0);
    const run = JSON.parse(result.stdout) as RunSummary;
    assert.equal(run.runId, failedRun.runId);
    assert.equal(run.status, 'failed');
    assert.deepEqual(run.outcomes, failedRun.outcomes);
  });

  it('exits 2 for an unknown run id, naming the nearest ones', async () => {
    const typo = `${failedRun.runId.slice(0, -1)}${failedRun.runId.endsWith('0') ? '1' : '0'}`;
    const result = await runs(typo);
    assert.equal(result.code, 2);
    assert.match(result.stderr, new RegExp(`^medallion: Unknown run "${typo}". Did you mean "${failedRun.runId}"`));
    assert.match(result.stderr, /"medallion runs" lists the recent runs\./);
    const json = await runs(typo, '--json');
    assert.equal(json.code, 2);
    const { error } = JSON.parse(json.stdout) as ErrorBody<Suggestions>;
    assert.equal(error.code, 'SELECTION_UNKNOWN_KEY');
    assert.equal(error.suggestions[0], failedRun.runId);
  });

  it('refuses a second run id, and --limit with a run id', async () => {
    const two = await runs(failedRun.runId, noopRunId);
    assert.equal(two.code, 2);
    assert.match(two.stderr, /Give one run id at most, not 2/);
    const limited = await runs(failedRun.runId, '--limit', '3');
    assert.equal(limited.code, 2);
    assert.match(limited.stderr, /--limit applies to the list of runs; leave it out with a RUN_ID/);
  });

  it('still lists the runs when a summary is unreadable, and names it on stderr', async () => {
    await lake.storage.put('metrics/_runs/20000101T000000000Z-broken.json', 'not json');
    try {
      const result = await runs();
      assert.equal(result.code, 0);
      assert.match(result.stdout, new RegExp(failedRun.runId));
      assert.match(result.stderr, /1 run summary could not be read \(not JSON, or not a run summary\) and is left out: metrics\/_runs\/20000101T000000000Z-broken\.json\. Move it aside\./);
      assert.deepEqual((JSON.parse((await runs('--json')).stdout) as RunHistory).unreadable, ['metrics/_runs/20000101T000000000Z-broken.json']);
    } finally {
      await lake.storage.delete('metrics/_runs/20000101T000000000Z-broken.json');
    }
  });

  it('is listed in the help', async () => {
    const help = await runCapturedCli(['--help'], refuseGraph);
    assert.match(help.stdout, /^ {2}runs\s+list the recent runs/m);
    const own = await runCapturedCli(['runs', '--help'], refuseGraph);
    assert.match(own.stdout, /Usage: medallion runs \[RUN_ID\] \[--limit N\]/);
  });
});

describe('medallion runs on an empty lake', () => {
  let lake: TempLake;
  before(async () => { lake = await createTempLake(); });
  after(async () => { await lake.cleanup(); });

  it('says there are no runs yet and how to make one, and exits 0', async () => {
    const result = await runCapturedCli(['runs'], refuseGraph, { env: { MEDALLION_LAKE: lake.root } });
    assert.equal(result.code, 0);
    assert.match(result.stdout, /^No runs yet in .*: run "medallion materialize --all"/);
    const json = await runCapturedCli(['runs', '--json'], refuseGraph, { env: { MEDALLION_LAKE: lake.root } });
    assert.deepEqual(JSON.parse(json.stdout), { runs: [], unreadable: [] });
    const one = await runCapturedCli(['runs', '20261126T132633293Z-c5a874'], refuseGraph, { env: { MEDALLION_LAKE: lake.root } });
    assert.equal(one.code, 2);
    assert.match(one.stderr, /Unknown run "20261126T132633293Z-c5a874". No run has been recorded in .* yet/);
  });
});

describe('timeline bar', () => {
  it('draws the wait, then the time spent, scaled to the run', () => {
    assert.equal(timelineBar(0, 1000, 1000, 10), '██████████');
    assert.equal(timelineBar(500, 250, 1000, 10), '·····███  ');
    assert.equal(timelineBar(250, 0, 1000, 8), '··      ', 'a slot that did not run has only its wait');
  });

  it('gives a slot that ran at least one column, even at the very end of the run', () => {
    assert.equal(timelineBar(0, 1, 1000, 10), '█         ');
    assert.equal(timelineBar(1000, 1, 1000, 10), '·········█');
    assert.equal(timelineBar(0, 0, 0, 4), '    ', 'an instant run draws nothing');
  });
});
