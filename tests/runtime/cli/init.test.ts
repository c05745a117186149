// `medallion init` without a project: what it writes, what it completes, and what stops it before it writes
// anything. (tests/package/ runs the scaffold itself, from the packed tarball.)
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { MEDALLION_PACKAGE } from '../../../runtime/cli.ts';
import { runCliIn } from '../../support/capture-cli.ts';

/** The package.json fields the tests read. */
interface Manifest {
  readonly name: string;
  readonly type: string;
  readonly scripts: Readonly<Record<string, string>>;
  readonly dependencies: Readonly<Record<string, string>>;
}

describe('medallion init', () => {
  let folder: string;
  const medallion = (...argv: string[]) => runCliIn(folder, argv);
  beforeEach(async () => { folder = await mkdtemp(join(tmpdir(), 'medallion-init-')); });
  afterEach(async () => { await rm(folder, { recursive: true, force: true }); });

  it('scaffolds a new folder with a config, assets, a test, a README and the package.json they need', async () => {
    const run = await medallion('init', 'my shop');
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /Created a medallion project in my shop: package\.json \(new\)/);
    assert.match(run.stdout, /cd my shop\n {2}npm install\n {2}npx medallion materialize --all/);
    const written = (await readdir(join(folder, 'my shop'))).sort();
    assert.deepEqual(written, ['.gitignore', 'README.md', 'assets.test.ts', 'assets.ts', 'medallion.config.ts', 'package.json', 'tsconfig.json']);
    const manifest = JSON.parse(await readFile(join(folder, 'my shop', 'package.json'), 'utf8')) as Manifest;
    assert.equal(manifest.name, 'my-shop');
    assert.equal(manifest.type, 'module');
    assert.equal(manifest.dependencies.medallion, `^${MEDALLION_PACKAGE.version}`);
    assert.equal(manifest.dependencies.zod, MEDALLION_PACKAGE.dependencies.zod);
    assert.match(await readFile(join(folder, 'my shop', 'medallion.config.ts'), 'utf8'), /from 'medallion'/);
  });

  it('completes an existing package.json, keeping what it has', async () => {
    await writeFile(join(folder, 'package.json'), JSON.stringify({ name: 'kept', scripts: { test: 'my own' }, dependencies: { medallion: 'file:../m.tgz' } }));
    const run = await medallion('init');
    assert.equal(run.code, 0, run.stderr);
    const manifest = JSON.parse(await readFile(join(folder, 'package.json'), 'utf8')) as Manifest;
    assert.deepEqual([manifest.name, manifest.type, manifest.scripts.test, manifest.scripts.materialize, manifest.dependencies.medallion], ['kept', 'module', 'my own', 'medallion materialize --all', 'file:../m.tgz']);
  });

  it('writes nothing when a file it would write is already there (exit 2)', async () => {
    await writeFile(join(folder, 'assets.ts'), '// mine\n');
    const run = await medallion('init');
    assert.equal(run.code, 2);
    assert.match(run.stderr, /already has assets\.ts; run "medallion init" in a new or empty folder/);
    assert.deepEqual(await readdir(folder), ['assets.ts']);
    assert.equal(await readFile(join(folder, 'assets.ts'), 'utf8'), '// mine\n');
  });

  for (const [name, body, message] of [
    ['a CommonJS package', '{"type":"commonjs"}', /sets "type": "commonjs"; the project's TypeScript files are ES modules/],
    ['a package.json that is not JSON', '{ "name": ', /package\.json is not valid JSON/],
  ] as const) {
    it(`refuses ${name} (exit 4) and writes nothing`, async () => {
      await writeFile(join(folder, 'package.json'), body);
      const run = await medallion('init');
      assert.equal(run.code, 4, run.stderr);
      assert.match(run.stderr, message);
      assert.equal(await readFile(join(folder, 'package.json'), 'utf8'), body);
      assert.ok(!existsSync(join(folder, 'medallion.config.ts')));
    });
  }
});
