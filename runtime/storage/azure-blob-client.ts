/**
 * How the Azure lake connects: checks an account URL or a connection string, derives the `location` shown to
 * users (never with a key or SAS), and builds the BlobServiceClient with our retry policy. The Azure SDK and
 * the identity library are imported on first use, so opening a local lake never loads them (~0.2 s each).
 */
import type { TokenCredential } from '@azure/identity';
import type { BlobServiceClient, StorageRetryOptions } from '@azure/storage-blob';
import { ConfigError } from '../errors.ts';

/** Where the lake is and how to authenticate: an account URL with a token credential, or a connection string. */
export type AzureLakeSource =
  | {
      /** `https://ACCOUNT.blob.core.windows.net`, or an emulator's `https://127.0.0.1:PORT/ACCOUNT`. */
      readonly accountUrl: string;
      /** Default: DefaultAzureCredential (managed identity in Azure, `az login` on a laptop). */
      readonly credential?: TokenCredential;
      readonly connectionString?: never;
    }
  | {
      /** Shared key, SAS or `UseDevelopmentStorage=true` (Azurite). Never shown anywhere. */
      readonly connectionString: string;
      readonly accountUrl?: never;
      readonly credential?: never;
    };

/**
 * Retries for 500/503 (ServerBusy, timeouts) and network errors, exponential: immediately, then 0.5, 1.5 and
 * 3.5 s. The SDK default (4 s base, up to 2 min) keeps a command silent for half a minute when the account
 * URL is wrong; the executor retries whole materializations on top of this. The per-try server timeout stays
 * the service's own (30 s, or minutes per MiB for block and blob transfers).
 */
export const DEFAULT_RETRY_OPTIONS: StorageRetryOptions = { maxTries: 5, retryDelayInMs: 500, maxRetryDelayInMs: 10_000 };

/** Validates the source and returns the lake's display location: scheme, host and account path only. */
export function azureLakeLocation(source: AzureLakeSource): string {
  if (source.connectionString !== undefined) return locationFromConnectionString(source.connectionString);
  return checkedAccountUrl(source.accountUrl);
}

export async function createBlobServiceClient(source: AzureLakeSource, retryOptions: StorageRetryOptions): Promise<BlobServiceClient> {
  const { BlobServiceClient } = await import('@azure/storage-blob');
  const pipeline = { retryOptions, userAgentOptions: { userAgentPrefix: 'medallion' } };
  if (source.connectionString !== undefined) {
    try {
      return BlobServiceClient.fromConnectionString(source.connectionString, pipeline);
    } catch (error) {
      // Only the SDK's fixed "Invalid <Field> in the provided … Connection String" is repeated: no value from it.
      const problem = /^Invalid \w+ in the provided [\w ]*Connection String$/.exec((error as Error).message)?.[0] ?? 'the Azure SDK rejected it';
      throw new ConfigError(
        `AZURE_STORAGE_CONNECTION_STRING could not be used (${problem}). Copy it again from the portal (Access keys), ` +
          'or use "UseDevelopmentStorage=true" for Azurite.',
      );
    }
  }
  const credential = source.credential ?? new (await import('@azure/identity')).DefaultAzureCredential();
  return new BlobServiceClient(checkedAccountUrl(source.accountUrl), credential, pipeline);
}

const ACCOUNT_URL_HINT = 'Use the blob endpoint of the account, e.g. https://ACCOUNT.blob.core.windows.net';

/** An https account URL without query, user info or container; path-style (emulators) only on IP hosts. */
export function checkedAccountUrl(accountUrl: string): string {
  let url: URL;
  try {
    url = new URL(accountUrl);
  } catch {
    throw new ConfigError(`The lake account URL is not a URL. ${ACCOUNT_URL_HINT}.`);
  }
  const shown = `${url.protocol}//${url.host}${url.pathname.replace(/\/$/, '')}`;
  if (url.search !== '' || url.username !== '' || url.password !== '') {
    throw new ConfigError(
      `The lake URL ${shown} carries a query string or user info (a SAS or key?); it was not used, and it should not ` +
        'appear on a command line. Pass the bare account URL and sign in with an identity, or put a SAS or key in ' +
        'AZURE_STORAGE_CONNECTION_STRING and leave --lake unset.',
    );
  }
  if (url.protocol !== 'https:') {
    throw new ConfigError(
      `The lake URL ${shown} is not https: Azure sends tokens over TLS only. ${ACCOUNT_URL_HINT}; for Azurite over http, ` +
        'set AZURE_STORAGE_CONNECTION_STRING=UseDevelopmentStorage=true and leave --lake unset.',
    );
  }
  if (/\.dfs\./i.test(url.hostname)) {
    throw new ConfigError(`The lake URL ${shown} is the Data Lake (dfs) endpoint; medallion talks to the blob endpoint of the same account: https://${url.hostname.replace(/\.dfs\./i, '.blob.')}.`);
  }
  const segments = url.pathname.split('/').filter((segment) => segment !== '');
  const isPathStyle = /^(\d+\.){3}\d+$|^\[.*\]$|^localhost$/i.test(url.hostname);
  if (segments.length > (isPathStyle ? 1 : 0) || (isPathStyle && segments.length === 0)) {
    throw new ConfigError(
      `The lake URL ${shown} ${isPathStyle ? 'must name exactly the account after the host' : 'names a path, but the lake is the whole account (its containers raw, intermediate, gold, metrics)'}. ` +
        `${ACCOUNT_URL_HINT}${isPathStyle ? ', or https://127.0.0.1:10000/devstoreaccount1 for an emulator' : ''}.`,
    );
  }
  return shown;
}

function locationFromConnectionString(connectionString: string): string {
  const fields = new Map<string, string>();
  for (const part of connectionString.split(';')) {
    const equals = part.indexOf('=');
    if (equals > 0) fields.set(part.slice(0, equals).trim().toLowerCase(), part.slice(equals + 1).trim());
  }
  if (fields.get('usedevelopmentstorage')?.toLowerCase() === 'true') return 'http://127.0.0.1:10000/devstoreaccount1';
  const endpoint = fields.get('blobendpoint');
  if (endpoint !== undefined && endpoint !== '') {
    try {
      const url = new URL(endpoint);
      return `${url.protocol}//${url.host}${url.pathname.replace(/\/$/, '')}`;
    } catch {
      throw new ConfigError('AZURE_STORAGE_CONNECTION_STRING has a BlobEndpoint that is not a URL. Copy it again from the portal (Access keys).');
    }
  }
  const account = fields.get('accountname');
  if (account === undefined || account === '') {
    throw new ConfigError(
      'AZURE_STORAGE_CONNECTION_STRING has neither BlobEndpoint nor AccountName. Copy it from the portal (Access keys), ' +
        'or use "UseDevelopmentStorage=true" for Azurite.',
    );
  }
  const protocol = fields.get('defaultendpointsprotocol') ?? 'https';
  return `${protocol}://${account}.blob.${fields.get('endpointsuffix') ?? 'core.windows.net'}`;
}
