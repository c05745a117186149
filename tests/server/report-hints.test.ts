// The report reads what the assets declare (`report` in defineAsset): stage names, the score column, the
// accepted column and the threshold's metadata key, whatever the asset keys and column names.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { z } from 'zod';
import { createAssetGraph, defineAsset, DefinitionError, materialize } from '../../runtime/index.ts';
import { createApp } from '../../server/app.ts';
import { createTempLake, type TempLake } from '../support/temp-lake.ts';
import { jsonOf } from '../support/json.ts';
import type { ReportBody } from './fixtures/api-bodies.ts';

const people = defineAsset({
  key: 'raw/people',
  schema: z.object({ id: z.int() }),
  codeVersion: '1',
  report: { stage: 'people' },
  materialize: async () => ({ rows: [{ id: 1 }, { id: 2 }, { id: 3 }] }),
});
const unreported = defineAsset({ key: 'raw/notes', schema: z.object({ id: z.int() }), codeVersion: '1', materialize: async () => ({ rows: [{ id: 1 }] }) });
const pairs = defineAsset({
  key: 'gold/pairs',
  schema: z.object({ id: z.int(), similarity: z.number(), kept: z.boolean() }),
  deps: { people },
  codeVersion: '1',
  report: { stage: 'pairs', score: { column: 'similarity', acceptedColumn: 'kept', thresholdMetadataKey: 'cutoff' } },
  materialize: async () => ({
    rows: [{ id: 1, similarity: 0.5, kept: false }, { id: 2, similarity: 0.95, kept: true }],
    metadata: { cutoff: 0.9 },
  }),
});

describe('GET /report from declared report hints', () => {
  let lake: TempLake;
  before(async () => {
    lake = await createTempLake();
    const graph = createAssetGraph([pairs, unreported, people]);
    assert.equal((await materialize({ graph, storage: lake.storage })).summary.status, 'succeeded');
  });
  after(async () => { await lake.cleanup(); });

  it('counts the declared stages upstream first, leaves undeclared assets out, and bins the declared score column', async () => {
    const app = createApp({ graph: createAssetGraph([pairs, unreported, people]), storage: lake.storage, env: {} });
    const body = await jsonOf<ReportBody>(app.request('/report?binWidth=0.25'));
    assert.deepEqual(body.stages.map((s) => [s.stage, s.asset, s.rows]), [['people', 'raw/people', 3], ['pairs', 'gold/pairs', 2]]);
    assert.ok(body.scores !== null);
    assert.equal(body.scores.asset, 'gold/pairs');
    assert.equal(body.scores.threshold, 0.9);
    assert.equal(body.scores.matches, 1);
    assert.deepEqual(body.scores.bins.map((bin) => [bin.from, bin.count, bin.matches]), [[0.5, 1, 0], [0.75, 1, 1]]);
  });
});

describe('defineAsset report', () => {
  it('refuses an empty stage or column name, naming the asset', () => {
    assert.throws(
      () => defineAsset({ key: 'gold/pairs', schema: z.object({ id: z.int() }), codeVersion: '1', report: { stage: ' ' }, materialize: async () => ({ rows: [] }) }),
      (error: unknown) => error instanceof DefinitionError && error.code === 'DEFINITION_INVALID' && error.message.includes('"gold/pairs"') && error.message.includes('report'),
    );
    assert.throws(
      () => defineAsset({ key: 'gold/pairs', schema: z.object({ id: z.int() }), codeVersion: '1', report: { stage: 'pairs', score: { column: '' } }, materialize: async () => ({ rows: [] }) }),
      (error: unknown) => error instanceof DefinitionError && error.code === 'DEFINITION_INVALID',
    );
  });
});
