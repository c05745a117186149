// A replica SIGKILLed while a step of the partitioned raw asset (raw/discogs_releases, a decade per partition)
// runs on it: the call in flight fails at nginx with a 502, Inngest retries the step, another replica runs it,
// and the pipeline ends as a single process would have left it, every slot committed once.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Ledger, readCommittedTable } from '../../runtime/internal.ts';
import { ScaleStack } from './support/scale-stack.ts';
import { materializeInOneProcess, slotHeads, versionsOf } from './support/slot-heads.ts';

const RELEASES = 'raw/discogs_releases';

describe('a replica dies in the middle of a partitioned raw asset', { timeout: 900_000 }, () => {
  let stack: ScaleStack;
  before(async () => {
    stack = await ScaleStack.start();
  });
  after(async () => {
    await stack?.close();
  });

  it('is SIGKILLed with a step in flight; the run completes on the other replicas, nothing lost or duplicated, status all fresh', { timeout: 600_000 }, async (t) => {
    // The first Discogs search is held, so the step that sent it is in flight on its replica when the kill lands.
    const held = stack.hold((url) => url.pathname.endsWith('/database/search'));
    await stack.requestSinks();
    const { url, userAgent } = await held.reached;
    const victim = stack.replicas.find((replica) => userAgent.includes(`(${replica.id})`));
    assert.ok(victim !== undefined, `the held search names its replica in its User-Agent: ${userAgent}`);
    const partition = `${Math.floor(Number(url.searchParams.get('year')) / 10) * 10}s`;
    assert.ok(stack.graph.get(RELEASES).partitions?.includes(partition), `${partition} is a partition of ${RELEASES}`);
    const victimPeak = victim.peakMemoryMiB();
    await victim.serve.child.kill();
    const killedAt = performance.now();
    const killedAtEpoch = Date.now();
    held.release();

    const ledger = new Ledger(stack.storage);
    await stack.waitUntil(`${RELEASES}[${partition}] is committed`, async () => (await ledger.readHead(RELEASES, partition)) !== undefined, 240_000, 100);
    const recoveryMs = Math.round(performance.now() - killedAt);
    await stack.waitUntil('every asset is fresh', () => stack.allFresh(), 360_000, 1_000);
    const runs = await stack.settle(120_000);
    assert.deepEqual(runs.filter((run) => run.status !== 'COMPLETED').map((run) => `${run.function} ${run.status}`), [], 'every run completed');

    // The call in flight on the killed replica ended 502 at nginx; the slot's run went on elsewhere.
    const victimAddress = `127.0.0.1:${victim.port}`;
    const calls = stack.nginx.accessLog().filter((line) => line.path === '/api/inngest' && line.method === 'POST');
    assert.ok(calls.some((line) => line.status === 502 && line.upstreams.at(-1) === victimAddress && line.at >= killedAtEpoch - 1_000), 'the call in flight on the killed replica got a 502');
    assert.ok(calls.every((line) => line.at < killedAtEpoch + 1_000 || line.upstreams.at(-1) !== victimAddress || line.status === 502), 'no call was served by the killed replica afterwards');
    const head = (await ledger.readHead(RELEASES, partition))!.record;
    await stack.waitUntil('the slot\'s run has spans from a surviving replica', async () => [...(stack.instancesByRun().get(head.runId) ?? [])].some((id) => id !== victim.id), 30_000);
    // When Inngest called again for that run, on a surviving replica (its spans' start).
    const retriedMs = Math.min(...stack.otlp.spans.filter((span) => span.attributes['inngest.run_id'] === head.runId && span.instance !== victim.id && span.startMs >= killedAtEpoch).map((span) => span.startMs - killedAtEpoch));

    // Nothing lost or duplicated: each partition of the raw asset committed once, its data file reads back with
    // its digest and row count, and every slot has the data version of a single process.
    for (const decade of stack.graph.get(RELEASES).partitions ?? []) {
      const history = await ledger.history(RELEASES, decade);
      assert.equal(history.filter((record) => record.status === 'materialized').length, 1, `${RELEASES}[${decade}] committed once`);
    }
    assert.equal((await readCommittedTable(stack.storage, head)).numRows, head.rows);
    const single = await materializeInOneProcess(stack.graph);
    assert.deepEqual(versionsOf(await slotHeads(stack.graph, stack.storage)), versionsOf(single.heads), 'the data versions (and rows) of a single-process materialize');

    // `medallion status` on the same lake, as an operator runs it.
    const status = stack.cli(['status', '--json']);
    assert.equal(await status.exited, 0, status.child.lines.join('\n'));
    const reports = JSON.parse(status.child.lines.join('\n')) as { asset: string; status: string }[];
    assert.deepEqual(reports.filter((report) => report.status !== 'fresh').map((report) => `${report.asset} ${report.status}`), []);
    assert.equal(reports.length, stack.graph.size);

    t.diagnostic(`killed ${victim.id} mid-step of ${RELEASES}[${partition}]; the slot was committed ${recoveryMs} ms after the kill; Inngest called a surviving replica for its run ${retriedMs} ms after the kill`);
    t.diagnostic(`peak memory (VmHWM): ${victim.id} ${victimPeak} MiB (at the kill), ${Object.entries(stack.peakMemoryMiB()).filter(([id]) => id !== victim.id).map(([id, mib]) => `${id} ${mib} MiB`).join(', ')}`);
  });
});

