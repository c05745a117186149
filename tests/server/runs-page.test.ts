// The runs page: `GET /runs` is the page for a browser and the JSON list for anyone else (Vary: Accept); the
// page is self-contained (strict CSP); in headless Chromium, over a lake with a full run, a forced rerun and a
// failed run and an interrupted one, it lists the runs as the ledger holds them, opens a run's timeline, and draws the duration
// series per asset, the score histogram with its threshold and the rows per stage as /report gives them.
// Skips the browser part when Debian's chromium is not installed.
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { Script } from 'node:vm';
import type { Browser, Page } from 'playwright-core';
import { listRuns, materialize, type RunHistory, type RunSummary } from '../../runtime/index.ts';
import { Ledger } from '../../runtime/internal.ts';
import { createApp } from '../../server/app.ts';
import { RUNS_SCRIPT } from '../../server/page/runs-script.ts';
import { RUN_STATUS_COLOURS } from '../../server/page/runs-styles.ts';
import { ARTIFACTS, launchChromium, serveOnLoopback, SKIP_WITHOUT_CHROMIUM, type PageElement } from '../support/browser.ts';
import { noWait } from '../support/emulated-pipeline.ts';
import { createRunsLake, runsLakeGraph } from '../support/runs-lake.ts';
import { jsonOf } from '../support/json.ts';
import { createTempLake, type TempLake } from '../support/temp-lake.ts';
import { createMixedLake, createTestApp } from './fixtures/test-app.ts';

// Globals of the page, for the callbacks that run in the browser (the project compiles without the DOM lib).
declare const document: { querySelector(selector: string): { getAttribute(name: string): string | null } | null };
declare function getComputedStyle(element: unknown): { backgroundColor: string; borderTopColor: string };

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';

/** `#rrggbb` as a browser's computed style gives it. */
function rgb(hex: string): string {
  return `rgb(${[1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16)).join(', ')})`;
}

/** What a run's row should show, from its summary. */
function expectedRow(run: RunSummary) {
  const count = (...types: string[]) => run.outcomes.filter((o) => types.includes(o.type)).length;
  const rows = run.outcomes.filter((o) => o.type === 'materialized').reduce((sum, o) => sum + o.rows, 0);
  return { runId: run.runId, status: run.status, materialized: String(count('materialized')), skipped: String(count('skipped')), failed: String(count('failed', 'upstream-failed')), rows: rows.toLocaleString('en-US') };
}

