import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { materialize } from '../../../runtime/index.ts';
import { Ledger } from '../../../runtime/internal.ts';
import { createTempLake, type TempLake } from '../../support/temp-lake.ts';
import { multiStepGraph } from './fixtures/multi-step-graph.ts';

const child = fileURLToPath(new URL('./fixtures/materialize-multi-step.ts', import.meta.url));

describe('crash and resume', () => {
  let lake: TempLake;
  let markers: string;
  before(async () => {
    lake = await createTempLake();
    markers = mkdtempSync(join(tmpdir(), 'medallion-markers-'));
  });
  after(async () => {
    await lake.cleanup();
    rmSync(markers, { recursive: true, force: true });
  });

  const runsOf = (step: number) => readFileSync(join(markers, `step-${step}`), 'utf8').split('\n').filter(Boolean).length;

  it('a process killed with SIGKILL mid-materialization is resumed by the next run without redoing completed steps', async () => {
    const proc = spawn(process.execPath, ['--import', 'tsx', child, lake.root, markers, '3'], { stdio: 'inherit' });
    const exited = new Promise((resolve) => proc.on('exit', resolve));
    for (let waited = 0; !existsSync(join(markers, 'hanging')); waited += 25) {
      if (waited > 60_000) throw new Error('the child never reached step 3');
      await sleep(25);
    }
    proc.kill('SIGKILL');
    await exited;
    assert.equal(await new Ledger(lake.storage).readHead('raw/steps'), undefined, 'nothing was committed by the killed run');

    const run = await materialize({ graph: multiStepGraph(markers), storage: lake.storage, lockWaitMs: 5_000 });
    const outcome = run.summary.outcomes[0]!;
    assert.equal(outcome.type, 'materialized', outcome.reason ?? '');
    assert.deepEqual(outcome.steps, { ran: 3, replayed: 2 });
    assert.deepEqual([1, 2, 3, 4, 5].map(runsOf), [1, 1, 2, 1, 1]);
    assert.equal(outcome.rows, 5);
    const head = await new Ledger(lake.storage).readHead('raw/steps');
    assert.deepEqual(head!.record.files.attachments.map((path) => path.slice(path.lastIndexOf('/') + 1)), [1, 2, 3, 4, 5].map((n) => `page-${n}.json`));
    assert.ok(head!.record.files.attachments.every((path) => path.startsWith(`${head!.record.files.folder}/attachments/`)));
    const journal = await lake.storage.list('metrics/_journal/');
    assert.deepEqual(journal, [], 'the journal is cleared after the commit');
  });
});
