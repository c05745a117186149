// The package as a newcomer gets it: `npm pack`, the tarball installed into an empty folder, `medallion init`,
// then the scaffold's own steps (npm install, materialize, status, npm test) and `serve`, whose /api/inngest
// syncs that project's functions. npm reaches only its registry (its cache first); every medallion process
// runs under the network guard.
import assert from 'node:assert/strict';
import { spawn, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';

const root = fileURLToPath(new URL('../..', import.meta.url));
const netguard = join(root, 'tests', 'support', 'netguard.cjs');
const NPM_FLAGS = ['--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'];

function run(command: string, args: string[], options: SpawnSyncOptions & { cwd: string }) {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 240_000, ...options, env: { ...process.env, NO_COLOR: '1', NODE_OPTIONS: '', ...options.env } });
  const output = `${String(result.stdout)}\n${String(result.stderr)}`;
  assert.equal(result.status, 0, `${command} ${args.join(' ')} exited ${result.status}:\n${output}`);
  return String(result.stdout);
}

describe('npm pack → install → medallion init', { timeout: 600_000 }, () => {
  let scratch: string;
  let project: string;
  const medallion = (...args: string[]) =>
    run(process.execPath, ['--require', netguard, join(project, 'node_modules', 'medallion', 'server', 'bin.mjs'), ...args], { cwd: project });

  before(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'medallion-pack-'));
    project = join(scratch, 'shop');
    // dist/ is built (npm test builds first): packing without scripts does not rebuild it under the other tests' feet.
    const packed = JSON.parse(run('npm', ['pack', '--ignore-scripts', '--pack-destination', scratch, '--json', '--loglevel=error'], { cwd: root })) as Array<{ filename: string; files: Array<{ path: string }> }>;
    const tarball = join(scratch, packed[0]!.filename);
    assert.ok(packed[0]!.files.some((file) => file.path === 'dist/runtime/index.d.ts'), 'the tarball carries the compiled runtime and its types');
    assert.ok(!packed[0]!.files.some((file) => file.path.startsWith('assets/') || file.path.startsWith('dist/assets/')), 'and not the films pipeline');
    await run('mkdir', ['-p', project], { cwd: scratch });
    await writeFile(join(project, 'package.json'), '{ "name": "shop", "private": true }\n');
    run('npm', ['install', tarball, ...NPM_FLAGS], { cwd: project });
  });
  after(async () => { await rm(scratch, { recursive: true, force: true }); });

  it('scaffolds a project that materializes, reports fresh and passes its own test, offline and without credentials', async () => {
    assert.match(medallion('init'), /Created a medallion project in \.: package\.json \(completed\), medallion\.config\.ts, assets\.ts/);
    const manifest = JSON.parse(await readFile(join(project, 'package.json'), 'utf8')) as { type: string; dependencies: Record<string, string> };
    assert.equal(manifest.type, 'module');
    assert.ok(manifest.dependencies.medallion?.startsWith('file:') || manifest.dependencies.medallion?.startsWith('^'), 'medallion stays a dependency');
    run('npm', ['install', ...NPM_FLAGS], { cwd: project });
    const materialized = medallion('materialize', '--all');
    assert.match(materialized, /raw\/orders\[eu\]\s+materialized\s+30/);
    assert.match(materialized, /gold\/daily_revenue\s+materialized\s+6/);
    assert.match(medallion('status'), /All 2 selected assets are fresh/);
    const entries = "const [s, i, t] = await Promise.all([import('medallion/server'), import('medallion/inngest'), import('medallion/testing')]); console.log(typeof s.createApp, typeof i.createInngestApp, typeof t.materializeForTest);";
    assert.equal(run(process.execPath, ['--input-type=module', '-e', entries], { cwd: project }).trim(), 'function function function', 'the entries resolve from the tarball');
    assert.match(medallion('show', 'gold/daily_revenue'), /eu\s+2026-01-01\s+500\s+10/);
    // Without NODE_TEST_CONTEXT, or the project's node --test would report to this runner instead of printing.
    const { NODE_TEST_CONTEXT: _, ...env } = process.env;
    const tested = spawnSync('npm', ['test'], { cwd: project, encoding: 'utf8', env: { ...env, NODE_OPTIONS: `--require ${netguard}` } });
    assert.equal(tested.status, 0, tested.stdout + tested.stderr);
    assert.match(tested.stdout, /# pass 1/);
  });

  it("serves /api/inngest with that project's functions, synced to a dev server on loopback", async () => {
    const registrations: Array<{ appName: string; functions: Array<{ id: string }> }> = [];
    const devServer = createServer((request: IncomingMessage, response) => {
      let body = '';
      request.setEncoding('utf8');
      request.on('data', (chunk: string) => (body += chunk));
      request.on('end', () => {
        if (request.url?.startsWith('/fn/register')) registrations.push(JSON.parse(body) as (typeof registrations)[number]);
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, modified: true }));
      });
    });
    devServer.listen(0, '127.0.0.1');
    await once(devServer, 'listening');
    const devUrl = `http://127.0.0.1:${(devServer.address() as AddressInfo).port}`;
    const serve = spawn(process.execPath, ['--require', netguard, join(project, 'node_modules', 'medallion', 'server', 'bin.mjs'), 'serve', '--port', '0', '--dev'], {
      cwd: project,
      env: { ...process.env, NO_COLOR: '1', NODE_OPTIONS: '', INNGEST_DEV: devUrl, INNGEST_BASE_URL: devUrl },
    });
    try {
      let banner = '';
      serve.stdout.setEncoding('utf8');
      for await (const chunk of serve.stdout) {
        banner += chunk;
        if (/on http:\/\/\S+/.test(banner)) break;
      }
      const url = /on (http:\/\/\S+)/.exec(banner)![1]!;
      assert.match(banner, /serving 2 assets of .*shop\/data\/lake/);
      const introspection = (await (await fetch(`${url}/api/inngest`)).json()) as { mode: string; function_count: number };
      assert.equal(introspection.mode, 'dev');
      const synced = await fetch(`${url}/api/inngest`, { method: 'PUT' });
      assert.equal(synced.status, 200, await synced.text());
      const ids = registrations.at(-1)!.functions.map((fn) => fn.id).sort();
      assert.ok(ids.includes('medallion-materialize-raw-orders') && ids.includes('medallion-materialize-gold-daily-revenue'), ids.join(', '));
      assert.ok(!ids.some((id) => id.includes('tmdb') || id.includes('discogs')), 'none of the films pipeline');
      assert.equal(introspection.function_count, registrations.at(-1)!.functions.length);
    } finally {
      serve.kill('SIGTERM');
      await once(serve, 'exit');
      devServer.close();
    }
  });
});
