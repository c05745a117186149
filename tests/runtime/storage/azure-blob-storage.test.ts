/**
 * The Azure Blob backend: the shared storage contract on Azurite (a fresh in-process instance per test), plus
 * what only Azure can get wrong: block uploads, containers created on first write, hierarchical-namespace folder
 * markers, where leases live, redacted locations, and errors that say what to do.
 */
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import type { TestContext } from 'node:test';
import { BlobServiceClient } from '@azure/storage-blob';
import { ConfigError, createAzureBlobStorage, openLake } from '../../../runtime/index.ts';
import type { Storage } from '../../../runtime/index.ts';
import { AZURITE_KEY, startAzurite } from '../../support/azurite.ts';
import type { Azurite } from '../../support/azurite.ts';
import { storageContract, storageError } from './storage-contract.ts';

storageContract('Azure Blob Storage on Azurite', async () => {
  const azurite = await startAzurite();
  return { storage: createAzureBlobStorage({ connectionString: azurite.connectionString }), cleanup: () => azurite.stop() };
});

async function freshAzurite(t: TestContext): Promise<{ azurite: Azurite; lake: Storage; service: BlobServiceClient }> {
  const azurite = await startAzurite();
  t.after(() => azurite.stop());
  const lake = createAzureBlobStorage({ connectionString: azurite.connectionString });
  return { azurite, lake, service: BlobServiceClient.fromConnectionString(azurite.connectionString) };
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const containerNames = async (service: BlobServiceClient) => {
  const names: string[] = [];
  for await (const container of service.listContainers()) names.push(container.name);
  return names;
};

describe('Azure blob storage', () => {
  it('uploads a multi-MB object as parallel blocks committed at once, and reads it back intact', async (t) => {
    const { lake, service } = await freshAzurite(t);
    const body = randomBytes(12 * 1024 * 1024 + 5);
    const written = await lake.put('gold/matches/data.parquet', body);
    assert.equal(written.size, body.length);
    const blocks = await service.getContainerClient('gold').getBlockBlobClient('matches/data.parquet').getBlockList('committed');
    assert.deepEqual(blocks.committedBlocks?.map((block) => block.size), [4 << 20, 4 << 20, 4 << 20, 5]);
    const read = await lake.get('gold/matches/data.parquet');
    assert.equal(read?.etag, written.etag);
    assert.equal(sha256(read!.body), sha256(body));
    const properties = await service.getContainerClient('gold').getBlobClient('matches/data.parquet').getProperties();
    assert.equal(properties.contentType, 'application/vnd.apache.parquet');
  });

  it('a staged upload is still create-once: the losing writer conflicts and its blocks never show', async (t) => {
    const { azurite } = await freshAzurite(t);
    const azure = createAzureBlobStorage({ connectionString: azurite.connectionString, maxSingleShotBytes: 1024, blockBytes: 1024, uploadConcurrency: 3 });
    const first = await azure.put('gold/_commit.json', 'x'.repeat(5000), { ifNoneMatch: '*' });
    await assert.rejects(azure.put('gold/_commit.json', 'y'.repeat(5000), { ifNoneMatch: '*' }), storageError('STORAGE_CONFLICT', 'gold/_commit.json'));
    await assert.rejects(azure.put('gold/_commit.json', 'z'.repeat(5000), { ifMatch: '"0x1"' }), storageError('STORAGE_CONFLICT', 'gold/_commit.json'));
    const read = await azure.get('gold/_commit.json');
    assert.equal(read?.etag, first.etag);
    assert.equal(new TextDecoder().decode(read?.body), 'x'.repeat(5000));
  });
});

describe('Azure containers and listing', () => {
  it('creates a missing container on the first write, once for many concurrent writers', async (t) => {
    const { lake, service } = await freshAzurite(t);
    assert.deepEqual(await containerNames(service), []);
    await Promise.all(Array.from({ length: 8 }, (_, i) => lake.put(`intermediate/part-${i}.json`, `${i}`)));
    await lake.put('raw/tmdb/page-1.json', '{}', { ifNoneMatch: '*' });
    assert.deepEqual(await containerNames(service), ['intermediate', 'raw']);
    assert.equal((await lake.list('intermediate/')).length, 8);
  });

  it('a compare-and-swap into a missing container conflicts and creates nothing', async (t) => {
    const { lake, service } = await freshAzurite(t);
    await assert.rejects(lake.put('gold/_head.json', '{}', { ifMatch: '"0x8DC0000000000"' }), storageError('STORAGE_CONFLICT', 'gold/_head.json'));
    assert.deepEqual(await containerNames(service), []);
  });

  it('keeps leases under metrics/.locks/, hidden from every listing', async (t) => {
    const { lake, service } = await freshAzurite(t);
    await lake.put('metrics/_runs/r1.json', '{}');
    const lock = await lake.lock('asset/gold/matches', { owner: 'run r1' });
    const leases: string[] = [];
    for await (const blob of service.getContainerClient('metrics').listBlobsFlat({ prefix: '.locks/' })) leases.push(blob.name);
    assert.equal(leases.length, 1);
    assert.match(leases[0]!, /^\.locks\/asset_gold_matches-[0-9a-f]{16}\.lease$/);
    for (const prefix of ['', 'metrics', 'metrics/']) assert.deepEqual((await lake.list(prefix)).map((info) => info.path), ['metrics/_runs/r1.json']);
    await lock.release();
    assert.equal((await lake.list('metrics/')).length, 1);
  });

  it('skips what is not an object: hierarchical-namespace folder markers and dot-names written by other tools', async (t) => {
    const { lake, service } = await freshAzurite(t);
    await lake.put('gold/matches/_head.json', '{}');
    const gold = service.getContainerClient('gold');
    await gold.getBlockBlobClient('matches').upload('', 0, { metadata: { hdi_isfolder: 'true' } });
    await gold.getBlockBlobClient('.staging/tmp').upload('x', 1);
    assert.deepEqual((await lake.list('gold/')).map((info) => info.path), ['gold/matches/_head.json']);
  });

  it('treats containers Azure cannot have as empty, and refuses to write to one with a clear message', async (t) => {
    const { lake } = await freshAzurite(t);
    assert.equal(await lake.get('Gold/a.json'), undefined);
    assert.equal(await lake.delete('ab/a.json'), false);
    assert.deepEqual(await lake.list('Gold/'), []);
    await assert.rejects(lake.put('Gold/a.json', 'x'), storageError('STORAGE_IO', '"Gold" cannot be an Azure container name', 'lowercase'));
  });
});

describe('Azure lake location and configuration', () => {
  it('shows the blob endpoint as its location, never a key or SAS', () => {
    const keyed = `DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=${AZURITE_KEY};EndpointSuffix=core.windows.net`;
    assert.equal(createAzureBlobStorage({ connectionString: keyed }).location, 'https://acme.blob.core.windows.net');
    const sas = 'BlobEndpoint=https://acme.blob.core.windows.net/;SharedAccessSignature=sv=2026-06-06&sig=SECRET';
    assert.equal(createAzureBlobStorage({ connectionString: sas }).location, 'https://acme.blob.core.windows.net');
    assert.equal(createAzureBlobStorage({ connectionString: 'UseDevelopmentStorage=true' }).location, 'http://127.0.0.1:10000/devstoreaccount1');
    const credential = { getToken: async () => null };
    assert.equal(openLake('https://acme.blob.core.windows.net/', '/', { credential }).location, 'https://acme.blob.core.windows.net');
  });

  it('openLake picks Azure from an account URL or, with no lake given, from AZURE_STORAGE_CONNECTION_STRING', () => {
    const env = { AZURE_STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true' };
    assert.equal(openLake(undefined, '/work', { env }).location, 'http://127.0.0.1:10000/devstoreaccount1');
    assert.equal(openLake('lake', '/work', { env }).location, '/work/lake');
    assert.equal(openLake('', '/work', { env: {} }).location, '/work/data/lake');
  });

  it('refuses account URLs it must not use, naming the fix and never echoing a secret', () => {
    const refused = (url: string, ...mentions: string[]) =>
      assert.throws(() => openLake(url, '/'), (error: unknown) => {
        assert.ok(error instanceof ConfigError, String(error));
        assert.doesNotMatch(error.message, /SECRET/);
        for (const mention of mentions) assert.ok(error.message.includes(mention), `"${error.message}" should mention "${mention}"`);
        return true;
      });
    refused('https://acme.blob.core.windows.net/?sv=2026&sig=SECRET', 'query string', 'AZURE_STORAGE_CONNECTION_STRING');
    refused('https://user:SECRET@acme.blob.core.windows.net', 'user info');
    refused('http://acme.blob.core.windows.net', 'not https');
    refused('https://acme.dfs.core.windows.net', 'https://acme.blob.core.windows.net');
    refused('https://acme.blob.core.windows.net/gold', 'whole account');
    refused('abfss://gold@acme.dfs.core.windows.net/?sig=SECRET', 'abfss URL', 'blob endpoint');
  });
});

describe('Azure errors', () => {
  it('an unreachable account fails, naming the location and the network error', async () => {
    const closed = createAzureBlobStorage({
      connectionString: `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${AZURITE_KEY};BlobEndpoint=http://127.0.0.1:1/devstoreaccount1;`,
      retryOptions: { maxTries: 1 },
    });
    await assert.rejects(closed.get('gold/a.json'), storageError('STORAGE_IO', 'Could not reach the lake account', 'http://127.0.0.1:1/devstoreaccount1', 'ECONNREFUSED'));
  });

  it('a refused key says so without quoting the key', async (t) => {
    const { azurite } = await freshAzurite(t);
    const wrongKey = Buffer.from('not the account key').toString('base64');
    const lake = createAzureBlobStorage({ connectionString: azurite.connectionString.replace(AZURITE_KEY, wrongKey) });
    await assert.rejects(lake.put('gold/a.json', 'x'), (error: unknown) => {
      storageError('STORAGE_IO', 'The lake account refused writing "gold/a.json"', '403', 'key')(error);
      assert.doesNotMatch(`${(error as Error).message} ${String((error as Error).cause)}`, new RegExp(wrongKey.slice(0, 12)));
      return true;
    });
  });

  it('an unusable connection string is a configuration error that names the field, not its value', async () => {
    const lake = createAzureBlobStorage({ connectionString: 'BlobEndpoint=https://acme.blob.core.windows.net;Signature=SECRET' });
    await assert.rejects(lake.get('gold/a.json'), (error: unknown) => {
      assert.ok(error instanceof ConfigError, String(error));
      assert.match(error.message, /^AZURE_STORAGE_CONNECTION_STRING could not be used \(Invalid SharedAccessSignature in the provided SAS Connection String\)/);
      assert.doesNotMatch(error.message, /SECRET/);
      return true;
    });
  });

  it('a credential that cannot get a token is named, with what to do', async () => {
    const credential = {
      getToken: async () => {
        throw Object.assign(new Error('ManagedIdentityCredential: no managed identity endpoint found'), { name: 'CredentialUnavailableError' });
      },
    };
    const lake = createAzureBlobStorage({ accountUrl: 'https://127.0.0.1:1/devstoreaccount1', credential, retryOptions: { maxTries: 1 } });
    await assert.rejects(lake.stat('gold/a.json'), storageError('STORAGE_IO', 'Could not get a token', 'no managed identity endpoint found', 'az login'));
  });
});
