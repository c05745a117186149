/**
 * The Azure Blob Storage lake: object `container/rest` is block blob `rest` in container `container` of one
 * account, and leases are blobs under `metrics/.locks/`. Connecting is in azure-blob-client.ts, error messages
 * in azure-errors.ts, the lease protocol in lease-lock.ts; README.md says why locks do not use native leases.
 */
import type { BlobServiceClient, BlockBlobClient, StorageRetryOptions } from '@azure/storage-blob';
import { StorageError } from '../errors.ts';
import { DEFAULT_RETRY_OPTIONS, azureLakeLocation, createBlobServiceClient } from './azure-blob-client.ts';
import type { AzureLakeSource } from './azure-blob-client.ts';
import { azureCodeOf, azureStorageError, conflictError, isConditionFailure, statusOf } from './azure-errors.ts';
import { acquireLease, leaseObjectName } from './lease-lock.ts';
import type { LeaseStore } from './lease-lock.ts';
import { assertListPrefix, assertObjectPath } from './object-path.ts';
import type { DeleteOptions, LockOptions, ObjectInfo, PutOptions, Storage, StorageLock, StoredObject } from './storage.ts';

export type { AzureLakeSource } from './azure-blob-client.ts';

/** Where an Azure Blob Storage (or ADLS Gen2, or Azurite) lake is: a connection string, or an account URL. */
export type AzureBlobStorageOptions = AzureLakeSource & {
  /** Bodies larger than this are uploaded as parallel blocks, then committed at once. Default 8 MiB. */
  readonly maxSingleShotBytes?: number;
  /** Block size of those uploads. Default 4 MiB. */
  readonly blockBytes?: number;
  /** Blocks in flight per upload. Default 4. */
  readonly uploadConcurrency?: number;
  /** The SDK's retry policy; default DEFAULT_RETRY_OPTIONS (5 tries, 0.5 s exponential backoff). */
  readonly retryOptions?: StorageRetryOptions;
};

// Leases live beside the objects but under a dot-name, which no object path may use (object-path.ts), so they
// never collide with objects and `list` skips them, as the local backend's `.locks/` folder.
const LOCK_CONTAINER = 'metrics';
const LOCK_FOLDER = '.locks';
const CONTAINER_NAME = /^(?=.{3,63}$)[a-z0-9]+(?:-[a-z0-9]+)*$/;
const CONTENT_TYPES: Readonly<Record<string, string>> = { json: 'application/json', csv: 'text/csv', parquet: 'application/vnd.apache.parquet' };

interface BlobRef {
  readonly container: string;
  readonly name: string;
  /** The lake path, for results and messages. */
  readonly path: string;
}

/**
 * A lake in an Azure storage account (flat or hierarchical namespace, through the blob endpoint). Containers
 * are created on the first write that finds them missing. Nothing connects until the first call.
 *
 * @example
 * const lake = createAzureBlobStorage({ accountUrl: 'https://acme.blob.core.windows.net' }); // DefaultAzureCredential
 * const dev = createAzureBlobStorage({ connectionString: 'UseDevelopmentStorage=true' });    // Azurite
 * await lake.put('gold/matches/_head.json', body, { ifMatch: head.etag });
 */
export function createAzureBlobStorage(options: AzureBlobStorageOptions): Storage {
  return new AzureBlobStorage(options);
}

class AzureBlobStorage implements Storage {
  readonly location: string;
  #options: AzureBlobStorageOptions;
  #client: Promise<BlobServiceClient> | undefined;
  // Creations in flight, so concurrent first writes to a new container create it once.
  #creating = new Map<string, Promise<void>>();

  constructor(options: AzureBlobStorageOptions) {
    this.location = azureLakeLocation(options);
    this.#options = options;
  }

  async get(path: string): Promise<StoredObject | undefined> {
    const ref = refOf(path);
    return CONTAINER_NAME.test(ref.container) ? this.#read(ref) : undefined;
  }

