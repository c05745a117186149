import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { TokenCredential } from '@azure/identity';
import { Hono, type Context } from 'hono';
import { ConfigError } from '../../../runtime/index.ts';
import { resolveSourceCredentials } from '../../../assets/sources/credentials.ts';
import { listen, type Listening } from './http/listen.ts';

const VAULT_OPTIONS = { disableChallengeResourceVerification: true, allowInsecureConnection: true };
const CHALLENGE = 'Bearer authorization="https://login.microsoftonline.com/00000000-0000-0000-0000-000000000001", resource="https://vault.azure.net"';

/** A Key Vault that challenges a request without a token, then serves secrets to the fake access token. */
function createFakeVault(secrets: Record<string, string>, forbidden: readonly string[] = []) {
  const log: { name: string; authorization: string | undefined }[] = [];
  const app = new Hono();
  const handler = (c: Context) => {
    const name = c.req.param('name')!;
    const authorization = c.req.header('authorization');
    log.push({ name, authorization });
    if (authorization !== 'Bearer fake-access-token') return c.body(null, 401, { 'www-authenticate': CHALLENGE });
    if (forbidden.includes(name)) return c.json({ error: { code: 'Forbidden', message: `Caller is not authorized to get secret ${name}.` } }, 403);
    const value = secrets[name];
    if (value === undefined) return c.json({ error: { code: 'SecretNotFound', message: `A secret with (name/id) ${name} was not found in this key vault.` } }, 404);
    return c.json({ value, id: `${new URL(c.req.url).origin}/secrets/${name}/0123456789abcdef`, attributes: { enabled: true, created: 1767225600, updated: 1767225600 } });
  };
  app.get('/secrets/:name/', handler);
  app.get('/secrets/:name', handler);
  return { app, log };
}

function fakeCredential() {
  const scopes: (string | string[])[] = [];
  const credential: TokenCredential = {
    async getToken(scope) {
      scopes.push(scope);
      return { token: 'fake-access-token', expiresOnTimestamp: Date.now() + 3_600_000 };
    },
  };
  return { credential, scopes };
}

const refusingCredential: TokenCredential = {
  getToken: () => Promise.reject(new Error('the vault must not be read')),
};

describe('source credentials', () => {
  it('reads the environment, trimmed, preferring the read access token for TMDB', async () => {
    assert.deepEqual(await resolveSourceCredentials({ TMDB_API_KEY: ' 0123456789abcdef0123456789abcdef\n' }), {
      tmdb: { apiKey: '0123456789abcdef0123456789abcdef' }, discogs: undefined,
    });
    const both = await resolveSourceCredentials({
      TMDB_API_KEY: 'k'.repeat(32), TMDB_READ_ACCESS_TOKEN: 'eyJ.a.b', DISCOGS_TOKEN: 'dt', DISCOGS_USER_AGENT: 'App/1.0',
    });
    assert.deepEqual(both, { tmdb: { readAccessToken: 'eyJ.a.b' }, discogs: { token: 'dt', userAgent: 'App/1.0' } });
    assert.deepEqual(await resolveSourceCredentials({ TMDB_API_KEY: '', DISCOGS_TOKEN: '  ' }), { tmdb: undefined, discogs: undefined });
  });

  it('refuses half-set Discogs credentials, naming the variables and never the value', async () => {
    const secret = 'discogs-token-value-do-not-print';
    await assert.rejects(resolveSourceCredentials({ DISCOGS_TOKEN: secret }), (error: unknown) =>
      error instanceof ConfigError && /^DISCOGS_TOKEN is set but DISCOGS_USER_AGENT is not/.test(error.message) && !error.message.includes(secret));
    await assert.rejects(resolveSourceCredentials({ DISCOGS_USER_AGENT: 'App/1.0' }), /DISCOGS_USER_AGENT is set but DISCOGS_TOKEN is not/);
  });

  it('notices a read access token given as TMDB_API_KEY', async () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJhdWQiOiJ4In0.c2lnbmF0dXJl';
    await assert.rejects(resolveSourceCredentials({ TMDB_API_KEY: jwt }), (error: unknown) =>
      error instanceof ConfigError && /set it as TMDB_READ_ACCESS_TOKEN/.test(error.message) && !error.message.includes(jwt));
  });

  it('does not touch Key Vault without AZURE_KEY_VAULT_URL, or when the environment has everything', async () => {
    const options = { credential: refusingCredential, secretClientOptions: VAULT_OPTIONS };
    assert.deepEqual(await resolveSourceCredentials({ TMDB_API_KEY: 'k'.repeat(32) }, options), { tmdb: { apiKey: 'k'.repeat(32) }, discogs: undefined });
    const full = { AZURE_KEY_VAULT_URL: 'http://127.0.0.1:9', TMDB_API_KEY: 'k'.repeat(32), DISCOGS_TOKEN: 'dt', DISCOGS_USER_AGENT: 'App/1.0' };
    assert.equal((await resolveSourceCredentials(full, options)).discogs?.token, 'dt');
  });

  describe('from a fake Key Vault over loopback http', () => {
    const vault = createFakeVault({ 'tmdb-read-access-token': 'vault-tmdb-token', 'discogs-token': 'vault-discogs-token' }, ['discogs-user-agent']);
    let listening: Listening;
    before(async () => (listening = await listen(vault.app)));
    after(() => listening.close());

    it('fills what the environment lacks, after the bearer challenge, and skips what it has', async () => {
      const { credential, scopes } = fakeCredential();
      const env = { AZURE_KEY_VAULT_URL: listening.url, DISCOGS_USER_AGENT: 'App/1.0' };
      const credentials = await resolveSourceCredentials(env, { credential, secretClientOptions: VAULT_OPTIONS });
      assert.deepEqual(credentials, { tmdb: { readAccessToken: 'vault-tmdb-token' }, discogs: { token: 'vault-discogs-token', userAgent: 'App/1.0' } });
      assert.deepEqual([...new Set(vault.log.map((entry) => entry.name))].sort(), ['discogs-token', 'tmdb-api-key', 'tmdb-read-access-token']);
      assert.ok(vault.log.some((entry) => entry.authorization === undefined), 'the first request carries no token');
      assert.ok(scopes.flat().every((scope) => scope === 'https://vault.azure.net/.default'));
    });

    it('names the secret and the vault when the vault refuses, never a credential value', async () => {
      const { credential } = fakeCredential();
      const env = { AZURE_KEY_VAULT_URL: listening.url, TMDB_API_KEY: 'env-tmdb-key-do-not-print', DISCOGS_TOKEN: 'env-discogs-token-do-not-print' };
      const error = await resolveSourceCredentials(env, { credential, secretClientOptions: VAULT_OPTIONS }).catch((caught: unknown) => caught);
      assert.ok(error instanceof ConfigError);
      assert.match(error.message, new RegExp(`^Could not read the secret "discogs-user-agent" from Azure Key Vault ${listening.url} \\(AZURE_KEY_VAULT_URL\\)`));
      const chain = [error.message, String((error.cause as Error | undefined)?.message)].join('\n');
      assert.ok(!chain.includes('do-not-print'));
    });
  });
});
