import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { createAssetGraph, defineAsset } from '../../runtime/index.ts';
import { ownerOfBlob } from '../../server/inngest/raw-blob-owner.ts';

const none = async () => ({ rows: [] });
const row = z.object({ id: z.int() });
const graph = createAssetGraph([
  defineAsset({ key: 'raw/tmdb_movies', schema: row, codeVersion: '1', materialize: none }),
  defineAsset({ key: 'raw/discogs_releases', schema: row, codeVersion: '1', partitions: ['1990s', '2000s'], materialize: none }),
  defineAsset({ key: 'gold/matches', schema: row, codeVersion: '1', materialize: none }),
]);
const owner = (container: string, path: string) => {
  const found = ownerOfBlob(graph, container, path);
  return found.kind === 'owned' ? found.slot : found.reason;
};

describe('ownerOfBlob: which asset a landed blob belongs to', () => {
  it('maps raw/<name>/landing/… to raw/<name>, and raw/<name>/p=<partition>/landing/… to that partition', () => {
    assert.deepEqual(owner('raw', 'tmdb_movies/landing/2026-11-26.json'), { asset: 'raw/tmdb_movies', partition: null });
    assert.deepEqual(owner('raw', 'tmdb_movies/landing/batch-7/page-001.json'), { asset: 'raw/tmdb_movies', partition: null });
    assert.deepEqual(owner('raw', 'discogs_releases/p=1990s/landing/export.ndjson'), { asset: 'raw/discogs_releases', partition: '1990s' });
  });

  it("ignores the framework's own files, materialization folders and names it does not own, saying why", () => {
    assert.match(String(owner('raw', 'tmdb_movies/_head.json')), /not under <asset>\/landing\//);
    assert.match(String(owner('raw', 'tmdb_movies/20261126T124501123Z-3f9a1c/data.parquet')), /not under/);
    assert.match(String(owner('raw', 'tmdb_movies/20261126T124501123Z-3f9a1c/attachments/landing/page.json')), /not under/);
    assert.match(String(owner('raw', 'tmdb_movies/landing/')), /not under/);
    assert.match(String(owner('raw', 'tmdb_movies/landing/.upload-tmp')), /temporary or framework files/);
    assert.match(String(owner('raw', 'tmdb_movies/landing/_SUCCESS')), /temporary or framework files/);
    assert.match(String(owner('raw', 'spotify_tracks/landing/a.json')), /no asset "raw\/spotify_tracks"/);
    assert.match(String(owner('gold', 'matches/landing/a.json')), /only the "raw" container/);
    assert.match(String(owner('metrics', '_ledger/raw/tmdb_movies/x.json')), /only the "raw" container/);
  });

  it('requires a partition for a partitioned asset, and only for one', () => {
    assert.match(String(owner('raw', 'discogs_releases/landing/export.ndjson')), /is partitioned/);
    assert.match(String(owner('raw', 'discogs_releases/p=1980s/landing/export.ndjson')), /no partition "1980s"/);
    assert.match(String(owner('raw', 'tmdb_movies/p=1990s/landing/a.json')), /is not partitioned/);
  });

  it('ignores a name that could leave the container, whoever sent the event (the webhook refuses it first)', () => {
    assert.match(String(owner('raw', '../../etc/passwd')), /has a "\.\." segment/);
    assert.match(String(owner('raw', 'tmdb_movies/landing/../../../etc/passwd')), /has a "\.\." segment/);
    assert.match(String(owner('raw', 'tmdb_movies\\landing\\..\\..\\x.json')), /has a "\.\." segment/);
    assert.match(String(owner('raw', '/etc/passwd')), /is an absolute path/);
    assert.match(String(owner('raw', 'tmdb_movies/landing/a\0.json')), /contains a NUL character/);
  });
});
