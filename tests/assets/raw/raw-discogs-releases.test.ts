import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defineRawDiscogsReleases } from '../../../assets/raw/raw-discogs-releases.ts';
import type { DiscogsSearchPage } from '../../../assets/sources/discogs-schemas.ts';
import { DEFAULT_QUERY_PLAN, discogsDecades, type DiscogsPlan } from '../../../assets/sources/query-plan.ts';
import type { DiscogsSearchParams, ReleaseSource } from '../../../assets/sources/source.ts';
import { createTestContext, materializeForTest } from '../../../runtime/testing.ts';

const item = (id: number, extra: Record<string, unknown> = {}) => ({
  id, type: 'release', title: `Composer - Film ${id} (Original Motion Picture Soundtrack)`, year: '1994',
  genre: ['Stage & Screen'], style: ['Soundtrack'], format: ['CD'], country: 'US', master_id: 0, ...extra,
});

/** Answers each search with `pagesOf(params)` pages of two items; records every call. */
function searchSource(pagesOf: (params: DiscogsSearchParams) => number) {
  const calls: Array<DiscogsSearchParams & { page: number }> = [];
  const source: ReleaseSource = {
    master: () => Promise.reject(new Error('not used')),
    async search(params, page) {
      calls.push({ ...params, page });
      const pages = pagesOf(params);
      const base = Number(params.year ?? 0) * 1000 + (params.style === 'Score' ? 500 : 0) + page * 10;
      const results = page <= pages ? [item(base + 1, { year: String(params.year) }), item(base + 2, { year: String(params.year) })] : [];
      return { pagination: { page, pages, per_page: 100, items: pages * 2, urls: {} }, results } as DiscogsSearchPage;
    },
  };
  return { source, calls };
}

const plan: DiscogsPlan = { ...DEFAULT_QUERY_PLAN.discogs, fromYear: 1988, toYear: 1991 };

describe('raw/discogs_releases', () => {
  it('is partitioned by decade over the plan\'s years', () => {
    const asset = defineRawDiscogsReleases(searchSource(() => 1).source, { plan });
    assert.deepEqual(asset.partitions, ['1980s', '1990s']);
    assert.deepEqual(discogsDecades(DEFAULT_QUERY_PLAN.discogs), ['1930s', '1940s', '1950s', '1960s', '1970s', '1980s', '1990s', '2000s', '2010s', '2020s']);
  });

  it('searches each style and year of its decade with the genre filter, every page to the end', async () => {
    const { source, calls } = searchSource((params) => (params.year === 1989 && params.style === 'Score' ? 3 : 1));
    const asset = defineRawDiscogsReleases(source, { plan });
    const ctx = createTestContext({ partition: '1980s' });
    const { rows } = await materializeForTest(asset, {}, ctx);
    assert.deepEqual(
      calls.map((call) => `${call.style} ${call.year} p${call.page}`).sort(),
      ['Score 1988 p1', 'Score 1989 p1', 'Score 1989 p2', 'Score 1989 p3', 'Soundtrack 1988 p1', 'Soundtrack 1989 p1'],
    );
    assert.ok(calls.every((call) => call.genre === 'Stage & Screen' && call.type === 'release' && call.per_page === 100));
    assert.equal(rows.length, 12);
    assert.deepEqual([...new Set(rows.map((row) => row.query))].sort(), ['style=score year=1988', 'style=score year=1989', 'style=soundtrack year=1988', 'style=soundtrack year=1989']);
    assert.equal(ctx.attachments.files.size, 6);
  });
});
