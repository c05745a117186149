// Flow control as the real Inngest server applies it to what we register: concurrency 1 per asset (N requests
// at once never give two materializations at once in the ledger), debounce (two upstream announcements inside
// the window give one downstream run), and the trigger's `if` (an event for another asset runs nothing else).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Ledger } from '../../runtime/internal.ts';
import { assetFunctionId, readsSeveralUpstreamSlots } from '../../server/inngest/function-config.ts';
import { E2EStack } from './support/e2e-stack.ts';

const TMDB = 'raw/tmdb_movies';
const fn = (key: string) => `medallion-${assetFunctionId(key)}`;

describe('flow control by the real Inngest dev server', { timeout: 600_000 }, () => {
  let stack: E2EStack;
  before(async () => {
    stack = await E2EStack.start();
    await stack.materializeEverything();
  });
  after(async () => {
    await stack?.close();
  });

  it('never runs two materializations of one asset at once, however many requests arrive together', { timeout: 180_000 }, async () => {
    const requests = 4;
    const ledger = new Ledger(stack.storage);
    const known = new Set((await ledger.history(TMDB)).map((record) => record.id));
    // Each forced run takes a while (page 1 answers slowly), so runs left to themselves would overlap.
    stack.emulator.faults.add({ kind: 'slow', api: 'tmdb', path: '/movie/popular', page: 1, times: requests, delayMs: 750 });
    const responses = await Promise.all(Array.from({ length: requests }, () => stack.api(`/assets/${TMDB}/materialize`, { json: { force: true } })));
    assert.deepEqual(responses.map((response) => response.status), Array.from({ length: requests }, () => 202));
    const eventIds = (await Promise.all(responses.map(async (response) => ((await response.json()) as { ids: string[] }).ids[0]!)));
    await stack.waitUntil(`${requests} forced materializations are in the ledger`, async () => (await ledger.history(TMDB)).filter((record) => !known.has(record.id)).length >= requests, 120_000, 500);
    const runs = await stack.settle(60_000);
    const requested = runs.filter((run) => run.triggerIDs.some((id) => eventIds.includes(id)));
    assert.deepEqual(requested.map((run) => [run.function, run.status]), Array.from({ length: requests }, () => [fn(TMDB), 'COMPLETED']));

    const intervals = (await ledger.history(TMDB)).filter((record) => !known.has(record.id))
      .map((record) => ({ run: record.runId, status: record.status, from: Date.parse(record.startedAt), to: Date.parse(record.finishedAt) }))
      .sort((a, b) => a.from - b.from);
    assert.deepEqual(intervals.map((interval) => interval.status), Array.from({ length: requests }, () => 'materialized'));
    assert.deepEqual(new Set(intervals.map((interval) => interval.run)), new Set(requested.map((run) => run.id)), 'one materialization per run');
    assertSequential(intervals, 'materializations in the ledger');
    // The runtime's lease on the slot would keep the ledger in order by itself; Inngest's concurrency limit shows
    // in its calls: it never called this function while another call of it was still being served.
    const calls = stack.serve.inngestCalls().filter((call) => call.fn === fn(TMDB));
    assert.ok(calls.length >= requests);
    assertSequential([...calls].sort((a, b) => a.from - b.from), 'calls to /api/inngest', 25);
  });

  it('coalesces two upstream announcements inside the debounce window into one run of each downstream asset', { timeout: 120_000 }, async () => {
    const upstream = 'intermediate/tmdb_movies';
    const children = [...stack.graph.children(upstream)].sort();
    assert.ok(children.length >= 2 && children.every((key) => readsSeveralUpstreamSlots(stack.graph, stack.graph.get(key))), 'its children are debounced');
    const head = (await new Ledger(stack.storage).readHead(upstream))!.record;
    const before = (await stack.settle(60_000)).length;
    const announcement = { name: 'medallion/asset.materialized', data: { asset: upstream, dataVersion: head.dataVersion, runId: head.runId } };
    await stack.inngest.send([announcement]);
    await stack.inngest.send([announcement]);
    const runs = (await stack.settle(60_000)).slice(before);
    assert.deepEqual(runs.map((run) => [run.function, run.status]).sort(), children.map((key) => [fn(key), 'COMPLETED']), 'one run of each child for two announcements');
    for (const run of runs) {
      assert.equal(((await stack.runOutput(run.id)).data as { status: string }).status, 'skipped', 'the ledger, not the event, decides: nothing changed');
    }
  });

  it('starts no run of a function for an event about another asset', { timeout: 60_000 }, async () => {
    const before = (await stack.settle(60_000)).length;
    const [eventId] = await stack.inngest.send([{ name: 'medallion/asset.requested', data: { asset: 'raw/discogs_film_searches' } }]);
    const runs = (await stack.settle(60_000)).slice(before);
    assert.deepEqual(runs.map((run) => [run.function, run.triggerIDs]), [[fn('raw/discogs_film_searches'), [eventId]]], 'only the requested asset ran');
  });
});

/** No interval starts before the one before it has ended (`slackMs`: how far two clocks' readings may disagree). */
function assertSequential(intervals: readonly { from: number; to: number }[], what: string, slackMs = 0): void {
  for (let index = 1; index < intervals.length; index++) {
    assert.ok(intervals[index]!.from + slackMs >= intervals[index - 1]!.to, `${what} ${index - 1} and ${index} overlap: ${JSON.stringify(intervals)}`);
  }
}
