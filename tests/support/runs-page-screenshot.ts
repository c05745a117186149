// Writes the README's picture of the runs page: a sample-pipeline lake after a few runs (see runs-lake.ts),
// served on loopback and photographed in headless Chromium (Debian's /usr/bin/chromium).
//   node --import tsx tests/support/runs-page-screenshot.ts [OUT]   (default docs/images/runs-page.png)
import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from '../../server/app.ts';
import { launchChromium, serveOnLoopback } from './browser.ts';
import { createRunsLake, runsLakeGraph } from './runs-lake.ts';
import { createTempLake } from './temp-lake.ts';

async function main(out: string): Promise<void> {
  const lake = await createTempLake();
  const served = await serveOnLoopback(createApp({ graph: runsLakeGraph(), storage: lake.storage, env: {} }).fetch);
  const browser = await launchChromium();
  try {
    const runs = await createRunsLake(lake.storage, { extraFullRuns: 3 });
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
    // The failed run opens with its timeline.
    const failed = runs.find((run) => run.status === 'failed')!;
    await page.goto(`${served.url}/runs#${failed.runId}`);
    await page.waitForSelector('body[data-loaded="true"]');
    await mkdir(dirname(out), { recursive: true });
    await page.screenshot({ path: out, fullPage: true });
    process.stdout.write(`${out}\n`);
  } finally {
    await browser.close();
    await served.close();
    await lake.cleanup();
  }
}

const root = fileURLToPath(new URL('../../', import.meta.url));
if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main(resolve(process.argv[2] ?? `${root}docs/images/runs-page.png`));
}
