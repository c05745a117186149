// Azurite's blob service inside the test process: port 0, in memory, no telemetry (the in-process API never
// starts it). `https` generates a throwaway self-signed certificate for 127.0.0.1 with openssl (no private key
// is committed); `oauth` makes Azurite accept bearer tokens, checking their issuer, audience and lifetime but not
// their signature, so a fake managed identity can issue them. See research/azure-storage-identity-otel.md §1–2.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

export const AZURITE_ACCOUNT = 'devstoreaccount1';
// Azurite's published development key (the same in every install), not a secret.
export const AZURITE_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export interface AzuriteOptions {
  readonly https?: boolean;
  readonly oauth?: boolean;
}

export interface Azurite {
  /** `http(s)://127.0.0.1:PORT/devstoreaccount1`. */
  readonly accountUrl: string;
  /** Shared-key connection string for this instance. */
  readonly connectionString: string;
  /** With `https`: the certificate to trust, e.g. as NODE_EXTRA_CA_CERTS of a child process. */
  readonly caCertPath: string | undefined;
  stop(): Promise<void>;
}

interface BlobServerLike {
  start(): Promise<void>;
  close(): Promise<void>;
  getHttpServerAddress(): string;
}
type BlobServerClass = new (configuration: unknown) => BlobServerLike;
type BlobConfigurationClass = new (...args: unknown[]) => unknown;

const require = createRequire(import.meta.url);

export async function startAzurite(options: AzuriteOptions = {}): Promise<Azurite> {
  // `require('azurite')` needs vscode; the blob server's own modules load without it (~1 s, once per process).
  const BlobServer = (require('azurite/dist/src/blob/BlobServer') as { default: BlobServerClass }).default;
  const BlobConfiguration = (require('azurite/dist/src/blob/BlobConfiguration') as { default: BlobConfigurationClass }).default;
  const certs = options.https === true ? await createCertificate() : undefined;
  // host, port, keepAlive, metadataDB, extentDB, persistence, accessLog, accessLogStream, debugLog, debugPath, loose,
  // skipApiVersionCheck, cert, key, pwd, oauth, disableProductStyleUrl, inMemory
  const configuration = new BlobConfiguration(
    '127.0.0.1', 0, undefined, undefined, undefined, undefined, false, undefined, false, undefined, true, true,
    certs?.cert ?? '', certs?.key ?? '', '', options.oauth === true ? 'basic' : undefined, false, true,
  );
  const server = new BlobServer(configuration);
  await server.start();
  const address = new URL(server.getHttpServerAddress());
  const accountUrl = `${address.protocol}//127.0.0.1:${address.port}/${AZURITE_ACCOUNT}`;
  const protocol = address.protocol.replace(':', '');
  return {
    accountUrl,
    connectionString: `DefaultEndpointsProtocol=${protocol};AccountName=${AZURITE_ACCOUNT};AccountKey=${AZURITE_KEY};BlobEndpoint=${accountUrl};`,
    caCertPath: certs?.cert,
    async stop() {
      await server.close();
      if (certs !== undefined) await rm(certs.folder, { recursive: true, force: true });
    },
  };
}

async function createCertificate(): Promise<{ folder: string; cert: string; key: string }> {
  const folder = await mkdtemp(join(tmpdir(), 'medallion-azurite-tls-'));
  const cert = join(folder, 'cert.pem');
  const key = join(folder, 'key.pem');
  await promisify(execFile)('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1',
    '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost',
  ]);
  return { folder, cert, key };
}
