// Against the real Inngest dev server: the sync (one function per asset with the triggers, concurrency and
// debounce we register, as the server reports them), and a request for gold/matches on an empty lake run as
// a chain of events until it is fresh, then a second request that materializes nothing.
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { assetFunctionConfig, assetFunctionId } from '../../server/inngest/function-config.ts';
import { listRuns } from '../../runtime/index.ts';
import { type Head } from '../../runtime/internal.ts';
import { Ledger } from '../../runtime/internal.ts';
import { ARTIFACTS, launchChromium, SKIP_WITHOUT_CHROMIUM } from '../support/browser.ts';
import { openDevUi } from './support/dev-ui.ts';
import { E2E_DEBOUNCE_SECONDS, E2EStack } from './support/e2e-stack.ts';

const APP = 'medallion';

interface RegisteredFunction {
  name: string;
  slug: string;
  config: string;
  triggers: { type: string; value: string; condition: string | null }[];
  configuration: {
    retries: { value: number };
    concurrency: { scope: string; limit: { value: number }; key: string | null }[];
    debounce: { period: string; key: string | null } | null;
  };
  failureHandler: { slug: string } | null;
}

describe('medallion on the real Inngest dev server', { timeout: 600_000 }, () => {
  let stack: E2EStack;
  let browser: Browser | undefined;
  before(async () => {
    stack = await E2EStack.start();
  });
  after(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('is synced as one function per asset, with its failure handler, and Observe raw landing, configured as registered', { timeout: 60_000 }, async () => {
    const { functions } = await stack.inngest.gql<{ functions: RegisteredFunction[] }>(`{ functions {
      name slug config triggers { type value condition }
      configuration { retries { value } concurrency { scope limit { value } key } debounce { period key } }
      failureHandler { slug } } }`);
    const bySlug = new Map(functions.map((fn) => [fn.slug, fn]));
    const expectedSlugs = [
      ...stack.graph.keys.flatMap((key) => [`${APP}-${assetFunctionId(key)}`, `${APP}-${assetFunctionId(key)}-failure`]),
      `${APP}-observe-raw-landing`,
    ];
    assert.deepEqual([...bySlug.keys()].sort(), expectedSlugs.sort());

    for (const key of stack.graph.keys) {
      const registered = assetFunctionConfig(stack.graph, stack.graph.get(key), { debouncePeriod: `${E2E_DEBOUNCE_SECONDS}s` });
      const slug = `${APP}-${registered.id}`;
      const fn = bySlug.get(slug)!;
      assert.equal(fn.name, `Materialize ${key}`);
      assert.deepEqual(
        fn.triggers.map((trigger) => [trigger.type, trigger.value, trigger.condition]),
        registered.triggers.map((trigger) => ['EVENT', trigger.event.name, trigger.if]),
        `${key}: triggers`,
      );
      assert.equal(fn.configuration.retries.value, registered.retries, `${key}: retries`);
      assert.deepEqual(
        fn.configuration.concurrency.map((limit) => [limit.scope, limit.limit.value, limit.key]),
        [['FUNCTION', 1, registered.concurrency.key ?? null]],
        `${key}: concurrency`,
      );
      const debounce = 'debounce' in registered ? registered.debounce : undefined;
      assert.deepEqual(fn.configuration.debounce, debounce === undefined ? null : { period: debounce.period, key: debounce.key ?? null }, `${key}: debounce`);
      // The timeout is in the stored configuration only.
      assert.equal((JSON.parse(fn.config) as { debounce?: { timeout?: string } }).debounce?.timeout, debounce?.timeout, `${key}: debounce timeout`);
      assert.equal(fn.failureHandler?.slug, `${slug}-failure`);
      const handler = bySlug.get(`${slug}-failure`)!;
      assert.deepEqual(handler.triggers.map((trigger) => [trigger.value, trigger.condition]), [['inngest/function.failed', `event.data.function_id == '${slug}'`]]);
    }
    const observer = bySlug.get(`${APP}-observe-raw-landing`)!;
    assert.equal(observer.name, 'Observe raw landing');
    assert.deepEqual(observer.triggers.map((trigger) => [trigger.value, trigger.condition]), [['medallion/raw.landed', null]]);
    // Asset keys with partitions are keyed on the partition, and multi-upstream assets are debounced.
    assert.equal(bySlug.get(`${APP}-materialize-raw-discogs-releases`)!.configuration.concurrency[0]!.key, 'event.data.partition');
    assert.ok(functions.some((fn) => fn.configuration.debounce !== null), 'some asset is debounced');
  });

  it('materializes gold/matches on an empty lake through a chain of runs, then nothing on a second request', { timeout: 300_000 }, async () => {
    for (const key of stack.graph.keys) assert.equal((await stack.status(key)).status, 'missing', key);
    const requested = await stack.api('/assets/gold/matches/materialize', { json: {} });
    assert.equal(requested.status, 202);
    const { mode, ids } = (await requested.json()) as { mode: string; ids: string[] };
    assert.equal(mode, 'inngest');

    await stack.waitUntil('gold/matches and its upstream are fresh', () => stack.allFresh([...stack.graph.ancestors('gold/matches'), 'gold/matches']), 240_000, 1_000);
    const runs = await stack.settle(120_000);
    assert.ok(runs.every((run) => run.status === 'COMPLETED'), runs.filter((run) => run.status !== 'COMPLETED').map((run) => `${run.function} ${run.status}`).join(', '));
    const first = await stack.runsOf(ids[0]!);
    assert.deepEqual(first.map((run) => run.function), [`${APP}-materialize-gold-matches`]);
    assert.equal(((await stack.runOutput(first[0]!.id)).data as { status: string }).status, 'waiting-for-upstream');

    // The ledger's runs are Inngest's: every materialization names the Inngest run that made it.
    const inngestRunIds = new Set(runs.map((run) => run.id));
    const history = await listRuns(stack.storage, { limit: 100 });
    assert.ok(history.runs.length > 0);
    for (const summary of history.runs) assert.ok(inngestRunIds.has(summary.runId), `ledger run ${summary.runId} is an Inngest run`);
    const heads = await readHeads(stack);
    for (const [slot, head] of heads) assert.ok(inngestRunIds.has(head.record.runId), `${slot} was materialized by Inngest run ${head.record.runId}`);

    const again = await stack.api('/assets/gold/matches/materialize', { json: {} });
    assert.equal(again.status, 202);
    const [eventId] = ((await again.json()) as { ids: string[] }).ids;
    await stack.waitUntil('the second request has run', async () => (await stack.runsOf(eventId!)).some((run) => run.status === 'COMPLETED'), 60_000);
    const settled = await stack.settle(60_000);
    const second = settled.slice(runs.length);
    assert.deepEqual(second.map((run) => run.function), [`${APP}-materialize-gold-matches`], 'one run, of gold/matches only');
    const gold = heads.get('gold/matches')!.record;
    assert.deepEqual((await stack.runOutput(second[0]!.id)).data, { status: 'skipped', asset: 'gold/matches', partition: null, reason: 'fresh', dataVersion: gold.dataVersion, rows: gold.rows });
    assert.deepEqual([...(await readHeads(stack))].map(([slot, head]) => [slot, head.record.id]), [...heads].map(([slot, head]) => [slot, head.record.id]), 'no slot was materialized again');
  });
  it('shows in the real dev UI: the function, a run of it with the event that triggered it, and the event it sent', { timeout: 120_000, skip: SKIP_WITHOUT_CHROMIUM }, async () => {
    const gold = (await new Ledger(stack.storage).readHead('gold/matches'))!.record;
    const run = (await stack.runs()).find((candidate) => candidate.id === gold.runId)!;
    const { eventsV2 } = await stack.inngest.gql<{ eventsV2: { edges: { node: { id: string; raw: string } }[] } }>(
      '{ eventsV2(first: 200, filter: { from: "2000-01-01T00:00:00Z", eventNames: ["medallion/asset.materialized"] }) { edges { node { id raw } } } }',
    );
    const announcements = eventsV2.edges.map(({ node }) => ({ id: node.id, data: (JSON.parse(node.raw) as { data: { asset: string; runId: string } }).data }));
    const trigger = announcements.find((event) => event.id === run.triggerIDs[0]);
    assert.ok(trigger !== undefined && stack.graph.parents('gold/matches').includes(trigger.data.asset), 'the run was triggered by a parent\'s announcement');
    const sent = announcements.find((event) => event.data.asset === 'gold/matches' && event.data.runId === run.id);
    assert.ok(sent !== undefined, 'the run announced its materialization');

    browser = await launchChromium();
    const ui = await openDevUi(browser, stack.inngest);
    const page = await ui.context.newPage();
    await mkdir(ARTIFACTS, { recursive: true });
    await page.goto(`${stack.inngest.url}/functions`);
    await page.getByText('Materialize gold/matches', { exact: true }).first().click();
    await page.getByText("if: event.data.asset == 'gold/matches'").waitFor();
    await page.getByText(/if: event\.data\.asset == 'intermediate\/candidates'/).waitFor();
    await page.screenshot({ path: `${ARTIFACTS}inngest-dev-ui-function.png` });

    await page.goto(`${stack.inngest.url}/runs`);
    await page.locator('tr', { hasText: run.id }).first().click();
    await page.getByText(trigger.id).first().waitFor();
    if (ui.hasEditor) await page.getByText(`"${trigger.data.asset}"`).first().waitFor();
    await page.screenshot({ path: `${ARTIFACTS}inngest-dev-ui-run.png` });
    await page.getByText('medallion.announce-materialized').first().click();
    if (ui.hasEditor) await page.getByText(`"${sent.id}"`).first().waitFor();
    await page.screenshot({ path: `${ARTIFACTS}inngest-dev-ui-sent-event.png` });

    await page.goto(`${stack.inngest.url}/events`);
    await page.locator('tr', { hasText: 'medallion/asset.requested' }).filter({ hasText: 'Materialize gold/matches' }).first().waitFor();
    await page.locator('tr', { hasText: 'medallion/asset.materialized' }).filter({ hasText: 'Materialize intermediate/tmdb_movies' }).first().waitFor();
    await page.screenshot({ path: `${ARTIFACTS}inngest-dev-ui-events.png` });
  });
});

async function readHeads(stack: E2EStack): Promise<Map<string, Head>> {
  const ledger = new Ledger(stack.storage);
  const heads = new Map<string, Head>();
  for (const key of stack.graph.keys) {
    const asset = stack.graph.get(key);
    for (const partition of asset.partitions ?? [undefined]) {
      const head = await ledger.readHead(key, partition);
      if (head !== undefined) heads.set(partition === undefined ? key : `${key}[${partition}]`, head);
    }
  }
  return heads;
}
