// `medallion gc` on the command line: its help, a bad --grace, and --dry-run --json (what would go, nothing gone).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { createAssetGraph, defineAsset, NonRetriableError } from '../../../runtime/index.ts';
import { runCapturedCli } from '../../support/capture-cli.ts';
import { createTempLake } from '../../support/temp-lake.ts';

const failing = defineAsset({
  key: 'raw/failing', schema: z.object({ n: z.int() }), codeVersion: '1', retry: { maxAttempts: 1 },
  async materialize(ctx) {
    await ctx.step('first', async () => 1);
    throw new NonRetriableError('the source refused the request');
  },
});
const graph = createAssetGraph([failing]);

describe('medallion gc', () => {
  it('documents --dry-run and --grace in its help', async () => {
    const help = await runCapturedCli(['gc', '--help'], graph);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /Usage: medallion gc \[--dry-run\] \[--grace DURATION\]/);
    assert.match(help.stdout, /--grace VALUE .*default 1h/);
    assert.match(help.stdout, /--dry-run .*remove nothing/);
  });

  it('refuses a grace period that is not a duration, saying what to give', async (t) => {
    const lake = await createTempLake();
    t.after(() => lake.cleanup());
    const bad = await runCapturedCli(['gc', '--grace', '5', '--lake', lake.root], graph);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--grace must be a duration such as 30m, 1h or 2d \(or 0 for no grace period\), not "5"/);
  });

  it('--dry-run --json lists the stale journal and removes nothing', async (t) => {
    const lake = await createTempLake();
    t.after(() => lake.cleanup());
    const run = await runCapturedCli(['materialize', '--all', '--lake', lake.root], graph);
    assert.equal(run.code, 1);
    const dry = await runCapturedCli(['gc', '--dry-run', '--grace', '0', '--json', '--lake', lake.root], graph);
    assert.equal(dry.code, 0, dry.stderr);
    const report = JSON.parse(dry.stdout) as { dryRun: boolean; graceMs: number; journals: string[] };
    assert.deepEqual([report.dryRun, report.graceMs, report.journals.length], [true, 0, 1]);
    assert.ok((await lake.storage.list('metrics/_journal/')).length > 0, 'nothing was removed');
    const text = await runCapturedCli(['gc', '--grace', '0', '--lake', lake.root], graph);
    assert.match(text.stdout, /^Removed 1 journal, 0 orphaned version folders, \d+ leftovers? \(\d objects?, [\d.]+ [kK]?B\) in /);
    assert.deepEqual(await lake.storage.list('metrics/_journal/'), []);
  });
});
