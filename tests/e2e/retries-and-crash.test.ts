// Durability against the real Inngest dev server: a failing page is retried by the server as its step alone
// (completed steps are not run again: the emulator counts the requests per page), a 429's Retry-After is
// honoured, and a SIGKILL of `medallion serve` in the middle of a raw asset is redelivered after a restart,
// ending with the same data as an uninterrupted run.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createLocalStorage, materialize } from '../../runtime/index.ts';
import { Ledger } from '../../runtime/internal.ts';
import type { RequestRecord } from '../../assets/sources/emulator/stats.ts';
import { createGraphFromEnvironment } from '../../assets/pipeline-graph.ts';
import { E2EStack } from './support/e2e-stack.ts';

const TMDB = 'raw/tmdb_movies';
const FUNCTION = 'medallion-materialize-raw-tmdb-movies';
const PAGES = 60; // steps: page-1, pages-2-26, pages-27-51, pages-52-60 (25 pages per step)
const RETRY_AFTER_SECONDS = 2;

describe('durable retries and a crash, on the real Inngest dev server', { timeout: 600_000 }, () => {
  let stack: E2EStack;
  before(async () => {
    stack = await E2EStack.start({
      // One attempt per request, so every failure is the server's to retry; 60 pages need 1,200 films.
      serveEnv: { MEDALLION_SOURCE_ATTEMPTS: '1', MEDALLION_TMDB_PAGES: String(PAGES) },
      emulator: { films: 1_200, tmdb: { rateLimit: { requestsPerSecond: 10_000, retryAfterSeconds: RETRY_AFTER_SECONDS } } },
      // Longer than a restart of medallion serve: a request that found it dead is retried after this.
      retryIntervalSeconds: 3,
    });
  });
  after(async () => {
    await stack?.close();
  });

  const popularRequests = (from = 0): RequestRecord[] => stack.emulator.stats.requests({ api: 'tmdb', endpoint: '/movie/popular' }).slice(from);
  const perPage = (records: readonly RequestRecord[]) => {
    const counts = new Map<number, number>();
    for (const record of records) counts.set(record.page!, (counts.get(record.page!) ?? 0) + 1);
    return counts;
  };

  it('retries only the failing step, honours Retry-After, and ends fresh', { timeout: 180_000 }, async () => {
    stack.emulator.faults.add({ kind: '503', api: 'tmdb', path: '/movie/popular', page: 30, times: 2 });
    stack.emulator.faults.add({ kind: '429', api: 'tmdb', path: '/movie/popular', page: 55, times: 1 });
    const response = await stack.api(`/assets/${TMDB}/materialize`, { json: {} });
    assert.equal(response.status, 202);
    const [eventId] = ((await response.json()) as { ids: string[] }).ids;
    await stack.waitUntil(`${TMDB} is fresh`, async () => (await stack.status(TMDB)).status === 'fresh', 120_000, 500);
    // Its announcement starts the assets below it (they request what they miss); only its own run matters here.
    await stack.waitUntil('its run has completed', async () => (await stack.runsOf(eventId!)).some((run) => run.status === 'COMPLETED'), 60_000);
    const runs = (await stack.runs()).filter((run) => run.function === FUNCTION);
    assert.deepEqual(runs.map((run) => [run.triggerIDs[0], run.status]), [[eventId, 'COMPLETED']], 'one run, completed');

    const counts = perPage(popularRequests());
    assert.deepEqual([...counts.keys()].sort((a, b) => a - b), Array.from({ length: PAGES }, (_, index) => index + 1));
    // Pages of the steps that completed before the failures were fetched once, never again.
    for (let page = 1; page <= 26; page++) assert.equal(counts.get(page), 1, `page ${page}`);
    assert.equal(counts.get(30), 3, 'page 30: two 503s, then 200');
    assert.equal(counts.get(55), 2, 'page 55: a 429, then 200');
    for (const [page, count] of counts) assert.ok(count <= 3, `page ${page} fetched ${count} times`);
    const page55 = popularRequests().filter((record) => record.page === 55);
    assert.deepEqual(page55.map((record) => record.status), [429, 200]);
    assert.ok(page55[1]!.at - page55[0]!.at >= RETRY_AFTER_SECONDS * 1000 - 50, `retried ${page55[1]!.at - page55[0]!.at} ms after the 429 (Retry-After: ${RETRY_AFTER_SECONDS} s)`);

    // The server's own account: the failing steps have attempts, the others none.
    const steps = await stack.stepAttempts(runs[0]!.id);
    assert.deepEqual(steps.get('popular-page-1'), 0);
    assert.deepEqual(steps.get('popular-pages-2-26'), 0);
    assert.deepEqual(steps.get('popular-pages-27-51'), 2);
    assert.deepEqual(steps.get('popular-pages-52-60'), 1);
    const head = await new Ledger(stack.storage).readHead(TMDB);
    assert.equal(head?.record.runId, runs[0]!.id);
    assert.equal(head?.record.rows, PAGES * 20);
  });

  it('is redelivered after medallion serve is killed mid-asset, with the data of an uninterrupted run and no row twice', { timeout: 240_000 }, async () => {
    const ledger = new Ledger(stack.storage);
    const before = (await ledger.readHead(TMDB))!.record;
    const mark = popularRequests().length;
    // Page 40 hangs, so the kill lands while the asset is half-way through its third step.
    stack.emulator.faults.add({ kind: 'slow', api: 'tmdb', path: '/movie/popular', page: 40, times: 1, delayMs: 20_000 });
    const response = await stack.api(`/assets/${TMDB}/materialize`, { json: { force: true } });
    assert.equal(response.status, 202);
    const [eventId] = ((await response.json()) as { ids: string[] }).ids;
    await stack.waitUntil('pages past 40 are served while page 40 hangs', async () => popularRequests(mark).some((record) => record.page! > 40), 60_000, 50);
    await stack.serve.child.kill();
    const killedAt = Date.now();
    await stack.serve.restart();

    await stack.waitUntil(`${TMDB} is materialized again`, async () => (await ledger.readHead(TMDB))?.record.id !== before.id, 120_000, 500);
    const recoveredMs = Date.now() - killedAt;
    const runs = (await stack.settle(60_000)).filter((run) => run.triggerIDs.includes(eventId!));
    assert.deepEqual(runs.map((run) => [run.function, run.status]), [[FUNCTION, 'COMPLETED']]);
    const after = (await ledger.readHead(TMDB))!.record;
    assert.equal(after.runId, runs[0]!.id);
    const steps = await stack.stepAttempts(runs[0]!.id);
    assert.equal(steps.get('popular-pages-2-26'), 0, 'a step that completed before the kill ran once');
    assert.ok((steps.get('popular-pages-27-51') ?? 0) >= 1, 'the step the kill interrupted was delivered again');
    assert.equal((await stack.status(TMDB)).status, 'fresh');

    const counts = perPage(popularRequests(mark));
    for (let page = 1; page <= 26; page++) assert.equal(counts.get(page), 1, `page ${page}: its step completed before the kill`);
    for (const [page, count] of counts) assert.ok(count <= 2, `page ${page} fetched ${count} times`);

    // An uninterrupted run of the same asset, in process, into another lake, from the same source.
    const otherLake = mkdtempSync(join(tmpdir(), 'medallion-e2e-uninterrupted-'));
    try {
      const storage = createLocalStorage(otherLake);
      const result = await materialize({ graph: createGraphFromEnvironment(stack.env), storage, selection: TMDB });
      assert.equal(result.summary.outcomes[0]?.type, 'materialized');
      const uninterrupted = (await new Ledger(storage).readHead(TMDB))!.record;
      assert.equal(after.dataVersion, uninterrupted.dataVersion, 'the same data as an uninterrupted run');
      assert.equal(after.rows, uninterrupted.rows);
      assert.equal(after.dataVersion, before.dataVersion);
    } finally {
      rmSync(otherLake, { recursive: true, force: true });
    }
    console.log(`# recovered ${recoveredMs} ms after the kill`);
  });
});
