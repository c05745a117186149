// A project's own graph through its medallion.config: found from the working directory upward or given with
// --config, its lake beside it, its commands beside the built-in ones, and one clear message for each way a
// config can be wrong.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { runCliIn } from '../../support/capture-cli.ts';

const runtime = pathToFileURL(new URL('../../../runtime/index.ts', import.meta.url).pathname).href;

/** A two-asset project (not films): readings and their daily means, and a `hello` command. */
const PROJECT_CONFIG = `
import { z } from 'zod';
import { createAssetGraph, defineAsset, defineConfig } from '${runtime}';

const readings = defineAsset({
  key: 'raw/readings', schema: z.object({ sensor: z.string(), value: z.number() }), codeVersion: '1',
  async materialize() { return { rows: [{ sensor: 'a', value: 1 }, { sensor: 'a', value: 3 }] }; },
});
const means = defineAsset({
  key: 'gold/means', schema: z.object({ sensor: z.string(), mean: z.number() }), codeVersion: '1', deps: { readings },
  async materialize(_ctx, inputs) {
    const rows = await inputs.readings.rows();
    return { rows: [{ sensor: 'a', mean: rows.reduce((sum, row) => sum + row.value, 0) / rows.length }] };
  },
});
export default defineConfig({
  graph: createAssetGraph([readings, means]),
  commands: {
    hello: { summary: 'say hello', usage: '', options: {}, async run(ctx) { ctx.io.stdout.write('hello from the config\\n'); return 0; } },
    'show-secrets': { summary: 'name the secrets', usage: '', options: {}, async run(ctx) { ctx.io.stdout.write(ctx.secrets.join(',') + '\\n'); return 0; } },
  },
  secrets: ['SENSOR_API_KEY'],
});
`;

const medallion = runCliIn;

