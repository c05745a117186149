import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { Lineage } from '../../../runtime/index.ts';
import type { ErrorBody, Suggestions } from '../../support/json.ts';
import { runCapturedCli } from '../../support/capture-cli.ts';
import { createCliLake, filmsGraph, type CliLake } from '../../support/cli-lake.ts';
import type { TempLake } from '../../support/temp-lake.ts';

describe('medallion CLI', () => {
  let lake: TempLake;
  let cli: CliLake['cli'];
  beforeEach(async () => {
    ({ lake, cli } = await createCliLake());
  });
  afterEach(async () => { await lake.cleanup(); });

  it('materializes, then says there is nothing to do on the second run', async () => {
    const first = await cli('materialize', '--all');
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stderr, /✓ raw\/films\s+2 rows/);
    assert.match(first.stdout, /2 materialized, 0 skipped, 0 failed/);
    assert.match(first.stdout, /matches=2/);
    const second = await cli('materialize', '--all');
    assert.equal(second.code, 0);
    assert.match(second.stdout, /^Nothing to materialize: all 2 assets in "\*" are fresh/);
  });

  it('prints machine-readable results with --json', async () => {
    const run = await cli('materialize', '+gold/matches', '--json');
    const body = JSON.parse(run.stdout) as { materialized: string[]; skipped: string[]; failed: string[] };
    assert.deepEqual([body.materialized, body.skipped, body.failed], [['raw/films', 'gold/matches'], [], []]);
    assert.equal(run.stderr, '', 'no progress noise in --json mode');
    const status = JSON.parse((await cli('status', '--json')).stdout) as { key: string; status: string; lastMaterialization: { rows: number } | null }[];
    assert.deepEqual(status.map((s) => [s.key, s.status]), [['raw/films', 'fresh'], ['gold/matches', 'fresh']]);
    assert.equal(status[1]?.lastMaterialization?.rows, 2);
  });

  it('exits 2 with a suggestion for an unknown asset, command or option', async () => {
    const unknownAsset = await cli('materialize', 'gold/matchs');
    assert.equal(unknownAsset.code, 2);
    assert.match(unknownAsset.stderr, /Unknown asset "gold\/matchs". Did you mean "gold\/matches"\?/);
    const json = await cli('status', 'gold/match', '--json');
    assert.equal(json.code, 2);
    assert.deepEqual((JSON.parse(json.stdout) as ErrorBody<Suggestions>).error.suggestions, ['gold/matches']);
    const unknownCommand = await cli('materialise', '--all');
    assert.equal(unknownCommand.code, 2);
    assert.match(unknownCommand.stderr, /Unknown command "materialise". Did you mean "materialize"\?/);
    const badOption = await cli('materialize', '--all', '--frce');
    assert.equal(badOption.code, 2);
    assert.match(badOption.stderr, /Unknown option '--frce'.*Run "medallion materialize --help"/);
    const nothing = await cli('materialize');
    assert.equal(nothing.code, 2);
    assert.match(nothing.stderr, /Nothing selected: give a selection/);
    const syntax = await cli('materialize', 'gold/matches+x');
    assert.equal(syntax.code, 2);
    assert.match(syntax.stderr, /Invalid selection "gold\/matches\+x" at column 14/);
  });

  it('refuses a partition show cannot read as PARTITION_UNKNOWN (exit 2), as materialize and the HTTP API do', async () => {
    const show = await cli('show', 'raw/films', '--partition', '1990s', '--json');
    assert.equal(show.code, 2);
    const { error } = JSON.parse(show.stdout) as ErrorBody;
    assert.equal(error.code, 'PARTITION_UNKNOWN');
    assert.match(error.message, /"raw\/films" is not partitioned; leave out the partition/);
    const run = await cli('materialize', 'raw/films', '--partition', '1990s', '--json');
    assert.equal(run.code, 2);
    assert.equal((JSON.parse(run.stdout) as ErrorBody).error.code, 'PARTITION_UNKNOWN');
  });

  it('reports reading an asset that was never materialized as an environment problem (exit 4)', async () => {
    const show = await cli('show', 'gold/matches');
    assert.equal(show.code, 4);
    assert.match(show.stderr, /"gold\/matches" has never been materialized in .*Run "medallion materialize \+gold\/matches" first/);
  });

  it('refuses a URL lake it cannot open, without echoing secrets', async () => {
    const run = await runCapturedCli(['status'], filmsGraph, { env: { MEDALLION_LAKE: 'https://acct.blob.core.windows.net/?sig=SECRET' } });
    assert.equal(run.code, 4);
    assert.doesNotMatch(run.stderr, /SECRET/);
  });

  it('opens the lake named by AZURE_STORAGE_CONNECTION_STRING in the environment it is given', async () => {
    const run = await runCapturedCli(['status'], filmsGraph, { env: { AZURE_STORAGE_CONNECTION_STRING: 'AccountName=acct;AccountKey=SECRET;Nonsense' } });
    assert.equal(run.code, 4, run.stderr);
    assert.match(run.stderr, /connection string/i);
    assert.doesNotMatch(run.stderr, /SECRET/);
  });

  it('shows and exports the committed data', async () => {
    await cli('materialize', '--all');
    const show = await cli('show', 'raw/films');
    assert.match(show.stdout, /raw\/films · 2 rows · data version [0-9a-f]{10}/);
    assert.match(show.stdout, /Heat/);
    const ndjson = await cli('export', 'raw/films', '--format', 'ndjson');
    assert.deepEqual(ndjson.stdout.trim().split('\n').map((line) => JSON.parse(line) as unknown), [
      { id: 1, title: 'Heat', year: 1995 }, { id: 2, title: 'Amélie, "the" film', year: null },
    ]);
    const csv = await cli('export', 'raw/films', '--format', 'csv');
    assert.equal(csv.stdout, 'id,title,year\r\n1,Heat,1995\r\n2,"Amélie, ""the"" film",\r\n');
    const out = join(lake.root, 'films.parquet');
    const parquet = await cli('export', 'raw/films', '--format', 'parquet', '--out', out);
    assert.equal(parquet.code, 0);
    assert.equal((await readFile(out)).subarray(0, 4).toString(), 'PAR1');
    const bad = await cli('export', 'raw/films', '--format', 'xlsx');
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--format ndjson\|csv\|parquet \("xlsx" is not one\)/);
  });

  it('prints lineage as Mermaid with statuses and as JSON', async () => {
    await cli('materialize', 'raw/films');
    const mermaid = await cli('lineage');
    assert.match(mermaid.stdout, /^flowchart LR/);
    assert.match(mermaid.stdout, /raw_films --> gold_matches/);
    assert.match(mermaid.stdout, /class raw_films fresh/);
    assert.match(mermaid.stdout, /class gold_matches missing/);
    const json = JSON.parse((await cli('lineage', '--format', 'json')).stdout) as Lineage;
    assert.deepEqual(json.edges, [{ from: 'raw/films', to: 'gold/matches' }]);
  });

  it('lists assets', async () => {
    const list = await cli('list');
    assert.match(list.stdout, /gold\/matches\s+gold\s+gold\s+raw\/films\s+1/);
  });
});
