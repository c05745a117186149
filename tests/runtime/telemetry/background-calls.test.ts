// Nothing but the ingestion endpoint is contacted: the scenario runs in a child process under the netguard,
// exporting over real HTTPS to a loopback receiver (a self-signed certificate made here, trusted through
// NODE_EXTRA_CA_CERTS), with every timer of 5 s or more shortened to 1 s so the OneSettings poll (5–15 s
// after the exporter is built) and statsbeat would fire within the child's life. A control child builds
// the exporter bare and shows that the guard does see those calls.
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { assertNoSecrets, assertScenarioEnvelopes, type Envelope } from './envelopes.ts';
import { connectionStringFor } from './telemetry-scenario.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const hasOpenssl = (() => {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

interface ChildRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runChild(mode: 'bare' | 'setup', env: NodeJS.ProcessEnv): Promise<ChildRun> {
  const args = ['--require', './tests/support/netguard.cjs', '--require', './tests/runtime/telemetry/fast-timers.cjs', '--import', 'tsx', 'tests/runtime/telemetry/background-calls-child.ts', mode];
  return new Promise((resolve) => {
    execFile(process.execPath, args, { cwd: root, env, timeout: 30_000 }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : null, stdout, stderr });
    });
  });
}

/** The parent's environment without anything that would quiet or redirect the exporter behind the test's back. */
function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_OPTIONS: '', ...extra };
  for (const name of Object.keys(env)) if (/^(APPLICATION_?INSIGHTS|OTEL_)/.test(name) && !(name in extra)) delete env[name];
  return env;
}

describe('background calls to Microsoft hosts', { skip: hasOpenssl ? false : 'needs openssl to make a certificate' }, () => {
  const envelopes: Envelope[] = [];
  let folder: string;
  let server: Server;
  let control: ChildRun;
  let scenario: ChildRun;
  before(async () => {
    folder = await mkdtemp(join(tmpdir(), 'medallion-telemetry-'));
    const [key, cert] = [join(folder, 'key.pem'), join(folder, 'cert.pem')];
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
    server = createServer({ key: await readFile(key), cert: await readFile(cert) }, (request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const body = Buffer.concat(chunks);
        // Sent gzip'd only to Azure Monitor's own domains (research §3); accepted either way.
        const batch = JSON.parse((request.headers['content-encoding'] === 'gzip' ? gunzipSync(body) : body).toString('utf8')) as Envelope[];
        if (request.url === '/v2.1/track') envelopes.push(...batch);
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ itemsReceived: batch.length, itemsAccepted: batch.length, errors: [] }));
      });
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    const ingestion = { APPLICATIONINSIGHTS_CONNECTION_STRING: connectionStringFor(`https://127.0.0.1:${port}/`), NODE_EXTRA_CA_CERTS: cert, TELEMETRY_TEST_LAKE: join(folder, 'lake') };
    [control, scenario] = await Promise.all([runChild('bare', childEnv({})), runChild('setup', childEnv(ingestion))]);
  });
  after(async () => {
    server?.close();
    await rm(folder, { recursive: true, force: true });
  });

  it('control: a bare exporter calls IMDS, statsbeat ingestion and OneSettings, which the guard reports', () => {
    assert.equal(control.code, 0, control.stderr);
    assert.match(control.stderr, /\[netguard\] refused connection to settings\.sdk\.monitor\.azure\.com/);
    assert.match(control.stderr, /\[netguard\] refused connection to 169\.254\.169\.254/);
    assert.match(control.stderr, /\[netguard\] refused connection to \S+\.in\.applicationinsights\.azure\.com/);
  });

  it('with setupTelemetry, the run exports over HTTPS, nothing tries to reach any other host, and the process ends', () => {
    assert.equal(scenario.code, 0, scenario.stderr);
    assert.deepEqual(JSON.parse(scenario.stdout), { status: 'failed', flushed: true });
    assert.doesNotMatch(scenario.stderr, /\[netguard\]/);
    assertScenarioEnvelopes(envelopes);
    assertNoSecrets(envelopes);
  });
});
