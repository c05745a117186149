// Raw data landing, against the real Inngest dev server: a file written under raw/<asset>/landing/ is announced
// (Event Grid BlobCreated through our webhook), its owner goes stale, the chain below it is materialized again
// from the new source data, and the sinks end fresh. Every blob medallion writes into raw/ is announced too,
// as Azure would, and none of them starts a run of an asset.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Ledger } from '../../runtime/internal.ts';
import { assetFunctionId } from '../../server/inngest/function-config.ts';
import { createE2EEmulator, E2EStack, type InngestRun } from './support/e2e-stack.ts';
import { watchLakeForEventGrid, type LakeEventGrid } from './support/lake-event-grid.ts';

const TMDB = 'raw/tmdb_movies';
const OBSERVER = 'medallion-observe-raw-landing';

describe('raw data landing, on the real Inngest dev server', { timeout: 600_000 }, () => {
  let stack: E2EStack;
  let eventGrid: LakeEventGrid | undefined;
  before(async () => {
    // One TMDB page (20 films), each searched on Discogs: the per-film search is below the landing too, and new
    // films at the source change what it lands (with the search off, `intermediate/discogs_releases` would
    // read unchanged inputs and rightly skip). 20 searches stay inside Discogs' 60 a minute.
    stack = await E2EStack.start({ serveEnv: { MEDALLION_TMDB_PAGES: '1', MEDALLION_DISCOGS_TARGETED_BUDGET: '20' } });
    // Everything fresh to begin with, materialized in process (this suite is about what a landing does).
    await stack.materializeEverything();
  });
  after(async () => {
    await eventGrid?.stop();
    await stack?.close();
  });

  it('re-materializes what a landing makes stale, down to the sinks, and nothing for the blobs medallion writes itself', { timeout: 300_000 }, async () => {
    const ledger = new Ledger(stack.storage);
    const below = new Set([TMDB, ...stack.graph.descendants(TMDB)]);
    const headsBefore = new Map(await Promise.all(stack.graph.keys.map(async (key) => [key, (await ledger.readHead(key))?.record.id] as const)));
    assert.ok(await stack.allFresh());
    eventGrid = watchLakeForEventGrid(stack.lake, `${stack.serve.url}/webhooks/eventgrid`);

    // New films at the source, then the file that says so.
    stack.replaceEmulator(createE2EEmulator({ seed: 20261203 }));
    mkdirSync(join(stack.lake, 'raw', 'tmdb_movies', 'landing'), { recursive: true });
    writeFileSync(join(stack.lake, 'raw', 'tmdb_movies', 'landing', '2026-12-03.json'), JSON.stringify({ note: 'new films landed' }));

    await stack.waitUntil('the landing has been observed', async () => (await stack.status(TMDB)).status !== 'fresh' || (await ledger.readHead(TMDB))?.record.id !== headsBefore.get(TMDB), 60_000);
    await stack.waitUntil('everything below the landing is materialized again and fresh', async () => {
      for (const key of below) if ((await ledger.readHead(key))?.record.id === headsBefore.get(key)) return false;
      return stack.allFresh();
    }, 240_000, 1_000);
    const runs = await stack.settle(120_000);
    // One more quiet period: medallion's own writes of the chain have all been announced and handled by now.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const settled = await stack.settle(60_000);
    assert.equal(settled.length, runs.length, 'no run started once the chain settled');
    assert.ok(settled.every((run) => run.status === 'COMPLETED'), settled.filter((run) => run.status !== 'COMPLETED').map((run) => `${run.function} ${run.status}`).join(', '));

    // The observer ran once per announced blob: the landing was observed, everything else ignored.
    const observations = await Promise.all(settled.filter((run) => run.function === OBSERVER).map(async (run) => (await stack.runOutput(run.id)).data as { status: string; asset?: string }));
    assert.equal(observations.length, eventGrid.announced.length, `one observation per announced blob (${eventGrid.announced.length})`);
    assert.deepEqual(observations.filter((output) => output.status === 'observed').map((output) => output.asset), [TMDB]);
    assert.ok(eventGrid.announced.filter((blob) => !blob.includes('/landing/')).length >= below.size, 'medallion wrote into raw/ and it was announced');

    // Each asset below the landing materialized exactly once; nothing above or beside it ran.
    const outcomes = new Map<string, string[]>();
    for (const run of settled.filter((candidate) => candidate.function !== OBSERVER && !candidate.function.endsWith('-failure'))) {
      const key = keyOf(stack, run);
      outcomes.set(key, [...(outcomes.get(key) ?? []), ((await stack.runOutput(run.id)).data as { status: string }).status]);
    }
    for (const key of stack.graph.keys) {
      const statuses = outcomes.get(key) ?? [];
      if (below.has(key)) assert.equal(statuses.filter((status) => status === 'materialized').length, 1, `${key}: ${statuses.join(', ')}`);
      else assert.deepEqual(statuses, [], `${key} is not below the landing`);
    }
    const gold = (await ledger.readHead('gold/matches'))!.record;
    assert.notEqual(gold.id, headsBefore.get('gold/matches'));
    assert.ok(settled.some((run) => run.id === gold.runId), 'gold/matches was materialized by an Inngest run');
  });
});

function keyOf(stack: E2EStack, run: InngestRun): string {
  const key = stack.graph.keys.find((candidate) => run.function === `medallion-${assetFunctionId(candidate)}`);
  assert.ok(key !== undefined, `run of an unknown function ${run.function}`);
  return key;
}
