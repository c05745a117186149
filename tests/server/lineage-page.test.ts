// The lineage page: served self-contained (no external resources, strict CSP), its script parses, and in
// headless Chromium it draws every asset coloured by status, shows details on click and materializes with
// the typed token. Skips the browser part when Debian's chromium is not installed.
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { Script } from 'node:vm';
import type { Browser } from 'playwright-core';
import { LINEAGE_SCRIPT } from '../../server/page/lineage-script.ts';
import { STATUS_COLOURS } from '../../server/page/lineage-styles.ts';
import { ARTIFACTS, launchChromium, serveOnLoopback, SKIP_WITHOUT_CHROMIUM, type PageElement } from '../support/browser.ts';
import type { TempLake } from '../support/temp-lake.ts';
import { MIXED_STATUSES, SMALL_GRAPH_KEYS } from './fixtures/small-graph.ts';
import { API_TOKEN, createMixedLake, createTestApp } from './fixtures/test-app.ts';

// Globals of the page, for the callbacks that run in the browser (the project compiles without the DOM lib).
declare const document: { querySelector(selector: string): PageElement | null; querySelectorAll(selector: string): { readonly length: number } };
declare function getComputedStyle(element: unknown): { readonly fill: string; readonly stroke: string };


/** `#rrggbb` as Chromium reports a computed colour. */
function rgb(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}