  async stat(path: string): Promise<ObjectInfo | undefined> {
    const ref = refOf(path);
    if (!CONTAINER_NAME.test(ref.container)) return undefined;
    try {
      const properties = await (await this.#blob(ref)).getProperties();
      return { path, size: properties.contentLength ?? 0, etag: quoted(properties.etag), lastModified: properties.lastModified ?? new Date(0) };
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw azureStorageError(error, 'reading', path, this.location);
    }
  }

  /** `durable` is ignored: every Azure write is durable once acknowledged. */
  async put(path: string, body: Uint8Array | string, options: PutOptions = {}): Promise<ObjectInfo> {
    const ref = refOf(path);
    if (!CONTAINER_NAME.test(ref.container)) {
      throw new StorageError(
        'STORAGE_IO',
        `Cannot write "${path}" to ${this.location}: "${ref.container}" cannot be an Azure container name. Use 3–63 lowercase letters, digits and single hyphens, e.g. "gold".`,
        path,
      );
    }
    const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
    return this.#write(ref, bytes, options);
  }

  async delete(path: string, options: DeleteOptions = {}): Promise<boolean> {
    return this.#remove(refOf(path), options.ifMatch);
  }

  async list(prefix: string): Promise<ObjectInfo[]> {
    assertListPrefix(prefix);
    const slash = prefix.indexOf('/');
    const containers = slash === -1 ? await this.#containersStartingWith(prefix) : [prefix.slice(0, slash)];
    const blobPrefix = slash === -1 ? '' : prefix.slice(slash + 1);
    const found = await Promise.all(containers.filter((name) => CONTAINER_NAME.test(name)).map((name) => this.#listContainer(name, blobPrefix)));
    return found.flat().sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  async lock(name: string, options?: LockOptions): Promise<StorageLock> {
    const blobName = `${LOCK_FOLDER}/${leaseObjectName(name)}`;
    const ref: BlobRef = { container: LOCK_CONTAINER, name: blobName, path: `${LOCK_CONTAINER}/${blobName}` };
    const store: LeaseStore = {
      path: `${this.location}/${ref.path}`,
      read: async () => {
        const found = await this.#read(ref);
        return found === undefined ? undefined : { body: found.body, etag: found.etag };
      },
      write: async (body, condition) => (await this.#write(ref, new TextEncoder().encode(body), { ...condition, contentType: 'application/json' })).etag,
      remove: async (etag) => {
        await this.#remove(ref, etag);
      },
    };
    return acquireLease(store, name, options);
  }

  async #read(ref: BlobRef): Promise<StoredObject | undefined> {
    try {
      // One GET, so body and etag belong together; a broken stream resumes under ifMatch on that etag.
      const response = await (await this.#blob(ref)).download(0, undefined, { maxRetryRequests: 3 });
      const chunks: Buffer[] = [];
      for await (const chunk of response.readableStreamBody ?? []) chunks.push(chunk as Buffer);
      const body = Buffer.concat(chunks);
      return { path: ref.path, size: body.length, etag: quoted(response.etag), lastModified: response.lastModified ?? new Date(0), body };
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw azureStorageError(error, 'reading', ref.path, this.location);
    }
  }

  async #write(ref: BlobRef, bytes: Uint8Array, options: PutOptions): Promise<ObjectInfo> {
    const { ifMatch, ifNoneMatch } = options;
    const extension = ref.name.slice(ref.name.lastIndexOf('.') + 1).toLowerCase();
    const upload = async () =>
      (await this.#blob(ref)).uploadData(bytes, {
        conditions: ifMatch !== undefined ? { ifMatch } : ifNoneMatch === '*' ? { ifNoneMatch: '*' } : {},
        blobHTTPHeaders: { blobContentType: options.contentType ?? CONTENT_TYPES[extension] ?? 'application/octet-stream' },
        maxSingleShotSize: this.#options.maxSingleShotBytes ?? 8 * 1024 * 1024,
        blockSize: this.#options.blockBytes ?? 4 * 1024 * 1024,
        concurrency: this.#options.uploadConcurrency ?? 4,
      });
    try {
      const response = await upload().catch(async (error: unknown) => {
        // Under ifMatch a missing container means a missing object: a conflict, not a container to create.
        if (statusOf(error) !== 404 || azureCodeOf(error) !== 'ContainerNotFound' || ifMatch !== undefined) throw error;
        await this.#createContainer(ref);
        return upload();
      });
      return { path: ref.path, size: bytes.length, etag: quoted(response.etag), lastModified: response.lastModified ?? new Date() };
    } catch (error) {
      const condition = ifMatch !== undefined ? `ifMatch ${ifMatch}` : 'ifNoneMatch "*" (create once)';
      if ((ifMatch !== undefined || ifNoneMatch === '*') && isConditionFailure(error, ifMatch !== undefined)) {
        throw conflictError(ref.path, this.location, condition);
      }
      throw azureStorageError(error, 'writing', ref.path, this.location);
    }
  }

  async #remove(ref: BlobRef, ifMatch: string | undefined): Promise<boolean> {
    if (!CONTAINER_NAME.test(ref.container)) {
      if (ifMatch !== undefined) throw conflictError(ref.path, this.location, `ifMatch ${ifMatch}`);
      return false;
    }
    try {
      await (await this.#blob(ref)).delete(ifMatch === undefined ? {} : { conditions: { ifMatch } });
      return true;
    } catch (error) {
      if (ifMatch !== undefined && isConditionFailure(error, true)) throw conflictError(ref.path, this.location, `ifMatch ${ifMatch}`);
      if (statusOf(error) === 404) return false;
      throw azureStorageError(error, 'deleting', ref.path, this.location);
    }
  }

  async #containersStartingWith(prefix: string): Promise<string[]> {
    const names: string[] = [];
    try {
      for await (const container of (await this.#service()).listContainers(prefix === '' ? {} : { prefix })) names.push(container.name);
    } catch (error) {
      throw azureStorageError(error, 'listing', prefix, this.location);
    }
    return names;
  }

  async #listContainer(container: string, prefix: string): Promise<ObjectInfo[]> {
    const found: ObjectInfo[] = [];
    try {
      const blobs = (await this.#service()).getContainerClient(container).listBlobsFlat({ prefix, includeMetadata: true });
      for await (const blob of blobs) {
        // With a hierarchical namespace, directories are listed as empty blobs marked hdi_isfolder.
        if (!isObjectName(blob.name) || blob.metadata?.hdi_isfolder === 'true') continue;
        const { contentLength, etag, lastModified } = blob.properties;
        found.push({ path: `${container}/${blob.name}`, size: contentLength ?? 0, etag: quoted(etag), lastModified });
      }
      return found;
    } catch (error) {
      if (statusOf(error) === 404) return []; // the container went away while listing
      throw azureStorageError(error, 'listing', `${container}/${prefix}`, this.location);
    }
  }

  async #createContainer(ref: BlobRef): Promise<void> {
    let creating = this.#creating.get(ref.container);
    if (creating === undefined) {
      const create = async () => void (await (await this.#service()).getContainerClient(ref.container).createIfNotExists());
      creating = create()
        .catch((error: unknown) => Promise.reject(azureStorageError(error, 'creating container', ref.path, this.location)))
        .finally(() => this.#creating.delete(ref.container));
      this.#creating.set(ref.container, creating);
    }
    await creating;
  }

  async #blob(ref: BlobRef): Promise<BlockBlobClient> {
    return (await this.#service()).getContainerClient(ref.container).getBlockBlobClient(ref.name);
  }

  #service(): Promise<BlobServiceClient> {
    this.#client ??= createBlobServiceClient(this.#options, this.#options.retryOptions ?? DEFAULT_RETRY_OPTIONS).catch((error: unknown) => {
      this.#client = undefined;
      throw error;
    });
    return this.#client;
  }
}

function refOf(path: string): BlobRef {
  assertObjectPath(path);
  const slash = path.indexOf('/');
  return { container: path.slice(0, slash), name: path.slice(slash + 1), path };
}

// Blobs written by other tools may have names no object path can have ("a//b", ".hidden"): not objects.
function isObjectName(name: string): boolean {
  return !name.includes('\\') && name.split('/').every((segment) => segment !== '' && !segment.startsWith('.'));
}

// Azure returns ETags quoted in headers and bare in listings; objects carry the quoted form.
function quoted(etag: string | undefined): string {
  if (etag === undefined) return '';
  return etag.startsWith('"') ? etag : `"${etag}"`;
}
