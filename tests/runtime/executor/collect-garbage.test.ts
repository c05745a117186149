// `collectGarbage` (`medallion gc`) on both backends: stale journals, journals of committed materializations and
// orphaned version folders go, after the grace period; committed versions, fresh journals and the folders they
// resume into stay; a dry run removes nothing; a slot a live run holds is skipped. The local backend's own
// leftovers (temp files, empty folders) go too.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it, type TestContext } from 'node:test';
import { z } from 'zod';
import { collectGarbage, createAssetGraph, createAzureBlobStorage, defineAsset, materialize, NonRetriableError, type Storage } from '../../../runtime/index.ts';
import { Ledger } from '../../../runtime/internal.ts';
import { startAzurite } from '../../support/azurite.ts';
import { createTempLake } from '../../support/temp-lake.ts';

const HOUR = 3_600_000;

function pagesGraph(codeVersion: string, failing = false) {
  const pages = defineAsset({
    key: 'raw/pages', schema: z.object({ page: z.int() }), codeVersion, retry: { maxAttempts: 1 },
    async materialize(ctx) {
      const page = await ctx.step('page-1', async () => {
        await ctx.attachments.putJson('pages/page-1.json', { page: 1 });
        return 1;
      });
      if (failing) throw new NonRetriableError('the source refused the request');
      return { rows: [{ page }] };
    },
  });
  return createAssetGraph([pages]);
}

const paths = async (storage: Storage, prefix: string) => (await storage.list(prefix)).map((object) => object.path);

async function gcContract(t: TestContext, storage: Storage, root: string | undefined): Promise<void> {
  const committed = await materialize({ graph: pagesGraph('1'), storage });
  assert.equal(committed.summary.status, 'succeeded');
  const head = (await new Ledger(storage).readHead('raw/pages'))!.record;
  const kept = await paths(storage, `${head.files.folder}/`);
  // A failed materialization leaves its journal and the version folder its attachments went to.
  const failed = await materialize({ graph: pagesGraph('2', true), storage });
  assert.equal(failed.summary.status, 'failed');
  const [failedJournal] = new Set((await paths(storage, 'metrics/_journal/raw/pages/')).map((path) => path.split('/').slice(0, 5).join('/')));
  const orphan = `raw/pages/${failed.summary.outcomes[0]!.materializationId}`;
  assert.ok((await paths(storage, `${orphan}/`)).length > 0, 'the failed attempt left its attachments');
  // A crash between the head write and the journal's removal leaves a journal of a committed materialization.
  const doneJournal = 'metrics/_journal/raw/pages/0123456789abcdef01234567';
  await storage.put(`${doneJournal}/journal.json`, JSON.stringify({ materializationId: head.id, createdAt: head.startedAt }));
  if (root !== undefined) await writeFile(join(root, head.files.folder!, 'attachments', 'pages', '.page-2.json.0123456789ab.tmp'), 'half');

  const graph = pagesGraph('1');
  const later = new Date(Date.now() + 2 * HOUR);
  const dry = await collectGarbage({ graph, storage, graceMs: HOUR, dryRun: true, now: later });
  assert.deepEqual(dry.journals.sort(), [doneJournal, failedJournal!].sort());
  assert.deepEqual(dry.versionFolders, [orphan]);
  if (root !== undefined) assert.ok(dry.leftovers.some((leftover) => leftover.kind === 'temp-file' && leftover.path.endsWith('.page-2.json.0123456789ab.tmp')));
  assert.ok((await paths(storage, `${orphan}/`)).length > 0, 'a dry run removes nothing');
  assert.ok((await paths(storage, `${doneJournal}/`)).length > 0, 'a dry run removes nothing');

  const now = await collectGarbage({ graph, storage, graceMs: HOUR });
  assert.deepEqual(now.journals, [doneJournal], "a committed materialization's journal goes at once; a recent one stays");
  assert.deepEqual(now.versionFolders, [], 'the recent journal keeps the folder it would resume into');

  const held = await storage.lock('asset/raw/pages', { owner: 'a live run' });
  const busy = await collectGarbage({ graph, storage, graceMs: HOUR, now: later });
  await held.release();
  assert.deepEqual([busy.busySlots, busy.journals, busy.versionFolders], [['raw/pages'], [], []], 'a slot in use is left alone');

  const after = await collectGarbage({ graph, storage, graceMs: HOUR, now: later });
  assert.deepEqual([after.journals, after.versionFolders], [[failedJournal!], [orphan]]);
  assert.deepEqual(await paths(storage, 'metrics/_journal/'), []);
  assert.deepEqual(await paths(storage, `${orphan}/`), []);
  assert.deepEqual(await paths(storage, `${head.files.folder}/`), kept, 'the committed version is untouched');
  assert.equal((await new Ledger(storage).readHead('raw/pages'))!.record.id, head.id);
  const rerun = await materialize({ graph, storage });
  assert.equal(rerun.summary.outcomes[0]!.type, 'skipped', 'still fresh after gc');
  if (root !== undefined) {
    assert.equal(existsSync(join(root, head.files.folder!, 'attachments', 'pages', '.page-2.json.0123456789ab.tmp')), false);
    assert.equal(existsSync(join(root, orphan)), false, 'no empty folder is left');
    assert.equal(existsSync(join(root, failedJournal!)), false, 'no empty folder is left');
  }
  t.diagnostic(`removed ${after.objects + now.objects} objects`);
}

describe('collectGarbage', () => {
  it('on a local lake', async (t) => {
    const lake = await createTempLake();
    t.after(() => lake.cleanup());
    await gcContract(t, lake.storage, lake.root);
  });

  it('on Azure Blob Storage (Azurite)', async (t) => {
    const azurite = await startAzurite();
    t.after(() => azurite.stop());
    await gcContract(t, createAzureBlobStorage({ connectionString: azurite.connectionString }), undefined);
  });
});
