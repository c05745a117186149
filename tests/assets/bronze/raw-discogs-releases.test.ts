import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defineRawDiscogsReleases } from '../../../assets/bronze/raw-discogs-releases.ts';
import type { DiscogsSearchPage } from '../../../assets/sources/discogs-schemas.ts';
import { createSampleSources } from '../../../assets/sources/sample-source.ts';
import type { DiscogsSearchQuery, ReleaseSource } from '../../../assets/sources/source.ts';
import { DefinitionError } from '../../../runtime/index.ts';
import { createTestContext, materializeForTest } from '../../../runtime/testing.ts';

function countingSource(inner: ReleaseSource) {
  const calls: Array<{ q: string; page: number }> = [];
  const source: ReleaseSource = {
    async searchPage(query, page) {
      calls.push({ q: query.q, page });
      return inner.searchPage(query, page);
    },
  };
  return { source, calls };
}

function onePageSource(results: unknown[]): ReleaseSource {
  return {
    async searchPage(_query: DiscogsSearchQuery, page) {
      const pagination = { page, pages: 1, per_page: 100, items: results.length, urls: {} };
      return { pagination, results: page === 1 ? results : [] } as DiscogsSearchPage;
    },
  };
}

const item = (id: number, extra: Record<string, unknown> = {}) => ({
  id, type: 'release', title: `Artist ${id} - Title ${id} (Original Motion Picture Soundtrack)`,
  genre: ['Stage & Screen'], style: ['Soundtrack'], format: ['CD', 'Album'], year: '1999', ...extra,
});

describe('raw/discogs_releases', () => {
  it('flattens one row per search result, keeping the landed year string, null when absent', async () => {
    const { year: _omitted, ...withoutYear } = item(2);
    const asset = defineRawDiscogsReleases(onePageSource([item(1, { country: 'US', master_id: 0 }), withoutYear]), { queries: ['score'] });
    const { rows } = await materializeForTest(asset, {});
    assert.equal(rows[0]?.year, '1999');
    assert.equal(rows[0]?.master_id, 0);
    assert.equal(rows[0]?.title, 'Artist 1 - Title 1 (Original Motion Picture Soundtrack)');
    assert.equal(rows[1]?.year, null);
    assert.equal(rows[1]?.country, null);
    assert.deepEqual(rows.map((row) => [row.query, row.page]), [['score', 1], ['score', 1]]);
  });

  it('counts records failing the search item schema instead of failing', async () => {
    const asset = defineRawDiscogsReleases(onePageSource([item(1), item(2, { year: 1999 }), { id: 3 }]), { queries: ['score'] });
    const { rows, metadata } = await materializeForTest(asset, {});
    assert.deepEqual(rows.map((row) => row.discogs_id), [1]);
    assert.equal(metadata.rejected_records, 2);
  });

  it('lands every term in its own journaled page batches, keeping a release once per term that found it', async () => {
    const ctx = createTestContext();
    const asset = defineRawDiscogsReleases(createSampleSources().releases, { perPage: 50, pagesPerStep: 2 });
    const result = await asset.materialize(ctx, {});
    assert.ok(ctx.stepsRun.includes('search-film-soundtrack-pages-1-2'));
    assert.ok(ctx.stepsRun.every((id) => /^search-(soundtrack|film-soundtrack|motion-picture|score)-pages-\d+-\d+$/.test(id)));
    const queries = result.metadata?.queries as Array<{ q: string; pages_fetched: number }>;
    assert.deepEqual(queries.map((query) => query.q), ['soundtrack', 'film soundtrack', 'motion picture', 'score']);
    const totalPages = queries.reduce((sum, query) => sum + query.pages_fetched, 0);
    assert.equal(ctx.attachments.files.size, totalPages);
    assert.ok(ctx.attachments.files.has('pages/search-motion-picture-0001.json'));
    assert.ok(result.rows.length > Number(result.metadata?.distinct_releases), 'duplicates across terms are kept in bronze');
  });

  it('replays from the journal without calling the source', async () => {
    const { source, calls } = countingSource(createSampleSources().releases);
    const asset = defineRawDiscogsReleases(source, { perPage: 50, pagesPerStep: 2 });
    const first = createTestContext();
    const firstResult = await asset.materialize(first, {});
    const callCount = calls.length;
    const second = createTestContext({ resumeFrom: first });
    assert.deepEqual(await asset.materialize(second, {}), firstResult);
    assert.equal(calls.length, callCount);
    assert.equal(second.stepsRun.length, 0);
  });

  it('refuses two search terms that would share step names', () => {
    assert.throws(() => defineRawDiscogsReleases(onePageSource([]), { queries: ['film score', 'film-score'] }), DefinitionError);
  });
});
