/**
 * The whole pipeline with the lake on Azurite: the same small plan materialized into a local temp lake and into
 * Azure Blob Storage gives the same gold table (data version and rows), and the same version for every asset.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createAzureBlobStorage } from '../../../runtime/index.ts';
import { Ledger } from '../../../runtime/internal.ts';
import type { RunResult, Storage } from '../../../runtime/index.ts';
import { startAzurite } from '../../support/azurite.ts';
import type { Azurite } from '../../support/azurite.ts';
import { createTestEmulator, runInProcess } from '../../support/emulated-pipeline.ts';
import { createTempLake } from '../../support/temp-lake.ts';
import type { TempLake } from '../../support/temp-lake.ts';

const versions = (run: RunResult) => Object.fromEntries(run.summary.outcomes.map((outcome) => [`${outcome.asset}[${outcome.partition}]`, outcome.dataVersion]));

async function goldHead(storage: Storage) {
  const head = await new Ledger(storage).readHead('gold/matches');
  assert.ok(head, `gold/matches has a head in ${storage.location}`);
  return head.record;
}

describe('the pipeline on Azurite', () => {
  let azurite: Azurite;
  let local: TempLake;
  before(async () => {
    [azurite, local] = await Promise.all([startAzurite(), createTempLake()]);
  });
  after(async () => {
    await Promise.all([azurite.stop(), local.cleanup()]);
  });

  it('materializes everything into Azure Blob Storage with the same gold table as a local lake', async () => {
    const azure = createAzureBlobStorage({ connectionString: azurite.connectionString });
    const localRun = await runInProcess(local.storage, createTestEmulator());
    const azureRun = await runInProcess(azure, createTestEmulator());
    assert.equal(localRun.summary.status, 'succeeded');
    assert.equal(azureRun.summary.status, 'succeeded');

    const [localGold, azureGold] = await Promise.all([goldHead(local.storage), goldHead(azure)]);
    assert.ok(localGold.rows > 0);
    assert.equal(azureGold.dataVersion, localGold.dataVersion);
    assert.equal(azureGold.rows, localGold.rows);
    assert.deepEqual(versions(azureRun), versions(localRun));
    assert.ok(azureGold.files.data !== null && (await azure.stat(azureGold.files.data))!.size > 0);

    // The layers landed in their containers; no lease is left behind or listed.
    const containers = new Set((await azure.list('')).map((info) => info.path.split('/')[0]));
    assert.deepEqual([...containers].sort(), ['gold', 'intermediate', 'metrics', 'raw']);
  });
});
