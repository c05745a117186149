/**
 * Turns what the Azure SDK throws (RestError, credential errors, network errors) into StorageError messages that
 * say what was wrong and what to do. Never copies request headers, URLs with queries, keys or tokens.
 */
import { MedallionError, StorageError } from '../errors.ts';

/** The parts of an Azure RestError we read; everything else (the request, its headers) is left behind. */
interface AzureErrorShape {
  readonly name?: string;
  readonly message?: string;
  readonly statusCode?: number;
  readonly code?: string;
  readonly details?: { readonly errorCode?: string };
}

/** What the operation was, for the message: `reading`, `writing`, `deleting`, `listing`, `creating container`. */
export type AzureOperation = 'reading' | 'writing' | 'deleting' | 'listing' | 'creating container';

/** The HTTP status of an Azure error (undefined for network and credential errors). */
export function statusOf(error: unknown): number | undefined {
  return (error as AzureErrorShape | undefined)?.statusCode;
}

/** The storage error code: the body's `Code`, or the `x-ms-error-code` header for HEAD requests (no body). */
export function azureCodeOf(error: unknown): string | undefined {
  const shape = error as AzureErrorShape | undefined;
  return shape?.details?.errorCode ?? (typeof shape?.code === 'string' ? shape.code : undefined);
}

/** A condition failed: 409 BlobAlreadyExists (ifNoneMatch '*'), 412 ConditionNotMet (ifMatch), or 404 under ifMatch. */
export function isConditionFailure(error: unknown, hasIfMatch: boolean): boolean {
  const status = statusOf(error);
  if (status === 412) return true;
  if (status === 409) return azureCodeOf(error) === 'BlobAlreadyExists';
  return status === 404 && hasIfMatch;
}

export function conflictError(path: string, location: string, condition: string): StorageError {
  return new StorageError(
    'STORAGE_CONFLICT',
    `"${path}" in ${location} changed since it was read (${condition} did not hold): another writer got there first. Read it again and retry.`,
    path,
  );
}

const CREDENTIAL_ERRORS = new Set(['CredentialUnavailableError', 'AuthenticationError', 'AggregateAuthenticationError']);

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'REQUEST_SEND_ERROR']);

/**
 * Wraps any failure of an Azure call as a StorageError (STORAGE_IO) whose message says what to do. Our own errors
 * (a ConfigError for an unusable connection string) pass through.
 */
export function azureStorageError(error: unknown, operation: AzureOperation, path: string, location: string): MedallionError {
  if (error instanceof MedallionError) return error;
  const what = `${operation} "${path}" in ${location}`;
  return new StorageError('STORAGE_IO', `${describe(error, what, path, location)}`, path, { cause: safeCause(error) });
}

function describe(error: unknown, what: string, path: string, location: string): string {
  const shape = (error ?? {}) as AzureErrorShape;
  if (shape.name !== undefined && CREDENTIAL_ERRORS.has(shape.name)) {
    return (
      `Could not get a token for the lake account while ${what}: ${firstLine(shape.message)}. In Azure, give the app a ` +
      `managed identity (set AZURE_CLIENT_ID for a user-assigned one); locally, run "az login" or set ` +
      `AZURE_STORAGE_CONNECTION_STRING instead of an account URL.`
    );
  }
  const status = shape.statusCode;
  const code = azureCodeOf(error);
  if (status === undefined) {
    const network = code !== undefined && NETWORK_CODES.has(code) ? ` (${code})` : '';
    return (
      `Could not reach the lake account while ${what}${network}, after the SDK's retries: ${firstLine(shape.message)}. ` +
      `Check the account URL, DNS, and that the account's firewall or private endpoint admits this machine.`
    );
  }
  const refused = `The lake account refused ${what} (${status}${code === undefined ? '' : ` ${code}`})`;
  const said = firstLine(shape.message);
  return `${hint(refused, code, path, location)}${said === '' ? '' : ` Azure said: "${said}".`}`;
}

function hint(refused: string, code: string | undefined, path: string, location: string): string {
  const container = path.split('/')[0] ?? path;
  switch (code) {
    case 'AuthorizationPermissionMismatch':
    case 'AuthorizationPermissionDenied':
      return `${refused}: the identity needs the Storage Blob Data Contributor role on the account or on container "${container}" (role assignments can take a few minutes to apply).`;
    case 'AuthenticationFailed':
    case 'InvalidAuthenticationInfo':
    case 'NoAuthenticationInformation':
      return `${refused}: the credential was not accepted (a token for another audience or tenant, an expired token or SAS, or a wrong account key). Tokens must be issued for https://storage.azure.com.`;
    case 'AuthorizationFailure':
      // Azure: network rules or SAS permissions. Azurite also answers a wrong shared key with this code.
      return `${refused}: the account does not admit this client (its firewall or private endpoint, a SAS without the needed permissions, or a wrong account key). Check the account's networking settings and the key or SAS.`;
    case 'KeyBasedAuthenticationNotPermitted':
      return `${refused}: shared-key access is disabled on the account. Use an identity: --lake ${location} with a managed identity or "az login", not a connection string with a key.`;
    case 'InvalidResourceName':
    case 'OutOfRangeInput':
      return `${refused}: "${container}" is not a valid container name (3–63 lowercase letters, digits and single hyphens).`;
    case 'ContainerBeingDeleted':
      return `${refused}: container "${container}" is being deleted. Wait until the deletion finishes and retry.`;
    case 'AccountIsDisabled':
      return `${refused}: the storage account is disabled.`;
    default:
      return `${refused}.`;
  }
}

// The SDK's messages end with `RequestId:…\nTime:…`; keep the sentence, drop the rest and any URL query.
function firstLine(message: string | undefined): string {
  return (message ?? '').split('\n')[0]!.replace(/\?[^\s"']*/g, '?…').replace(/\.$/, '').slice(0, 400);
}

// The cause keeps status and code for logs, not the SDK error itself: that one holds the request and its headers.
function safeCause(error: unknown): Error {
  const shape = (error ?? {}) as AzureErrorShape;
  const status = shape.statusCode === undefined ? '' : `${shape.statusCode} `;
  return Object.assign(new Error(`${status}${azureCodeOf(error) ?? shape.name ?? 'Error'}: ${firstLine(shape.message)}`), {
    name: shape.name ?? 'Error',
    statusCode: shape.statusCode,
    code: azureCodeOf(error),
  });
}
