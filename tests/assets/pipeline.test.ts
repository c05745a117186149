import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { rowsFromTable, tableFromParquet } from '../../runtime/data-plane.ts';
import { evaluateMatches } from '../../assets/matching/evaluate-matches.ts';
import { createPipeline } from '../../assets/pipeline.ts';
import * as pipelineEntries from '../../assets/pipeline-assets.ts';
import { matchSchema } from '../../assets/gold/matches.ts';
import { discogsReleaseSchema } from '../../assets/intermediate/discogs-releases.ts';
import { createAssetGraph, materialize, type RunResult } from '../../runtime/index.ts';
import { layerOf, Ledger } from '../../runtime/internal.ts';
import { createTestEmulator, noWait, runInProcess, FAST_CLIENT } from '../support/emulated-pipeline.ts';
import { unusedFilms, unusedReleases } from './intermediate/fixtures.ts';
import { createTempLake, type TempLake } from '../support/temp-lake.ts';
import { createGraphFromEnvironment } from '../../assets/pipeline-graph.ts';

describe('the pipeline', () => {
  let lake: TempLake;
  beforeEach(async () => { lake = await createTempLake(); });
  afterEach(async () => { await lake.cleanup(); });

  // Which assets there are is pinned once, by the README's table (pipeline-readme.test.ts).
  it('puts each asset in the group of its layer (raw, intermediate, gold), described, with retries on raw', () => {
    const assets = createPipeline({ films: unusedFilms, releases: unusedReleases });
    const graph = createAssetGraph(assets);
    for (const asset of assets) assert.equal(asset.group, layerOf(asset.key), `${asset.key} is in its layer's group`);
    assert.deepEqual([...graph.groups().keys()].sort(), ['gold', 'intermediate', 'raw']);
    for (const asset of assets) assert.ok((asset.description ?? '').length > 20, `${asset.key} has a description`);
    assert.ok(assets.filter((asset) => asset.group === 'raw').every((asset) => asset.retry.maxAttempts > 1));
  });

  it('defines one asset per entry of pipeline-assets.ts, and metrics/match_quality only with the ground truth', () => {
    const entries = Object.keys(pipelineEntries);
    const groundTruth = { pairs: () => Promise.reject(new Error('not called')) };
    const withTruth = createPipeline({ films: unusedFilms, releases: unusedReleases, groundTruth });
    const without = createPipeline({ films: unusedFilms, releases: unusedReleases });
    assert.equal(withTruth.length, entries.length);
    assert.equal(new Set(withTruth.map((asset) => asset.key)).size, entries.length, 'each entry its own asset, each defined once');
    assert.deepEqual(withTruth.map((asset) => asset.key).filter((key) => !without.some((asset) => asset.key === key)), ['metrics/match_quality']);
  });

  it('runs end to end on the emulator with every row valid, checks passing, and precise matches', async () => {
    const emulator = createTestEmulator();
    const { summary } = await runInProcess(lake.storage, emulator);
    assert.equal(summary.status, 'succeeded');
    assert.ok(summary.outcomes.every((outcome) => outcome.quarantined === 0), 'nothing quarantined without faults');
    const head = await new Ledger(lake.storage).readHead('gold/matches');
    assert.ok(head!.record.checks.every((check) => check.passed));
    const gold = rowsFromTable(tableFromParquet((await lake.storage.get(head!.record.files.data!))!.body), matchSchema);
    const predicted = gold.filter((row) => row.is_match);
    // Judged on what the plan landed (the test plan covers 1990–2009 and a small per-film budget).
    const releasesRecord = (await new Ledger(lake.storage).readHead('intermediate/discogs_releases'))!.record;
    const landed = new Set(rowsFromTable(tableFromParquet((await lake.storage.get(releasesRecord.files.data!))!.body), discogsReleaseSchema).map((row) => row.discogs_id));
    const landedTruth = emulator.catalogue.truth.filter((pair) => landed.has(pair.discogs_id));
    const quality = evaluateMatches(predicted, landedTruth);
    assert.ok(quality.precision >= 0.95, `precision ${quality.precision}`);
    assert.ok(quality.recall >= 0.85, `recall on landed truth ${quality.recall}`);
    assert.ok(landedTruth.length > 100, `enough truth to judge (${landedTruth.length})`);
  });

  it('gives identical data versions when the same source data is materialized again', async () => {
    // Budgets that take every film and every master: the incremental assets build on their previous version,
    // so with work left over the second run would search and look up more, and land more.
    const env = { MEDALLION_SOURCE: 'sample', MEDALLION_DISCOGS_YEARS: '1995-1999', MEDALLION_DISCOGS_MASTERS_BUDGET: '100000' };
    const graph = createGraphFromEnvironment(env, { emulator: createTestEmulator(), client: FAST_CLIENT });
    const first = await materialize({ graph, storage: lake.storage, sleep: noWait });
    const forced = await materialize({ graph, storage: lake.storage, force: true, sleep: noWait });
    const versions = (run: RunResult) => Object.fromEntries(run.summary.outcomes.map((o) => [`${o.asset}[${o.partition}]`, o.dataVersion]));
    assert.equal(first.summary.status, 'succeeded');
    assert.deepEqual(versions(forced), versions(first));
  });
});
