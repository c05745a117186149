// An incremental asset's backlog on the real Inngest server: the per-film search with a budget smaller than
// the catalogue requests its own slot again with an event whose `ts` lies in the future, the server starts that
// run when the time comes, and the runs go on until nothing is pending, with nobody asking.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Ledger } from '../../runtime/internal.ts';
import { assetFunctionId } from '../../server/inngest/function-config.ts';
import { E2EStack } from './support/e2e-stack.ts';

const SEARCHES = 'raw/discogs_film_searches';
const FILMS = 20; // one TMDB page
const BUDGET = 8;
const DELAY_SECONDS = 3;

describe('a backlog worked off by the real Inngest dev server', { timeout: 600_000 }, () => {
  let stack: E2EStack;
  before(async () => {
    stack = await E2EStack.start({
      serveEnv: { MEDALLION_TMDB_PAGES: '1', MEDALLION_DISCOGS_TARGETED_BUDGET: String(BUDGET), MEDALLION_INNGEST_BACKLOG_DELAY: `${DELAY_SECONDS}s` },
    });
    // In process, outside Inngest: the first 8 films are searched and 12 are left.
    await stack.materializeEverything();
  });
  after(async () => {
    await stack?.close();
  });

  it('continues the per-film search run after run, each scheduled after the delay, until every film is searched', { timeout: 300_000 }, async () => {
    const ledger = new Ledger(stack.storage);
    const first = (await ledger.readHead(SEARCHES))!.record;
    assert.deepEqual(first.backlog?.pending, FILMS - BUDGET);
    assert.equal((await stack.status(SEARCHES)).causes[0]?.category, 'backlog');

    const response = await stack.api(`/assets/${SEARCHES}/materialize`, { json: {} });
    assert.equal(response.status, 202);
    await stack.waitUntil('every film has been searched', async () => ((await ledger.readHead(SEARCHES))?.record.backlog?.pending ?? 0) === 0, 120_000, 500);
    const runs = (await stack.settle(120_000)).filter((run) => run.function === `medallion-${assetFunctionId(SEARCHES)}`);
    const materializations = (await ledger.history(SEARCHES)).filter((record) => record.status === 'materialized' && record.id !== first.id).reverse();
    assert.deepEqual(materializations.map((record) => record.metadata.searched), [BUDGET, FILMS - 2 * BUDGET], 'two more runs: 8 films, then the last 4');
    assert.deepEqual(materializations.map((record) => record.metadata.kept), [BUDGET, 2 * BUDGET]);
    assert.equal(runs.length, 2, `the request, then one continuation: ${JSON.stringify(runs.map((run) => [run.eventName, run.status]))}`);
    assert.ok(runs.every((run) => run.status === 'COMPLETED'));
    const [requested, continued] = runs;
    const gapMs = Date.parse(continued!.startedAt!) - Date.parse(requested!.endedAt!);
    assert.ok(gapMs >= (DELAY_SECONDS - 1) * 1000, `the continuation waited for its time (${gapMs} ms after the first ended)`);
    assert.equal((await stack.status(SEARCHES)).status, 'fresh');
  });
});
