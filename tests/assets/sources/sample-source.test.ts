import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NonRetriableError } from '../../../runtime/index.ts';
import { discogsSearchPageSchema } from '../../../assets/sources/discogs-schemas.ts';
import { createSampleSources } from '../../../assets/sources/sample-source.ts';
import { tmdbListPageSchema } from '../../../assets/sources/tmdb-schemas.ts';

describe('sample sources', () => {
  const { films, releases, catalogue } = createSampleSources();

  it('pages TMDB 20 at a time with the true totals, then serves empty pages', async () => {
    const first = tmdbListPageSchema.parse(await films.popularPage(1));
    const totalPages = Math.ceil(catalogue.films.length / 20);
    assert.equal(first.results.length, 20);
    assert.equal(first.total_results, catalogue.films.length);
    assert.equal(first.total_pages, totalPages);
    const last = await films.popularPage(totalPages);
    assert.equal(last.results.length, catalogue.films.length - (totalPages - 1) * 20);
    assert.equal((await films.popularPage(totalPages + 1)).results.length, 0);
  });

  it('refuses TMDB pages outside 1..500 as the API does', async () => {
    await assert.rejects(films.popularPage(0), NonRetriableError);
    await assert.rejects(films.popularPage(501), /max at 500/);
  });

  it('paginates a Discogs search with per_page, pages, items and urls', async () => {
    const query = { q: 'soundtrack', type: 'release', per_page: 40 } as const;
    const first = discogsSearchPageSchema.parse(await releases.searchPage(query, 1));
    const { items, pages } = first.pagination;
    assert.equal(first.pagination.per_page, 40);
    assert.equal(pages, Math.ceil(items / 40));
    assert.deepEqual(Object.keys(first.pagination.urls).sort(), ['last', 'next']);
    const last = await releases.searchPage(query, pages);
    assert.equal(last.results.length, items - (pages - 1) * 40);
    assert.deepEqual(Object.keys(last.pagination.urls).sort(), ['first', 'prev']);
  });

  it('defaults per_page to 50 and clamps it to 100', async () => {
    assert.equal((await releases.searchPage({ q: 'score', type: 'release' }, 1)).pagination.per_page, 50);
    assert.equal((await releases.searchPage({ q: 'score', type: 'release', per_page: 500 }, 1)).pagination.per_page, 100);
  });

  it('requires every query word, so narrower terms find fewer releases and overlap with broader ones', async () => {
    const count = async (q: string) => (await releases.searchPage({ q, type: 'release' }, 1)).pagination.items;
    assert.ok((await count('film soundtrack')) < (await count('soundtrack')));
    assert.equal(await count('zzz-nothing'), 0);
  });
});
