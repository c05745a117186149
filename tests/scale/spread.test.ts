// Scale-out on the real engine (issue 15): self-hosted `inngest start` on Redis and PostgreSQL, three
// `medallion serve` replicas behind nginx, one Azurite lake. Signing on every replica, the whole pipeline spread
// over the replicas with the data of a single process, and a writer outside Inngest serialized by the lease lock.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { Ledger, readCommittedTable } from '../../runtime/internal.ts';
import { jsonOf } from '../support/json.ts';
import { ScaleStack } from './support/scale-stack.ts';
import { materializeInOneProcess, slotHeads, versionsOf } from './support/slot-heads.ts';

describe('medallion scaled out on self-hosted Inngest', { timeout: 900_000 }, () => {
  let stack: ScaleStack;
  before(async () => {
    stack = await ScaleStack.start();
  });
  after(async () => {
    await stack?.close();
  });

  it('refuses unsigned and wrongly signed calls to /api/inngest with 401 on every replica and through nginx; the server\'s own calls sync the app', { timeout: 60_000 }, async () => {
    const { apps } = await stack.inngest.gql<{ apps: { name: string; url: string; functionCount: number; error: string | null }[] }>('{ apps { name url functionCount error } }');
    const app = apps.find((candidate) => candidate.name === 'medallion');
    assert.equal(app?.error, null);
    assert.equal(app?.functionCount, stack.graph.size * 2 + 1, 'one function and one failure handler per asset, and the landing observer');
    assert.equal(new URL(app.url).port, new URL(stack.url).port, 'synced at nginx\'s URL (Inngest writes 127.0.0.1 as localhost)');
    const body = JSON.stringify({ event: { name: 'medallion/asset.requested', data: { asset: stack.sinks[0] } }, events: [], steps: {}, ctx: { run_id: '01J00000000000000000000000', attempt: 0 } });
    const timestamp = Math.floor(Date.now() / 1000);
    const forged = createHmac('sha256', 'not-the-signing-key').update(body + timestamp).digest('hex');
    const targets = [['nginx', stack.url], ...stack.replicas.map((replica) => [replica.id, `http://127.0.0.1:${replica.port}`])] as const;
    for (const [name, base] of targets) {
      const url = `${base}/api/inngest?fnId=medallion-materialize-gold-matches&stepId=step`;
      const unsigned = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      assert.equal(unsigned.status, 401, `${name}: unsigned`);
      const wrong = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-inngest-signature': `t=${timestamp}&s=${forged}` }, body });
      assert.equal(wrong.status, 401, `${name}: wrongly signed`);
    }
  });

  it('materializes the whole pipeline through Inngest, steps of one run on different replicas, with the data versions of a single process', { timeout: 480_000 }, async (t) => {
    for (const key of stack.graph.keys) assert.equal((await stack.status(key)).status, 'missing', key);
    const started = performance.now();
    await stack.requestSinks();
    await stack.waitUntil('every asset is fresh', () => stack.allFresh(), 360_000, 1_000);
    const spreadMs = Math.round(performance.now() - started);
    const runs = await stack.settle(120_000);
    assert.deepEqual(runs.filter((run) => run.status !== 'COMPLETED').map((run) => `${run.function} ${run.status}`), [], 'every run completed');

    // The replicas' spans name their replica: every asset run is traced, all three replicas served steps, and
    // some run's steps were served by more than one replica.
    const assetRuns = runs.filter((run) => /-materialize-/.test(run.function) && !run.function.endsWith('-failure'));
    await stack.waitUntil('every asset run\'s spans are exported', async () => assetRuns.every((run) => stack.instancesByRun().has(run.id)), 30_000, 250);
    const byRun = stack.instancesByRun();
    const instances = new Set([...byRun.values()].flatMap((set) => [...set]));
    assert.deepEqual([...instances].sort(), stack.replicas.map((replica) => replica.id), 'every replica served steps');
    const spread = [...byRun].filter(([, set]) => set.size >= 2);
    assert.ok(spread.length > 0, `a run whose steps landed on two or more replicas, among ${byRun.size} runs`);
    const served = new Set(stack.nginx.accessLog().filter((line) => line.path === '/api/inngest' && line.method === 'POST').flatMap((line) => line.upstreams));
    assert.deepEqual([...served].sort(), stack.replicas.map((replica) => `127.0.0.1:${replica.port}`).sort(), 'nginx passed Inngest\'s calls to every replica');

    const single = await materializeInOneProcess(stack.graph);
    const heads = await slotHeads(stack.graph, stack.storage);
    assert.deepEqual(versionsOf(heads), versionsOf(single.heads), 'the data versions (and rows) of a single-process materialize');
    const inngestRunIds = new Set(runs.map((run) => run.id));
    for (const [slot, record] of heads) assert.ok(inngestRunIds.has(record.runId), `${slot} was materialized by an Inngest run`);
    // The ledger names the replica that committed each slot, as the spans do.
    const replicaIds = new Set(stack.replicas.map((replica) => replica.id));
    for (const [slot, record] of heads) assert.ok(record.instance !== undefined && replicaIds.has(record.instance), `${slot} names its replica, not ${record.instance}`);
    assert.ok(new Set([...heads.values()].map((record) => record.instance)).size >= 2, 'commits by two replicas or more');

    t.diagnostic(`spread run: ${spreadMs} ms on ${stack.replicas.length} replicas (request to all fresh); single process (materialize '*' in the test process): ${single.ms} ms`);
    t.diagnostic(`runs: ${runs.length}, asset runs traced: ${byRun.size}, runs spread over 2+ replicas: ${spread.length} (e.g. ${spread.slice(0, 3).map(([run, set]) => `${run}: ${[...set].sort().join(', ')}`).join('; ')})`);
    t.diagnostic(`peak memory (VmHWM): ${Object.entries(stack.peakMemoryMiB()).map(([id, mib]) => `${id} ${mib} MiB`).join(', ')}`);
  });

  it('serializes a `medallion materialize` by hand with Inngest\'s run of the same asset through the slot\'s lease; both commit, one after the other', { timeout: 240_000 }, async (t) => {
    const asset = 'raw/tmdb_movies';
    const ledger = new Ledger(stack.storage);
    const before = (await ledger.readHead(asset))!.record;
    // A page of Inngest's run is held, so its replica holds the slot's lease while the CLI starts.
    const held = stack.hold((url) => url.pathname.endsWith('/movie/popular') && url.searchParams.get('page') === '8');
    const requested = await stack.api(`/assets/${asset}/materialize`, { json: { force: true } });
    assert.equal(requested.status, 202);
    const [eventId] = (await jsonOf<{ ids: string[] }>(requested)).ids;
    await held.reached;
    const inngestRun = (await stack.runs()).find((run) => run.triggerIDs.includes(eventId!) && run.function.endsWith('-materialize-raw-tmdb-movies'));
    assert.ok(inngestRun !== undefined, 'Inngest\'s run of the asset');
    const cli = stack.cli(['materialize', asset, '--force']);
    const waiting = await cli.child.waitForLine(new RegExp(`${asset}\\s+waiting: `), 60_000);
    assert.match(waiting, new RegExp(`held by run ${inngestRun.id}`), 'the CLI waits for the lease of Inngest\'s run');
    held.release();
    assert.equal(await cli.exited, 0, cli.child.lines.join('\n'));
    const runs = await stack.settle(120_000);
    assert.deepEqual(runs.filter((run) => run.status !== 'COMPLETED').map((run) => `${run.function} ${run.status}`), [], 'every run completed');

    // Both committed, one after the other, with the same data; the ledger names each writer.
    const records = (await ledger.history(asset)).filter((record) => record.finishedAt > before.finishedAt);
    assert.deepEqual(records.map((record) => record.status), ['materialized', 'materialized'], 'two new commits, no failure');
    const [byCli, byInngest] = records as [typeof records[number], typeof records[number]];
    assert.equal(byInngest.runId, inngestRun.id);
    assert.notEqual(byCli.runId, inngestRun.id);
    const replicaIds = new Set(stack.replicas.map((replica) => replica.id));
    assert.ok(byInngest.instance !== undefined && replicaIds.has(byInngest.instance), `Inngest's commit names its replica, not ${byInngest.instance}`);
    assert.ok(byCli.instance !== undefined && !replicaIds.has(byCli.instance), 'the CLI\'s commit names its own process');
    assert.ok(byCli.startedAt >= byInngest.finishedAt, `the CLI started (${byCli.startedAt}) after Inngest's commit (${byInngest.finishedAt})`);
    const head = (await ledger.readHead(asset))!.record;
    assert.equal(head.id, byCli.id, 'the head is the last commit');
    assert.deepEqual([byInngest.dataVersion, byCli.dataVersion], [before.dataVersion, before.dataVersion]);
    assert.equal((await readCommittedTable(stack.storage, head)).numRows, head.rows, 'the data file reads back with its digest');
    assert.ok(await stack.allFresh(), 'every asset is fresh');
    t.diagnostic(`CLI materialize waited for Inngest's run ${inngestRun.id}; commits at ${byInngest.finishedAt} (Inngest) and ${byCli.finishedAt} (CLI)`);
  });
});