describe('the lineage page, served', () => {
  let lake: TempLake;
  before(async () => { lake = await createMixedLake(); });
  after(async () => { await lake.cleanup(); });

  it('is one HTML document at / and /lineage.html that loads nothing from elsewhere', async () => {
    const { app } = createTestApp(lake);
    for (const path of ['/', '/lineage.html']) {
      const response = await app.request(path);
      assert.equal(response.status, 200);
      assert.match(response.headers.get('Content-Type') ?? '', /^text\/html/);
      const csp = response.headers.get('Content-Security-Policy') ?? '';
      assert.match(csp, /default-src 'none'/);
      assert.match(csp, /script-src 'self'/);
      const html = await response.text();
      assert.match(html, /<script src="\/lineage.js" defer><\/script>/);
      assert.doesNotMatch(html, /<link(?![^>]*href="data:)|@import|url\(|src="https?:/);
    }
    const script = await app.request('/lineage.js');
    assert.match(script.headers.get('Content-Type') ?? '', /^text\/javascript/);
    assert.equal(await script.text(), LINEAGE_SCRIPT);
  });

  it('serves a script that parses, fetches only this server and writes data as text', () => {
    assert.doesNotThrow(() => new Script(LINEAGE_SCRIPT, { filename: 'lineage.js' }));
    assert.doesNotMatch(LINEAGE_SCRIPT, /__STATUS_COLOURS__|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
    assert.doesNotMatch(LINEAGE_SCRIPT, /innerHTML|insertAdjacentHTML|document\.write|eval\(/);
  });
});

describe('the lineage page in headless Chromium', () => {
  let lake: TempLake;
  let browser: Browser | undefined;
  let url = '';
  let close: () => Promise<void> = async () => undefined;

  before(async () => {
    if (SKIP_WITHOUT_CHROMIUM !== false) return;
    lake = await createMixedLake();
    const { app } = createTestApp(lake);
    ({ url, close } = await serveOnLoopback(app.fetch));
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await close();
    await lake?.cleanup();
  });

  it('draws every asset by layer, coloured by status; a click shows details and history; materialize uses the typed token', async (t) => {
    if (browser === undefined) {
      t.skip(`${SKIP_WITHOUT_CHROMIUM}, so the page is not tested in a browser`);
      return;
    }
    const page = await browser.newPage({ viewport: { width: 1480, height: 900 } });
    const foreign: string[] = [];
    const problems: string[] = [];
    page.on('request', (request) => { if (!request.url().startsWith(url)) foreign.push(request.url()); });
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => { if (message.type() === 'error') problems.push(message.text()); });
    await page.goto(`${url}/`);
    await page.waitForFunction((n) => document.querySelectorAll('#graph .node').length === n, SMALL_GRAPH_KEYS.length);

    const nodes = await page.$$eval('#graph .node', (elements: PageElement[]) => elements.map((g) => {
      const rect = g.querySelector('rect')!;
      const translate = /translate\(([\d.]+),/.exec(g.getAttribute('transform') ?? '');
      return { key: g.getAttribute('data-key')!, status: g.getAttribute('data-status')!, fill: getComputedStyle(rect).fill, stroke: getComputedStyle(rect).stroke, x: Number(translate?.[1]) };
    }));
    assert.deepEqual(nodes.map((n) => n.key).sort(), [...SMALL_GRAPH_KEYS].sort());
    for (const node of nodes) {
      const expected = MIXED_STATUSES[node.key as keyof typeof MIXED_STATUSES];
      assert.equal(node.status, expected, node.key);
      assert.equal(node.fill, rgb(STATUS_COLOURS[expected].fill), node.key);
      assert.equal(node.stroke, rgb(STATUS_COLOURS[expected].stroke), node.key);
    }
    // Left to right by layer: raw < intermediate < gold < metrics.
    const x = (key: string) => nodes.find((n) => n.key === key)!.x;
    assert.ok(x('raw/films') < x('intermediate/films') && x('intermediate/films') < x('gold/matches') && x('gold/matches') < x('metrics/match_count'));
    assert.equal(x('gold/matches'), x('gold/decades'));
    assert.deepEqual(await page.$$eval('#graph .band', (bands: PageElement[]) => bands.map((b) => b.getAttribute('data-layer'))), ['raw', 'intermediate', 'gold', 'metrics']);
    assert.equal(await page.locator('#graph .edge').count(), 6);
    assert.equal(await page.textContent('#summary'), '7 assets · 3 fresh · 3 stale · 1 missing');

    await page.click('#graph .node[data-key="gold/matches"]');
    await page.waitForSelector('#details h2');
    assert.equal(await page.textContent('#details h2'), 'gold/matches');
    assert.equal(await page.textContent('#detail-status'), 'stale');
    assert.match((await page.textContent('#causes')) ?? '', /upstream: upstream "intermediate\/films" is stale/);
    assert.equal(await page.locator('#history tbody tr').count(), 1);
    assert.deepEqual(await page.$$eval('#details [data-link]', (links: PageElement[]) => links.map((l) => l.getAttribute('data-link'))), ['intermediate/films', 'intermediate/releases', 'metrics/match_count']);
    assert.equal(await page.getAttribute('#graph .node[data-key="gold/matches"]', 'class'), 'node stale selected');
    await mkdir(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: `${ARTIFACTS}lineage-page.png`, fullPage: true });

    // Without the token, the server's refusal is shown; with it, the run's outcome, and the graph refreshes.
    await page.click('#materialize');
    await page.waitForFunction(() => document.querySelector('#materialize-result')?.classList.contains('error'));
    assert.match((await page.textContent('#materialize-result')) ?? '', /UNAUTHORIZED/);
    await page.fill('#token', API_TOKEN);
    await page.click('#materialize');
    await page.waitForFunction(() => /succeeded/.test(document.querySelector('#materialize-result')?.textContent ?? ''));
    assert.match((await page.textContent('#materialize-result')) ?? '', /1 materialized, 5 skipped, 0 failed/);
    await page.waitForFunction(() => document.querySelector('#graph .node[data-key="gold/matches"]')?.getAttribute('data-status') === 'fresh');
    assert.equal(await page.getAttribute('#graph .node[data-key="intermediate/films"]', 'data-status'), 'fresh');
    // The panel reloads after the graph, with a request of its own.
    await page.waitForFunction(() => document.querySelector('#detail-status')?.textContent === 'fresh');

    // A node's details also open from the keyboard and from a link in the panel.
    await page.click('#details [data-link="metrics/match_count"]');
    await page.waitForFunction(() => document.querySelector('#details h2')?.textContent === 'metrics/match_count');
    await page.focus('#graph .node[data-key="gold/decades"]');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('#details h2')?.textContent === 'gold/decades');
    assert.equal(await page.textContent('#history-empty'), 'Never materialized.');

    assert.deepEqual(foreign, []);
    assert.deepEqual(problems.filter((p) => !/401/.test(p)), []);
    await page.close();
  });
});
