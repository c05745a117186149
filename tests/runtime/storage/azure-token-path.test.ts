/**
 * The token path, offline: Azurite over HTTPS with OAuth, a loopback managed-identity endpoint, and the real
 * credential classes of @azure/identity, each mode in its own child process (MSAL caches the identity source
 * and its tokens per process). The children run under the network guard and trust the throwaway certificate
 * through NODE_EXTRA_CA_CERTS, which Node reads only at startup.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { startAzurite } from '../../support/azurite.ts';
import type { Azurite } from '../../support/azurite.ts';
import { startFakeManagedIdentity } from './fixtures/fake-managed-identity.ts';
import type { FakeManagedIdentity } from './fixtures/fake-managed-identity.ts';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const client = fileURLToPath(new URL('./fixtures/azure-token-client.ts', import.meta.url));

interface ClientResult {
  readonly ok: boolean;
  readonly code?: string;
  readonly message?: string;
  readonly location?: string;
  readonly body?: string;
  readonly isSameEtag?: boolean;
  readonly listed?: string[];
}

interface ClientRun {
  readonly result: ClientResult;
  readonly output: string;
}

type Dialect = 'app-service' | 'imds';

// Only what the child needs: no AZURE_* variables of whoever runs the tests, no NODE_OPTIONS.
function identityEnv(identity: FakeManagedIdentity, dialect: Dialect): Record<string, string> {
  return dialect === 'app-service'
    ? { IDENTITY_ENDPOINT: `${identity.origin}/msi/token`, IDENTITY_HEADER: identity.identityHeader }
    : { AZURE_POD_IDENTITY_AUTHORITY_HOST: identity.origin };
}

function runClient(azurite: Azurite, identity: FakeManagedIdentity, dialect: Dialect, mode: 'default' | 'managed-identity'): Promise<ClientRun> {
  const env = { PATH: process.env.PATH ?? '', NODE_EXTRA_CA_CERTS: azurite.caCertPath!, ...identityEnv(identity, dialect) };
  const child = spawn(process.execPath, ['--require', './tests/support/netguard.cjs', '--import', 'tsx', client, azurite.accountUrl, mode], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      const line = stdout.trim().split('\n').at(-1) ?? '';
      if (code !== 0 || !line.startsWith('{')) return reject(new Error(`client (${dialect}, ${mode}) exited with ${code}: ${stderr}${stdout}`));
      resolve({ result: JSON.parse(line) as ClientResult, output: stdout + stderr });
    });
  });
}

function assertNothingLeaked(run: ClientRun, identity: FakeManagedIdentity): void {
  assert.doesNotMatch(run.output, /\[netguard\]/, 'no connection outside loopback');
  for (const token of identity.issuedTokens) assert.ok(!run.output.includes(token.split('.')[1]!), 'no token in the output');
}

// The children are independent (each has its own identity endpoint and blob names), so they run side by side.
describe('Azure token path (HTTPS Azurite with OAuth, loopback managed identity)', { concurrency: true }, () => {
  let azurite: Azurite;
  const identities: FakeManagedIdentity[] = [];
  const identity = async (options?: { audience?: string }) => {
    const started = await startFakeManagedIdentity(options);
    identities.push(started);
    return started;
  };
  before(async () => {
    azurite = await startAzurite({ https: true, oauth: true });
  });
  after(async () => {
    await Promise.all(identities.map((started) => started.stop()));
    await azurite.stop();
  });

  const modes: ReadonlyArray<{ dialect: Dialect; mode: 'default' | 'managed-identity' }> = [
    { dialect: 'app-service', mode: 'default' },
    { dialect: 'imds', mode: 'managed-identity' },
    { dialect: 'imds', mode: 'default' },
  ];

  for (const { dialect, mode } of modes) {
    it(`${mode === 'default' ? 'DefaultAzureCredential' : 'ManagedIdentityCredential'} with ${dialect} managed identity writes, reads, lists and locks`, async () => {
      const fake = await identity();
      const run = await runClient(azurite, fake, dialect, mode);
      assert.equal(run.result.ok, true, run.result.message);
      assert.equal(run.result.location, azurite.accountUrl);
      assert.equal(run.result.body, JSON.stringify({ mode }));
      assert.equal(run.result.isSameEtag, true);
      assert.ok(run.result.listed?.some((path) => path.startsWith(`gold/token-path/${mode}-`)));
      const tokenRequests = fake.requests.filter((request) => request.dialect === dialect);
      assert.ok(tokenRequests.length >= 1, `asked the ${dialect} endpoint for a token`);
      for (const request of tokenRequests) assert.equal(request.resource?.replace(/\/$/, ''), 'https://storage.azure.com');
      assertNothingLeaked(run, fake);
    });
  }

  it('a token for the wrong audience is refused with 403, named clearly, and the token is not echoed', async () => {
    const fake = await identity({ audience: 'https://vault.azure.net' });
    const run = await runClient(azurite, fake, 'app-service', 'managed-identity');
    assert.equal(run.result.ok, false);
    assert.equal(run.result.code, 'STORAGE_IO');
    assert.match(run.result.message ?? '', /refused writing "gold\/token-path\/managed-identity-\d+\.json" in https:\/\/127\.0\.0\.1:\d+\/devstoreaccount1 \(403 AuthenticationFailed\)/);
    assert.match(run.result.message ?? '', /issued for https:\/\/storage\.azure\.com/);
    assert.ok(fake.issuedTokens.length >= 1);
    assertNothingLeaked(run, fake);
  });
});