describe('GET /runs, negotiated', () => {
  let lake: TempLake;
  let app: ReturnType<typeof createApp>;
  before(async () => {
    lake = await createMixedLake();
    app = createTestApp(lake).app;
  });
  after(async () => { await lake.cleanup(); });

  it('gives a browser the page: one HTML document with a strict CSP that loads nothing from elsewhere', async () => {
    const response = await app.request('/runs', { headers: { Accept: BROWSER_ACCEPT } });
    assert.equal(response.status, 200);
    assert.match(response.headers.get('Content-Type') ?? '', /^text\/html/);
    assert.match(response.headers.get('Vary') ?? '', /\bAccept\b/);
    const csp = response.headers.get('Content-Security-Policy') ?? '';
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'self'/);
    const html = await response.text();
    assert.match(html, /<script src="\/runs.js" defer><\/script>/);
    assert.match(html, /<a href="\/" id="lineage-link">/);
    assert.doesNotMatch(html, /<link(?![^>]*href="data:)|@import|url\(|src="https?:/);
    const script = await app.request('/runs.js');
    assert.match(script.headers.get('Content-Type') ?? '', /^text\/javascript/);
    assert.equal(await script.text(), RUNS_SCRIPT);
  });

  it('gives JSON to everyone else (Accept: application/json, */*, none): the list of runs, also with Vary: Accept', async () => {
    const expected = await listRuns(lake.storage, { limit: 5 });
    assert.equal(expected.runs.length, 1);
    for (const headers of [{ Accept: 'application/json' }, { Accept: '*/*' }, {}] as Record<string, string>[]) {
      const response = await app.request('/runs?limit=5', { headers });
      assert.equal(response.status, 200, JSON.stringify(headers));
      assert.match(response.headers.get('Content-Type') ?? '', /^application\/json/);
      assert.match(response.headers.get('Vary') ?? '', /\bAccept\b/);
      assert.equal(response.headers.get('Content-Security-Policy'), null);
      assert.deepEqual(await jsonOf<RunHistory>(response), JSON.parse(JSON.stringify(expected)));
    }
  });

  it('serves a script that parses, fetches only this server and writes data as text', () => {
    assert.doesNotThrow(() => new Script(RUNS_SCRIPT, { filename: 'runs.js' }));
    assert.doesNotMatch(RUNS_SCRIPT, /__[A-Z_]+__|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
    assert.doesNotMatch(RUNS_SCRIPT, /innerHTML|insertAdjacentHTML|document\.write|eval\(/);
  });

  it('is linked from the lineage page', async () => {
    assert.match(await (await app.request('/')).text(), /<a href="\/runs" id="runs-link">Runs<\/a>/);
  });
});

describe('the runs page in headless Chromium', () => {
  let lake: TempLake;
  let browser: Browser | undefined;
  let runs: RunSummary[] = [];
  let url = '';
  let close: () => Promise<void> = async () => undefined;

  before(async () => {
    if (SKIP_WITHOUT_CHROMIUM !== false) return;
    lake = await createTempLake();
    runs = await createRunsLake(lake.storage);
    // A run stopped before it began: recorded as interrupted, its slots as failed with an Interrupted error.
    const stopped = await materialize({ graph: runsLakeGraph(), storage: lake.storage, selection: 'gold/matches', force: true, sleep: noWait, signal: AbortSignal.abort() });
    assert.equal(stopped.summary.status, 'interrupted');
    runs.push(stopped.summary);
    const app = createApp({ graph: runsLakeGraph(), storage: lake.storage, env: {} });
    ({ url, close } = await serveOnLoopback(app.fetch));
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await close();
    await lake?.cleanup();
  });

  async function open(path: string): Promise<{ page: Page; foreign: string[]; problems: string[] }> {
    const page = await browser!.newPage({ viewport: { width: 1280, height: 900 } });
    const foreign: string[] = [];
    const problems: string[] = [];
    page.on('request', (request) => { if (!request.url().startsWith(url)) foreign.push(request.url()); });
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => { if (message.type() === 'error') problems.push(message.text()); });
    await page.goto(`${url}${path}`);
    await page.waitForSelector('body[data-loaded="true"]');
    return { page, foreign, problems };
  }

  it('lists the runs as the ledger holds them, newest first, and opens a run\'s timeline on click', async (t) => {
    if (browser === undefined) return t.skip(`${SKIP_WITHOUT_CHROMIUM}, so the page is not tested in a browser`);
    const { page, foreign, problems } = await open('/runs');
    const listed = (await listRuns(lake.storage, { limit: 50 })).runs;
    assert.deepEqual(listed.map((run) => run.runId), runs.map((run) => run.runId).reverse());
    const shown = await page.$$eval('#runs tr.run', (rows: PageElement[]) => rows.map((row) => ({
      runId: row.getAttribute('data-run-id'),
      status: row.querySelector('.badge')!.textContent,
      materialized: row.querySelector('td.materialized')!.textContent,
      skipped: row.querySelector('td.skipped')!.textContent,
      failed: row.querySelector('td.failed')!.textContent,
      rows: row.querySelector('td.rows')!.textContent,
    })));
    assert.deepEqual(shown, listed.map(expectedRow));
    const failedRun = listed.find((run) => run.status === 'failed')!;
    const error = failedRun.outcomes.find((o) => o.type === 'failed')!.error!;
    assert.match(error.message, /503/);
    assert.equal(await page.textContent(`#run-${failedRun.runId} .failure`), error.message);
    // Stopped is not broken: an interrupted run is counted apart from the failed ones.
    assert.match(await page.textContent('#summary') ?? '', new RegExp(`^${listed.length} recent runs · 1 failed · 1 interrupted · latest `));
    // Every status has its own badge colour; interrupted is amber, as the CLI's yellow.
    const badges = await page.$$eval('#runs tr.run .badge', (spans: PageElement[]) => spans.map((span) => {
      const style = getComputedStyle(span);
      return [span.textContent, style.backgroundColor, style.borderTopColor];
    }));
    assert.deepEqual(new Set(badges.map(([status]) => status)), new Set(['succeeded', 'failed', 'interrupted']));
    for (const [status, background, border] of badges) {
      const colour = RUN_STATUS_COLOURS[status as RunSummary['status']];
      assert.deepEqual([background, border], [rgb(colour.fill), rgb(colour.stroke)], `the ${status} badge`);
    }
    assert.equal(new Set(Object.values(RUN_STATUS_COLOURS).map((colour) => colour.fill)).size, 3, 'no two statuses look alike');

    // The forced rerun of matching: one timeline row per slot, waiting then running, on the run's clock.
    const rerun = listed.find((run) => run.selection === 'intermediate/candidates+')!;
    await page.click(`#run-${rerun.runId}`);
    await page.waitForSelector(`tr.timeline-row[data-run-id="${rerun.runId}"] svg.timeline`);
    const slots = await page.$$eval(`tr.timeline-row[data-run-id="${rerun.runId}"] .slot`, (groups: PageElement[]) => groups.map((g) => ({
      asset: g.getAttribute('data-asset'),
      type: g.getAttribute('data-type'),
      waitEnd: Number(g.querySelector('rect.wait')!.getAttribute('x')) + Number(g.querySelector('rect.wait')!.getAttribute('width')),
      runStart: Number(g.querySelector('rect.run')!.getAttribute('x')),
      runWidth: Number(g.querySelector('rect.run')!.getAttribute('width')),
    })));
    assert.deepEqual(slots.map((s) => s.asset).sort(), rerun.outcomes.map((o) => o.asset).sort());
    assert.ok(slots.every((s) => s.type === 'materialized'));
    for (const s of slots) assert.ok(Math.abs(s.waitEnd - s.runStart) < 0.01 && s.runWidth >= 2, `${s.asset}: the run bar starts where waiting ends`);
    // Upstream first: each slot starts after the ones it waits for.
    assert.deepEqual(slots.map((s) => s.asset), ['intermediate/candidates', 'raw/discogs_masters', 'gold/matches', 'metrics/match_quality']);
    assert.ok(slots.every((s, index) => index === 0 || slots[index - 1]!.runStart < s.runStart));
    assert.equal(await page.getAttribute(`#run-${rerun.runId}`, 'aria-expanded'), 'true');
    await page.click(`#run-${rerun.runId}`);
    assert.equal(await page.locator('tr.timeline-row').count(), 0);

    assert.deepEqual(foreign, []);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('draws a duration series per asset, the score histogram with its threshold and the rows per stage', async (t) => {
    if (browser === undefined) return t.skip(`${SKIP_WITHOUT_CHROMIUM}, so the page is not tested in a browser`);
    const { page, foreign, problems } = await open('/runs');

    // One series per asset that any run materialized, with a point per run that materialized it.
    const points = new Map<string, number>();
    for (const run of runs) for (const asset of new Set(run.outcomes.filter((o) => o.type === 'materialized').map((o) => o.asset))) points.set(asset, (points.get(asset) ?? 0) + 1);
    const series = await page.$$eval('#durations .series', (groups: PageElement[]) => groups.map((g) => [g.getAttribute('data-asset'), g.querySelectorAll('circle').length, g.querySelectorAll('circle title').length]));
    assert.deepEqual(new Map(series.map(([asset, circles]) => [asset, circles])), points);
    assert.ok(series.every(([, circles, titles]) => circles === titles), 'every point has a tooltip');
    assert.deepEqual(await page.$$eval('#durations-legend button', (buttons: PageElement[]) => buttons.map((b) => b.getAttribute('data-asset'))), series.map(([asset]) => asset));
    assert.ok(await page.locator('#durations .series polyline').count() > 0);

    // The histogram: the bins /report gives, summing to the gold rows; the threshold line on its bin edge.
    const head = (await new Ledger(lake.storage).readHead('gold/matches'))!.record;
    const bins = await page.$$eval('#histogram .bin', (groups: PageElement[]) => groups.map((g) => ({
      from: Number(g.getAttribute('data-from')), count: Number(g.getAttribute('data-count')), x: Number(g.querySelector('rect')!.getAttribute('x')),
    })));
    assert.ok(bins.length >= 5);
    assert.equal(bins.reduce((sum, bin) => sum + bin.count, 0), head.rows);
    assert.equal(await page.getAttribute('#histogram #threshold', 'data-threshold'), String(head.metadata.score_threshold));
    const lineX = Number(await page.getAttribute('#histogram #threshold line', 'x1'));
    const edgeBin = bins.find((bin) => bin.from === head.metadata.score_threshold)!;
    assert.ok(Math.abs(lineX - (edgeBin.x - 1)) < 0.01, `threshold at x=${lineX}, its bin starts at ${edgeBin.x - 1}`);
    assert.match(await page.textContent('#histogram #threshold text') ?? '', /^threshold 0\.88$/);

    // Rows per stage: the heads' rows, in order.
    const ledger = new Ledger(lake.storage);
    const stages = await page.$$eval('#funnel .stage', (groups: PageElement[]) => groups.map((g) => [g.getAttribute('data-asset'), Number(g.getAttribute('data-rows')), g.querySelector('.value')!.textContent]));
    const keys = ['intermediate/tmdb_movies', 'intermediate/discogs_releases', 'intermediate/candidates', 'gold/matches'];
    const heads = await Promise.all(keys.map(async (key) => (await ledger.readHead(key))!.record));
    assert.deepEqual(stages.map(([asset, rows]) => [asset, rows]), heads.map((h) => [h.asset, h.rows]));
    assert.equal(stages[3]![2], `${head.rows.toLocaleString('en-US')} rows · ${String(head.metadata.matches)} is_match`);
    assert.equal(await page.getAttribute('#funnel .stage[data-stage="matches"]', 'data-matches'), String(head.metadata.matches));

    await mkdir(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: `${ARTIFACTS}runs-page.png`, fullPage: true });
    // Hovering a legend entry brings its series forward.
    await page.hover('#durations-legend button[data-asset="gold/matches"]');
    assert.equal(await page.getAttribute('#durations', 'class'), 'focused');
    assert.equal(await page.getAttribute('#durations .series.focus', 'data-asset'), 'gold/matches');
    assert.deepEqual(foreign, []);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('opens the run named in the address (#run id) and is reached from the lineage page', async (t) => {
    if (browser === undefined) return t.skip(`${SKIP_WITHOUT_CHROMIUM}, so the page is not tested in a browser`);
    const failedRun = runs.find((run) => run.status === 'failed')!;
    const { page, problems } = await open(`/runs#${failedRun.runId}`);
    const types = await page.$$eval(`tr.timeline-row[data-run-id="${failedRun.runId}"] .slot`, (groups: PageElement[]) => groups.map((g): [string, string] => [g.getAttribute('data-asset')!, g.getAttribute('data-type')!]));
    assert.deepEqual(new Map(types), new Map(failedRun.outcomes.map((o) => [o.asset, o.type])));
    assert.equal(types.filter(([, type]) => type === 'failed').length, 1);

    await page.goto(`${url}/`);
    await page.click('#runs-link');
    await page.waitForSelector('body[data-loaded="true"]');
    assert.equal(new URL(page.url()).pathname, '/runs');
    await page.waitForFunction(() => document.querySelector('#runs tr.run') !== null);
    assert.deepEqual(problems, []);
    await page.close();
  });
});