describe('medallion.config', () => {
  let root: string;
  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'medallion-config-'));
    await mkdir(join(root, 'project', 'src', 'deep'), { recursive: true });
    await writeFile(join(root, 'project', 'medallion.config.ts'), PROJECT_CONFIG);
    await writeFile(join(root, 'project', 'with-lake.config.ts'), "import base from './medallion.config.ts';\nexport default { ...base, lake: 'lakes/mine' };\n");
    await writeFile(join(root, 'project', 'package.json'), JSON.stringify({ type: 'module', private: true }));
    // Its own node_modules, as an installed project has (zod for its schemas).
    await symlink(new URL('../../../node_modules', import.meta.url).pathname, join(root, 'project', 'node_modules'), 'dir');
  });
  after(async () => { await rm(root, { recursive: true, force: true }); });

  it('is found from a folder below it, and its lake is beside it whichever folder the command runs in', async () => {
    const listed = await medallion(join(root, 'project', 'src', 'deep'), ['list']);
    assert.equal(listed.code, 0, listed.stderr);
    assert.match(listed.stdout, /raw\/readings/);
    assert.match(listed.stdout, /gold\/means/);
    const run = await medallion(join(root, 'project', 'src'), ['materialize', '--all']);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /2 materialized/);
    assert.ok(existsSync(join(root, 'project', 'data', 'lake', 'gold', 'means')), 'the lake is data/lake beside the config');
    const status = await medallion(join(root, 'project'), ['status']);
    assert.match(status.stdout, /All 2 selected assets are fresh/, 'status from the top folder reads the same lake');
  });

  it('is taken from --config (before or after the command), and --lake still wins over its lake', async () => {
    const lake = join(root, 'elsewhere');
    const run = await medallion(root, ['--config', 'project/medallion.config.ts', 'materialize', 'raw/readings', '--lake', lake]);
    assert.equal(run.code, 0, run.stderr);
    assert.ok(existsSync(join(lake, 'raw', 'readings')));
    const configLake = await medallion(root, ['materialize', '--all', '--config=project/with-lake.config.ts']);
    assert.equal(configLake.code, 0, configLake.stderr);
    assert.ok(existsSync(join(root, 'project', 'lakes', 'mine', 'gold', 'means')), "a relative lake in the config is relative to the config's folder");
  });

  it("runs the config's commands and lists them in the help", async () => {
    const hello = await medallion(join(root, 'project'), ['hello']);
    assert.equal(hello.code, 0, hello.stderr);
    assert.equal(hello.stdout, 'hello from the config\n');
    const help = await medallion(join(root, 'project'), ['--help']);
    assert.doesNotMatch(help.stdout, /hello/, '--help does not load the project');
    assert.match(help.stdout, /Config: .*medallion\.config\.ts \(its own commands too: "medallion help --all"\)/);
    const all = await medallion(join(root, 'project'), ['help', '--all']);
    assert.match(all.stdout, /\n {2}hello\s+say hello\n/);
    assert.match(all.stdout, /Config: .*medallion\.config\.ts\n/);
  });

  it("gives commands the environment variables the config declares as secrets (names, never values)", async () => {
    const run = await medallion(join(root, 'project'), ['show-secrets']);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, 'SENSOR_API_KEY\n');
  });

  it('says where it looked when there is no config, and exits 4', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'medallion-noconfig-'));
    try {
      const run = await medallion(empty, ['status']);
      assert.equal(run.code, 4);
      assert.match(run.stderr, new RegExp(`No medallion config found in ${empty.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} or any folder above it`));
      const help = await medallion(empty, ['help', '--all']);
      assert.equal(help.code, 0);
      assert.match(help.stdout, /materialize/);
      assert.match(help.stdout, /No config loaded: No medallion config found/);
      const commandHelp = await medallion(empty, ['status', '--help']);
      assert.equal(commandHelp.code, 0, 'a built-in command\'s help needs no project');
      assert.match(commandHelp.stdout, /^Usage: medallion status/);
      const typo = await medallion(empty, ['statu']);
      assert.equal(typo.code, 2);
      assert.match(typo.stderr, /Unknown command "statu"\. Did you mean "status"\?/);
      const missing = await medallion(empty, ['status', '--config', 'nope.ts']);
      assert.equal(missing.code, 4);
      assert.match(missing.stderr, /The config .*nope\.ts does not exist/);
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });

  for (const [name, body, code, message] of [
    ['no default export', 'export const graph = 1;\n', 3, /has no default export: end it with `export default defineConfig\(\{ graph \}\)`/],
    ['a misspelt key', 'export default { graf: 1 };\n', 3, /is not a medallion config \(graph: expected an AssetGraph .*Unrecognized key: "graf"\)/],
    ['a secret that is not a variable name', "export default { graph: () => { throw new Error('not called'); }, secrets: ['sensor api key'] };\n", 3, /secrets are environment variable names, e\.g\. "TMDB_API_KEY"/],
    ['a command that replaces a built-in one', `export default { graph: () => { throw new Error('not called'); }, commands: { status: { summary: 's', usage: '', options: {}, run: async () => 0 } } };\n`, 3, /defines a command "status", which is built in/],
    ['a throw while loading', "throw new Error('the database URL is not set');\n", 4, /Could not load the config .*medallion\.config\.mjs: the database URL is not set$/m],
    ['a syntax error', 'export default {\n', 4, /Could not load the config .*medallion\.config\.mjs: /],
  ] as const) {
    it(`names the file and exits ${code} for ${name}, without a stack trace`, async () => {
      const folder = await mkdtemp(join(tmpdir(), 'medallion-badconfig-'));
      try {
        await writeFile(join(folder, 'medallion.config.mjs'), body);
        const run = await medallion(folder, ['status']);
        assert.equal(run.code, code, run.stderr);
        assert.match(run.stderr, message);
        assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
      } finally {
        await rm(folder, { recursive: true, force: true });
      }
    });
  }
});
