/**
 * The CLI over a damaged lake: a truncated data file makes `status` say corrupt, `show`, `export` and a
 * downstream `materialize` exit 4 naming the file and the repair (no stack trace), and a plain `materialize`
 * repairs it. Also the small crashes: `export --out` into a missing folder, and `--lake` pointing at a file.
 */
import assert from 'node:assert/strict';
import { truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { Ledger } from '../../../runtime/internal.ts';
import { runCapturedCli } from '../../support/capture-cli.ts';
import type { ErrorBody } from '../../support/json.ts';
import { createCliLake, filmsGraph, type CliLake } from '../../support/cli-lake.ts';
import type { TempLake } from '../../support/temp-lake.ts';

const STACK_TRACE = /\n\s+at /;

describe('the CLI over a corrupt data file', () => {
  let lake: TempLake;
  let cli: CliLake['cli'];
  let dataFile: string;
  let originalVersion: string;
  beforeEach(async () => {
    ({ lake, cli } = await createCliLake());
    assert.equal((await cli('materialize', '--all')).code, 0);
    const head = (await new Ledger(lake.storage).readHead('raw/films'))!.record;
    dataFile = head.files.data!;
    originalVersion = head.dataVersion;
    await truncate(join(lake.root, ...dataFile.split('/')), 8);
  });
  afterEach(async () => { await lake.cleanup(); });

  it('status: the asset is stale with cause corrupt, naming the file and the repair; its downstream names it as root cause', async () => {
    const text = await cli('status');
    assert.equal(text.code, 0, text.stderr);
    assert.ok(text.stdout.includes(`raw/films is stale:\n  - corrupt: its data file ${dataFile} in ${lake.root} holds 8 bytes where its commit wrote`), text.stdout);
    assert.match(text.stdout, /"medallion materialize raw\/films" rewrites it/);
    assert.match(text.stdout, /root causes: raw\/films \(corrupt: /);
    const json = JSON.parse((await cli('status', '--json')).stdout) as { key: string; status: string; causes: { category: string }[] }[];
    assert.deepEqual(json.map((s) => [s.key, s.status, s.causes.map((c) => c.category)]), [
      ['raw/films', 'stale', ['corrupt']],
      ['gold/matches', 'stale', ['upstream']],
    ]);
  });

  it('show and export exit 4 naming the file and the repair command, without a stack trace', async () => {
    for (const argv of [['show', 'raw/films'], ['export', 'raw/films', '--format', 'csv'], ['export', 'raw/films', '--format', 'parquet', '--out', join(lake.root, 'x.parquet')]]) {
      const run = await cli(...argv);
      assert.equal(run.code, 4, `${argv.join(' ')}: ${run.stderr}`);
      assert.equal(run.stdout, '');
      assert.ok(run.stderr.includes(`medallion: The data of "raw/films" is corrupt: its data file ${dataFile} in ${lake.root} holds 8 bytes`), run.stderr);
      assert.match(run.stderr, /"medallion materialize raw\/films" rewrites it/);
      assert.doesNotMatch(run.stderr, STACK_TRACE);
    }
    const json = await cli('show', 'raw/films', '--json');
    assert.equal(json.code, 4);
    assert.deepEqual(
      (({ code, asset, partition, file, repair }) => ({ code, asset, partition, file, repair }))((JSON.parse(json.stdout) as ErrorBody<{ asset: string; partition: string | null; file: string; repair: string }>).error),
      { code: 'DATA_CORRUPT', asset: 'raw/films', partition: null, file: dataFile, repair: 'medallion materialize raw/films' },
    );
  });

  it('a downstream materialize fails at once with exit 4 naming the file; a plain materialize repairs it to the same data version', async () => {
    const downstream = await cli('materialize', 'gold/matches', '--force');
    assert.equal(downstream.code, 4, downstream.stderr);
    assert.ok(downstream.stderr.includes(`✗ gold/matches             failed: gold/matches failed in materialize: The data of "raw/films" is corrupt: its data file ${dataFile}`), downstream.stderr);
    assert.match(downstream.stderr, /"medallion materialize raw\/films" rewrites it/);
    assert.doesNotMatch(downstream.stderr + downstream.stdout, STACK_TRACE);
    assert.doesNotMatch(downstream.stderr, /retry in/, 'not retried');

    const repair = await cli('materialize', 'raw/films');
    assert.equal(repair.code, 0, repair.stderr);
    assert.match(repair.stdout, /1 materialized, 0 skipped, 0 failed/);
    assert.equal((await new Ledger(lake.storage).readHead('raw/films'))!.record.dataVersion, originalVersion);
    assert.match((await cli('status')).stdout, /All 2 selected assets are fresh/);
    assert.match((await cli('show', 'raw/films')).stdout, /Heat/);
  });
});

describe('small crashes', () => {
  let lake: TempLake;
  let cli: CliLake['cli'];
  beforeEach(async () => {
    ({ lake, cli } = await createCliLake());
  });
  afterEach(async () => { await lake.cleanup(); });

  it('export --out into a folder that does not exist is bad input (exit 2) naming the folder, before reading anything', async () => {
    const missing = join(lake.root, 'no', 'such', 'dir');
    const run = await cli('export', 'raw/films', '--format', 'csv', '--out', join(missing, 'x.csv'));
    assert.equal(run.code, 2, run.stderr);
    assert.ok(run.stderr.includes(`the folder ${missing} does not exist`), run.stderr);
    assert.doesNotMatch(run.stderr, STACK_TRACE);
    await writeFile(join(lake.root, 'file.txt'), 'x');
    const intoFile = await cli('export', 'raw/films', '--format', 'csv', '--out', join(lake.root, 'file.txt', 'x.csv'));
    assert.equal(intoFile.code, 2);
    assert.ok(intoFile.stderr.includes(`${join(lake.root, 'file.txt')} is a file, not a folder`), intoFile.stderr);
    await cli('materialize', 'raw/films');
    const toFolder = await cli('export', 'raw/films', '--format', 'csv', '--out', lake.root);
    assert.equal(toFolder.code, 2);
    assert.match(toFolder.stderr, /is a folder; give a file name in it/);
  });

  it('--lake (or MEDALLION_LAKE) naming a file is refused at once with exit 4, by every command', async () => {
    const file = join(lake.root, 'not-a-lake.txt');
    await writeFile(file, 'hello');
    for (const argv of [['status'], ['materialize', '--all'], ['show', 'raw/films'], ['export', 'raw/films', '--format', 'csv'], ['runs'], ['lineage'], ['list']]) {
      const run = await runCapturedCli([...argv, '--lake', file], filmsGraph, {});
      assert.equal(run.code, 4, `${argv.join(' ')}: ${run.stderr}`);
      assert.equal(run.stderr, `medallion: The lake ${file} (from --lake) is a file or lies inside one; a lake is a folder. Point --lake at a folder, existing or not.\n`);
    }
    const inside = await runCapturedCli(['status'], filmsGraph, { env: { MEDALLION_LAKE: join(file, 'lake') } });
    assert.equal(inside.code, 4);
    assert.match(inside.stderr, /\(from MEDALLION_LAKE\) is a file or lies inside one/);
    assert.equal(await lake.storage.stat('raw/films/_head.json'), undefined, 'nothing was materialized anywhere');
  });
});
