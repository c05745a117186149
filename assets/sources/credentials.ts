/**
 * Source credentials from the environment, and from Azure Key Vault for whatever the environment lacks
 * when `AZURE_KEY_VAULT_URL` is set. Errors name the variables and secrets, never their values.
 */
import type { TokenCredential } from '@azure/identity';
import type { SecretClientOptions } from '@azure/keyvault-secrets';
import { ConfigError } from 'medallion';
import { createRedactor } from './http/redact.ts';
import type { TmdbCredentials } from './tmdb-client.ts';

export interface DiscogsCredentials {
  token: string;
  userAgent: string;
}

export interface SourceCredentials {
  tmdb: TmdbCredentials | undefined;
  discogs: DiscogsCredentials | undefined;
}

export interface ResolveCredentialsOptions {
  /** Used for Key Vault; defaults to `DefaultAzureCredential`, created only when the vault is read. */
  credential?: TokenCredential;
  /** For `SecretClient`; a loopback fake vault needs `{ disableChallengeResourceVerification: true, allowInsecureConnection: true }`. */
  secretClientOptions?: SecretClientOptions;
}

type Setting = 'tmdbApiKey' | 'tmdbReadAccessToken' | 'discogsToken' | 'discogsUserAgent';

const SETTINGS: Record<Setting, { variable: string; secret: string }> = {
  tmdbApiKey: { variable: 'TMDB_API_KEY', secret: 'tmdb-api-key' },
  tmdbReadAccessToken: { variable: 'TMDB_READ_ACCESS_TOKEN', secret: 'tmdb-read-access-token' },
  discogsToken: { variable: 'DISCOGS_TOKEN', secret: 'discogs-token' },
  discogsUserAgent: { variable: 'DISCOGS_USER_AGENT', secret: 'discogs-user-agent' },
};

/** The environment variables holding the sources' secrets (the Discogs user agent is not one). */
export const SOURCE_SECRET_VARIABLES: readonly string[] = (['tmdbApiKey', 'tmdbReadAccessToken', 'discogsToken'] as const).map((setting) => SETTINGS[setting].variable);

/** A value and where it came from, so an error can point at the variable or secret to fix. */
type Found = Partial<Record<Setting, { value: string; from: string }>>;

/**
 * @example
 * const credentials = await resolveSourceCredentials(process.env);
 * const tmdb = credentials.tmdb && createTmdbClient({ ...credentials.tmdb });
 */
export async function resolveSourceCredentials(
  env: Readonly<Record<string, string | undefined>> = process.env,
  options: ResolveCredentialsOptions = {},
): Promise<SourceCredentials> {
  const found: Found = {};
  for (const setting of Object.keys(SETTINGS) as Setting[]) {
    const { variable } = SETTINGS[setting];
    const value = env[variable]?.trim();
    if (value) found[setting] = { value, from: variable };
  }
  const vaultUrl = env.AZURE_KEY_VAULT_URL?.trim();
  const missing = missingSettings(found);
  if (vaultUrl && missing.length > 0) Object.assign(found, await readVault(vaultUrl, missing, options, found));
  return { tmdb: tmdbOf(found), discogs: discogsOf(found) };
}

/** TMDB needs one of its two credentials; Discogs needs both of its values. */
function missingSettings(found: Found): Setting[] {
  const tmdb: Setting[] = found.tmdbApiKey || found.tmdbReadAccessToken ? [] : ['tmdbApiKey', 'tmdbReadAccessToken'];
  const discogs = (['discogsToken', 'discogsUserAgent'] as const).filter((setting) => !found[setting]);
  return [...tmdb, ...discogs];
}

async function readVault(vaultUrl: string, settings: Setting[], options: ResolveCredentialsOptions, known: Found): Promise<Found> {
  const where = `Azure Key Vault ${vaultUrl} (AZURE_KEY_VAULT_URL)`;
  const redactor = createRedactor(Object.values(known).map((entry) => entry.value));
  const { SecretClient } = await import('@azure/keyvault-secrets');
  const credential = options.credential ?? new (await import('@azure/identity')).DefaultAzureCredential();
  let client: InstanceType<typeof SecretClient>;
  try {
    client = new SecretClient(vaultUrl, credential, options.secretClientOptions);
  } catch (error) {
    throw new ConfigError(`AZURE_KEY_VAULT_URL is not a usable vault URL: ${redactor.text((error as Error).message)}`);
  }
  const read = async (setting: Setting): Promise<Found> => {
    const { secret } = SETTINGS[setting];
    try {
      const value = (await client.getSecret(secret)).value?.trim();
      return value ? { [setting]: { value, from: `secret "${secret}" in ${where}` } } : {};
    } catch (error) {
      // A secret the vault lacks is fine: the other TMDB credential, or the environment, may cover it.
      if ((error as { statusCode?: number }).statusCode === 404) return {};
      const message = `Could not read the secret "${secret}" from ${where}: ${redactor.text((error as Error).message)}`;
      throw new ConfigError(message, { cause: redactor.error(error) });
    }
  };
  return Object.assign({}, ...(await Promise.all(settings.map(read)))) as Found;
}

function tmdbOf(found: Found): TmdbCredentials | undefined {
  const { tmdbApiKey: key, tmdbReadAccessToken: token } = found;
  // The read access token is TMDB's default method and works on v3 and v4 (research §1.1).
  if (token) return { readAccessToken: token.value };
  if (!key) return undefined;
  if (looksLikeJwt(key.value)) {
    throw new ConfigError(`${key.from} holds what looks like an API Read Access Token (a JWT), not a v3 API key: set it as TMDB_READ_ACCESS_TOKEN instead.`);
  }
  return { apiKey: key.value };
}

function discogsOf(found: Found): DiscogsCredentials | undefined {
  const { discogsToken: token, discogsUserAgent: userAgent } = found;
  if (token && userAgent) return { token: token.value, userAgent: userAgent.value };
  if (token) {
    throw new ConfigError(
      `${token.from} is set but DISCOGS_USER_AGENT is not: Discogs requires a User-Agent that identifies the application ` +
        '(e.g. "MyApp/1.0 +https://example.org"). Set DISCOGS_USER_AGENT, or the Key Vault secret "discogs-user-agent".',
    );
  }
  if (userAgent) {
    throw new ConfigError(
      `${userAgent.from} is set but DISCOGS_TOKEN is not: database search needs a personal access token. ` +
        'Set DISCOGS_TOKEN, or the Key Vault secret "discogs-token" (or unset DISCOGS_USER_AGENT to skip Discogs).',
    );
  }
  return undefined;
}

function looksLikeJwt(value: string): boolean {
  return value.startsWith('eyJ') && value.split('.').length === 3;
}
