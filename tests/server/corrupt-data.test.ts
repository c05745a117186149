// The HTTP API over a damaged gold/matches data file says what the CLI says: GET /report answers 503 with a
// JSON error naming the file and the repair command (no stack trace), GET /assets/:key calls the asset stale
// with cause corrupt, and once a plain materialize rewrites the file, /report answers 200 again.
import assert from 'node:assert/strict';
import { truncate } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { z } from 'zod';
import { createAssetGraph, defineAsset, materialize } from '../../runtime/index.ts';
import { Ledger } from '../../runtime/internal.ts';
import { createApp } from '../../server/app.ts';
import { createTempLake, type TempLake } from '../support/temp-lake.ts';
import { jsonOf, type ErrorBody } from '../support/json.ts';
import type { AssetDetailBody } from './fixtures/api-bodies.ts';

const films = defineAsset({
  key: 'raw/films', schema: z.object({ id: z.int() }), codeVersion: '1',
  async materialize() {
    return { rows: [{ id: 1 }, { id: 2 }, { id: 3 }] };
  },
});
const matches = defineAsset({
  key: 'gold/matches', schema: z.object({ id: z.int(), score: z.number(), is_match: z.boolean() }), codeVersion: '1', deps: { films },
  report: { stage: 'matches', score: { column: 'score', acceptedColumn: 'is_match' } },
  async materialize(_ctx, inputs) {
    return { rows: (await inputs.films.rows()).map(({ id }) => ({ id, score: id / 4, is_match: id > 2 })) };
  },
});
const graph = createAssetGraph([films, matches]);

describe('the HTTP API over a corrupt data file', () => {
  let lake: TempLake;
  const logs: string[] = [];
  let app: ReturnType<typeof createApp>;
  before(async () => {
    lake = await createTempLake();
    assert.equal((await materialize({ graph, storage: lake.storage })).summary.status, 'succeeded');
    app = createApp({ graph, storage: lake.storage, env: {}, log: (line) => logs.push(line) });
  });
  after(async () => { await lake.cleanup(); });

  it('answers /report with 503 DATA_CORRUPT naming the file and the repair, and /assets/:key with cause corrupt, until a plain materialize', async () => {
    const dataFile = (await new Ledger(lake.storage).readHead('gold/matches'))!.record.files.data!;
    await truncate(join(lake.root, ...dataFile.split('/')), 0);

    const report = await app.request('/report');
    assert.equal(report.status, 503);
    const body = await report.text();
    const { error } = JSON.parse(body) as ErrorBody<{ asset: string; partition: string | null; file: string; repair: string }>;
    assert.deepEqual(
      { code: error.code, asset: error.asset, partition: error.partition, file: error.file, repair: error.repair },
      { code: 'DATA_CORRUPT', asset: 'gold/matches', partition: null, file: dataFile, repair: 'medallion materialize gold/matches' },
    );
    assert.ok(error.message.includes(`its data file ${dataFile} in ${lake.root} is empty`), error.message);
    assert.doesNotMatch(body, /\n\s+at |\.ts:\d+/, 'no stack trace in the answer');

    const detail = await jsonOf<AssetDetailBody>(app.request('/assets/gold/matches'));
    assert.equal(detail.status, 'stale');
    assert.deepEqual(detail.causes.map((cause) => cause.category), ['corrupt']);
    assert.match(detail.causes[0]!.reason, /"medallion materialize gold\/matches" rewrites it/);

    const repair = await materialize({ graph, storage: lake.storage, selection: 'gold/matches' });
    assert.deepEqual(repair.summary.outcomes.map((outcome) => outcome.type), ['materialized']);
    assert.equal((await app.request('/report')).status, 200);
  });
});
