// GET /report against a lake the pipeline materialized on the emulator: the rows per stage are the heads'
// rows, the histogram holds every gold row in the bin of its score, and the threshold is the one gold/matches
// recorded. Also: a lake where nothing ran, a graph without the pipeline's assets, and the bin width.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SCORE_THRESHOLD } from '../../assets/matching/judge-matches.ts';
import { tableFromParquet } from '../../runtime/data-plane.ts';
import { Ledger } from '../../runtime/internal.ts';
import { createApp } from '../../server/app.ts';
import { createTestEmulator, runInProcess } from '../support/emulated-pipeline.ts';
import { runsLakeGraph } from '../support/runs-lake.ts';
import { createTempLake, type TempLake } from '../support/temp-lake.ts';
import { jsonOf, type ErrorBody } from '../support/json.ts';
import type { OpenApiBody, ReportBody } from './fixtures/api-bodies.ts';
import { createMixedLake, createTestApp } from './fixtures/test-app.ts';


/** The stages the pipeline's assets declare (`report` in defineAsset), upstream first. */
const REPORT_STAGES = [
  { stage: 'films', asset: 'intermediate/tmdb_movies' },
  { stage: 'releases', asset: 'intermediate/discogs_releases' },
  { stage: 'candidates', asset: 'intermediate/candidates' },
  { stage: 'matches', asset: 'gold/matches' },
];

describe('GET /report', () => {
  let lake: TempLake;
  let app: ReturnType<typeof createApp>;
  before(async () => {
    lake = await createTempLake();
    const { summary } = await runInProcess(lake.storage, createTestEmulator());
    assert.equal(summary.status, 'succeeded');
    app = createApp({ graph: runsLakeGraph(), storage: lake.storage, env: {} });
  });
  after(async () => { await lake.cleanup(); });

  it('counts films, releases, candidates and matches as the rows of their assets\' heads', async () => {
    const response = await app.request('/report');
    assert.equal(response.status, 200);
    const { stages } = await jsonOf<ReportBody>(response);
    assert.deepEqual(stages.map((s) => [s.stage, s.asset]), REPORT_STAGES.map((s) => [s.stage, s.asset]));
    const ledger = new Ledger(lake.storage);
    for (const stage of stages) {
      const head = (await ledger.readHead(stage.asset))!.record;
      assert.ok(head.rows > 0, stage.asset);
      assert.deepEqual(stage, { stage: stage.stage, asset: stage.asset, rows: head.rows, materializationId: head.id, runId: head.runId, finishedAt: head.finishedAt });
    }
  });

  it('bins every gold row by its score, counts the matches per bin, and gives the threshold gold/matches recorded', async () => {
    const { scores } = await jsonOf<ReportBody>(app.request('/report'));
    assert.ok(scores !== null);
    const head = (await new Ledger(lake.storage).readHead('gold/matches'))!.record;
    assert.equal(scores.materializationId, head.id);
    assert.equal(scores.threshold, head.metadata.score_threshold);
    assert.equal(scores.threshold, SCORE_THRESHOLD);
    assert.equal(scores.binWidth, 0.02);

    const table = tableFromParquet((await lake.storage.get(head.files.data!))!.body);
    const rows = Array.from({ length: table.numRows }, (_, i) => ({ score: table.getChild('score')!.get(i) as number, isMatch: table.getChild('is_match')!.get(i) as boolean }));
    const bins = scores.bins;
    assert.equal(bins.reduce((sum, bin) => sum + bin.count, 0), head.rows);
    assert.equal(scores.rows, head.rows);
    assert.equal(bins.reduce((sum, bin) => sum + bin.matches, 0), rows.filter((row) => row.isMatch).length);
    assert.equal(scores.matches, head.metadata.matches);
    // Contiguous bins of the asked width; each holds exactly the rows whose score lies in it (the last is closed).
    bins.forEach((bin, i) => {
      assert.ok(Math.abs(bin.to - bin.from - 0.02) < 1e-9, `bin ${i} is 0.02 wide`);
      if (i > 0) assert.equal(bin.from, bins[i - 1]!.to);
      const last = i === bins.length - 1;
      const inside = rows.filter((row) => row.score >= bin.from - 1e-9 && (last ? row.score <= bin.to : row.score < bin.to - 1e-9));
      assert.deepEqual([bin.count, bin.matches], [inside.length, inside.filter((row) => row.isMatch).length], `${bin.from}–${bin.to}`);
    });
    assert.equal(bins.at(-1)!.to, 1);
    assert.ok(bins[0]!.from <= Math.min(SCORE_THRESHOLD, ...rows.map((row) => row.score)));
    // 0.02 puts the threshold on an edge.
    assert.ok(bins.some((bin) => bin.from === SCORE_THRESHOLD));
  });

  it('takes the bin width from ?binWidth and refuses one out of range', async () => {
    const { scores } = await jsonOf<ReportBody>(app.request('/report?binWidth=0.05'));
    assert.ok(scores !== null);
    assert.equal(scores.binWidth, 0.05);
    assert.ok(scores.bins.every((bin) => Math.abs(bin.to - bin.from - 0.05) < 1e-9));
    assert.equal(scores.bins.reduce((sum, bin) => sum + bin.count, 0), scores.rows);
    const refused = await app.request('/report?binWidth=0');
    assert.equal(refused.status, 400);
    assert.match((await jsonOf<ErrorBody>(refused)).error.message, /binWidth/);
  });

  it('is documented in /openapi.json', async () => {
    const document = await jsonOf<OpenApiBody>(app.request('/openapi.json'));
    assert.ok(document.paths['/report']!.get!.responses[200]);
    assert.deepEqual(document.paths['/report']!.get!.parameters.map((p) => p.name), ['binWidth']);
  });
});

describe('GET /report before the pipeline has run, and on another graph', () => {
  it('reports every stage as never materialized and no scores on an empty lake', async () => {
    const lake = await createTempLake();
    try {
      const app = createApp({ graph: runsLakeGraph(), storage: lake.storage, env: {} });
      const body = await jsonOf<ReportBody>(app.request('/report'));
      assert.deepEqual(body.stages.map((s) => [s.rows, s.materializationId]), REPORT_STAGES.map(() => [null, null]));
      assert.equal(body.scores, null);
    } finally {
      await lake.cleanup();
    }
  });

  it('reports only the stages the assets declare, and no scores when none declares a score column', async () => {
    const lake = await createMixedLake();
    try {
      const { app } = createTestApp(lake);
      const body = await jsonOf<ReportBody>(app.request('/report'));
      const head = (await new Ledger(lake.storage).readHead('gold/matches'))!.record;
      assert.deepEqual(body.stages.map((s) => [s.stage, s.asset, s.rows]), [['matches', 'gold/matches', head.rows]]);
      assert.equal(body.scores, null);
    } finally {
      await lake.cleanup();
    }
  });
});
