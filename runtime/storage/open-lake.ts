/**
 * Opens the lake named by `--lake` / `MEDALLION_LAKE`: a local folder (default `./data/lake`), or an Azure
 * account URL (`https://ACCOUNT.blob.core.windows.net`, signed in with DefaultAzureCredential unless a credential
 * is passed). With neither set, `AZURE_STORAGE_CONNECTION_STRING` selects Azure (Azurite, keys, SAS).
 */
import type { TokenCredential } from '@azure/identity';
import { resolve } from 'node:path';
import { ConfigError } from '../errors.ts';
import { createAzureBlobStorage } from './azure-blob-storage.ts';
import { createLocalStorage } from './local-storage.ts';
import type { Storage } from './storage.ts';

/** The lake folder when none is given: `data/lake`, beside the config. */
export const DEFAULT_LAKE = './data/lake';

export interface OpenLakeOptions {
  /** Where AZURE_STORAGE_CONNECTION_STRING is read; default process.env. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** The credential for an account URL; default DefaultAzureCredential (managed identity in Azure). */
  readonly credential?: TokenCredential;
}

/**
 * Opens a lake from a location: a folder, or an Azure blob endpoint (`https://ACCOUNT.blob.core.windows.net`).
 * @example
 * openLake('./data/lake');                                  // local folder
 * openLake('https://acme.blob.core.windows.net');            // Azure, managed identity or `az login`
 * openLake(undefined, cwd, { env: { AZURE_STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true' } }); // Azurite
 */
export function openLake(location: string | undefined, cwd: string = process.cwd(), options: OpenLakeOptions = {}): Storage {
  const target = location?.trim() ?? '';
  if (target === '') {
    const connectionString = (options.env ?? process.env).AZURE_STORAGE_CONNECTION_STRING?.trim() ?? '';
    return connectionString === '' ? createLocalStorage(resolve(cwd, DEFAULT_LAKE)) : createAzureBlobStorage({ connectionString });
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(target)) {
    const scheme = target.slice(0, target.indexOf(':')).toLowerCase();
    if (scheme !== 'https' && scheme !== 'http') {
      throw new ConfigError(
        `The lake "${redactUrl(target)}" is a ${scheme} URL; the lake is a local folder or the blob endpoint of an Azure ` +
          'account (https://ACCOUNT.blob.core.windows.net, also for Data Lake Gen2 accounts). Pass one of those to --lake or MEDALLION_LAKE.',
      );
    }
    // The account URL is checked (https, no SAS, no container) before anything connects; see azure-blob-client.ts.
    return createAzureBlobStorage(options.credential === undefined ? { accountUrl: target } : { accountUrl: target, credential: options.credential });
  }
  return createLocalStorage(resolve(cwd, target));
}

/** Drops query strings (SAS tokens) and user info from a URL before it is shown anywhere. */
export function redactUrl(url: string): string {
  return url.replace(/\?.*$/, '?…').replace(/\/\/[^/@]*@/, '//…@');
}
