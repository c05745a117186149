// A run killed with SIGKILL at seeded random points (inside an asset's step with writes in flight, or after a
// seeded delay, wherever that lands): after the next run and `medallion gc --grace 0`, the lake holds no
// debris (temp files, write mutexes, journals, orphaned version folders, empty folders, leases, run markers),
// the killed run is listed as interrupted, and every asset's data version equals an uninterrupted run's.
import assert from 'node:assert/strict';
import { appendFileSync, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { createLocalStorage } from '../../../runtime/index.ts';
import { Ledger } from '../../../runtime/internal.ts';
import { runCliIn } from '../../support/capture-cli.ts';
import { createCliProject, RUNTIME_URL, spawnCli, waitFor, type CliProject } from '../../support/cli-process.ts';

const ASSETS = ['raw/a', 'raw/b', 'gold/c'];

// Each step of raw/a and raw/b appends "<asset>:<step>" to $MEDALLION_TEST_PROGRESS; at the step named by
// $MEDALLION_TEST_PAUSE_AT it says "paused" and then keeps rewriting an attachment until it is killed.
const CONFIG = `
import { appendFileSync } from 'node:fs';
import { z } from 'zod';
import { createAssetGraph, defineAsset, defineConfig } from '${RUNTIME_URL}';

const schema = z.object({ source: z.string(), step: z.int(), value: z.string() });
function paged(key, steps) {
  return defineAsset({
    key, schema, codeVersion: '1',
    async materialize(ctx) {
      const rows = [];
      for (let step = 1; step <= steps; step++) {
        const value = await ctx.step('page-' + step, async () => {
          const name = key + ':' + step;
          if (process.env.MEDALLION_TEST_PROGRESS) appendFileSync(process.env.MEDALLION_TEST_PROGRESS, name + '\\n');
          await ctx.staging.putJson('page-' + step, { step });
          await ctx.attachments.putJson('pages/page-' + step + '.json', { key, step });
          if (process.env.MEDALLION_TEST_PAUSE_AT === name) {
            appendFileSync(process.env.MEDALLION_TEST_PROGRESS, 'paused\\n');
            for (let n = 0; ; n++) await ctx.attachments.putBytes('spin.bin', new Uint8Array(64 * 1024).fill(n % 256));
          }
          return key + '#' + step;
        });
        rows.push({ source: key, step, value });
      }
      return { rows };
    },
  });
}
const a = paged('raw/a', 4);
const b = paged('raw/b', 3);
const c = defineAsset({
  key: 'gold/c', schema, codeVersion: '1', deps: { a, b },
  async materialize(_ctx, inputs) { return { rows: [...(await inputs.a.rows()), ...(await inputs.b.rows())] }; },
});
export default defineConfig({ graph: createAssetGraph([a, b, c]) });
`;

/** mulberry32: a small seeded generator, so the kill points are the same on every run of the suite. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

type KillPoint = { pauseAt: string } | { delayMs: number };

function killPoints(): KillPoint[] {
  const random = seeded(13);
  const steps = ['raw/a:1', 'raw/a:2', 'raw/a:3', 'raw/a:4', 'raw/b:1', 'raw/b:2', 'raw/b:3'];
  return [
    { pauseAt: steps[Math.floor(random() * steps.length)]! },
    { pauseAt: steps[Math.floor(random() * steps.length)]! },
    // After the first step started: anywhere in the run (a commit included), or after it.
    { delayMs: Math.floor(random() * 400) },
    { delayMs: Math.floor(random() * 400) },
  ];
}

/** Everything under `root` that is debris: temp files, mutexes, journals, markers, leases, empty folders. */
function debrisIn(root: string): string[] {
  const found: string[] = [];
  const walk = (relative: string) => {
    const entries = readdirSync(join(root, relative), { withFileTypes: true });
    const depth = relative === '' ? 0 : relative.split('/').length;
    if (entries.length === 0 && depth >= 2) found.push(`${relative}/ (empty folder)`);
    for (const entry of entries) {
      const path = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (entry.name.endsWith('.tmp')) found.push(path);
      else if (entry.isDirectory() && /^\..+\.lock$/.test(entry.name)) found.push(path);
      else if (entry.isDirectory()) walk(path);
      else if (path.startsWith('metrics/_journal/') || path.startsWith('metrics/_runs/_active/') || path.startsWith('.locks/')) found.push(path);
    }
  };
  walk('');
  return found;
}

async function versionFolders(root: string): Promise<{ orphans: string[]; dataVersions: Record<string, string> }> {
  const ledger = new Ledger(createLocalStorage(root));
  const orphans: string[] = [];
  const dataVersions: Record<string, string> = {};
  for (const asset of ASSETS) {
    const committed = new Set((await ledger.history(asset, undefined, 1_000)).flatMap((record) => (record.files.folder === null ? [] : [record.files.folder])));
    const folder = join(root, asset);
    for (const name of existsSync(folder) ? readdirSync(folder) : []) {
      if (statSync(join(folder, name)).isDirectory() && !committed.has(`${asset}/${name}`)) orphans.push(`${asset}/${name}`);
    }
    dataVersions[asset] = (await ledger.readHead(asset))?.record.dataVersion ?? 'missing';
  }
  return { orphans, dataVersions };
}

describe('killed runs leave no debris after the next run and gc', () => {
  let project: CliProject;
  let reference: Record<string, string>;
  before(async () => {
    project = await createCliProject(CONFIG);
    const run = await runCliIn(project.root, ['materialize', '--all', '--lake', join(project.root, 'reference')]);
    assert.equal(run.code, 0, run.stderr);
    reference = (await versionFolders(join(project.root, 'reference'))).dataVersions;
  });
  after(async () => { await project.cleanup(); });

  for (const [index, point] of killPoints().entries()) {
    const label = 'pauseAt' in point ? `inside step ${point.pauseAt}, writing` : `${point.delayMs} ms after the first step started`;
    it(`killed ${label}`, async (t) => {
      const lake = join(project.root, `lake-${index}`);
      const progress = join(project.root, `progress-${index}`);
      appendFileSync(progress, '');
      const cli = spawnCli({ ...project, lake }, ['materialize', '--all'], {
        MEDALLION_TEST_PROGRESS: progress, ...('pauseAt' in point ? { MEDALLION_TEST_PAUSE_AT: point.pauseAt } : {}),
      });
      if ('pauseAt' in point) await waitFor(`step ${point.pauseAt}`, () => readFileSync(progress, 'utf8').includes('paused'), cli);
      else {
        await waitFor('the first step', () => readFileSync(progress, 'utf8') !== '', cli);
        await Promise.race([sleep(point.delayMs), cli.exited]);
      }
      cli.child.kill('SIGKILL');
      await cli.exited;

      const next = await runCliIn(project.root, ['materialize', '--all', '--lake', lake]);
      assert.equal(next.code, 0, next.stderr);
      const gc = await runCliIn(project.root, ['gc', '--grace', '0', '--lake', lake]);
      assert.equal(gc.code, 0, gc.stderr);
      t.diagnostic(gc.stdout.split('\n')[0]!);

      assert.deepEqual(debrisIn(lake), [], `debris left after the next run and gc:\n${gc.stdout}`);
      const { orphans, dataVersions } = await versionFolders(lake);
      assert.deepEqual(orphans, []);
      assert.deepEqual(dataVersions, reference, "the same data versions as an uninterrupted run's");
      const runs = JSON.parse((await runCliIn(project.root, ['runs', '--json', '--lake', lake])).stdout) as { runs: { status: string }[]; unreadable: string[] };
      assert.deepEqual(runs.unreadable, []);
      assert.equal(runs.runs[0]!.status, 'succeeded');
      if ('pauseAt' in point) assert.deepEqual(runs.runs.map((run) => run.status), ['succeeded', 'interrupted'], 'the killed run is listed as interrupted');
    });
  }
});
