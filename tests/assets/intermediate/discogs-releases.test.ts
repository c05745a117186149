import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inputFromRows, materializeForTest } from '../../../runtime/testing.ts';
import { rawFilmSearches, rawRelease, rawReleases, releases } from './fixtures.ts';

/** The asset's inputs: bulk rows, and per-film search rows (none unless given). */
const landedInputs = (bulk: ReturnType<typeof rawRelease>[], targeted: ReturnType<typeof rawRelease>[] = []) => ({
  bulk: inputFromRows(rawReleases, bulk),
  targeted: inputFromRows(rawFilmSearches, targeted),
});

describe('intermediate/discogs_releases', () => {
  it('deduplicates by id across search terms, remembering every term that found the release', async () => {
    const landed = [
      rawRelease(7, 'Vangelis - Blade Runner', '1994', { query: 'soundtrack' }),
      rawRelease(8, 'Various - Heat OST', '1995', { query: 'soundtrack' }),
      rawRelease(7, 'Vangelis - Blade Runner', '1994', { query: 'score', page: 3 }),
      rawRelease(7, 'Vangelis - Blade Runner', '1994', { query: 'score', page: 4 }),
    ];
    const { rows, metadata } = await materializeForTest(releases, landedInputs(landed));
    assert.deepEqual(rows.map((row) => [row.discogs_id, row.queries]), [[7, ['soundtrack', 'score']], [8, ['soundtrack']]]);
    assert.equal(metadata.duplicates_removed, 2);
  });

  it('splits the artist into its own column and strips soundtrack suffixes from the normalized title', async () => {
    const landed = [
      rawRelease(1, 'Hans Zimmer - Dune (Original Motion Picture Soundtrack)', '2021'),
      rawRelease(2, 'Various - Sicario OST', '2015'),
      rawRelease(3, 'Lalo Schifrin - Mission: Impossible - The Soundtrack', '1996'),
    ];
    const { rows } = await materializeForTest(releases, landedInputs(landed));
    assert.deepEqual(rows.map((row) => [row.artist, row.title, row.title_norm]), [
      ['Hans Zimmer', 'Dune (Original Motion Picture Soundtrack)', 'dune'],
      ['Various', 'Sicario OST', 'sicario'],
      ['Lalo Schifrin', 'Mission: Impossible - The Soundtrack', 'mission impossible'],
    ]);
  });

  it('keeps both forms of a bilingual title', async () => {
    const landed = [rawRelease(1, 'Joe Hisaishi - 千と千尋の神隠し = Spirited Away (Original Soundtrack)', '2001')];
    const { rows, metadata } = await materializeForTest(releases, landedInputs(landed));
    assert.equal(rows[0]?.title_norm, '千と千尋の神隠し');
    assert.equal(rows[0]?.title_alt_norm, 'spirited away');
    assert.equal(metadata.bilingual_titles, 1);
  });

  it('parses the landed year string, null when absent or unknown, and drops master 0', async () => {
    const landed = [
      rawRelease(1, 'A - X', '1999', { master_id: 123 }),
      rawRelease(2, 'A - Y', null),
      rawRelease(3, 'A - Z', '0'),
      rawRelease(4, 'A - W', ''),
    ];
    const { rows } = await materializeForTest(releases, landedInputs(landed));
    assert.deepEqual(rows.map((row) => row.year), [1999, null, null, null]);
    assert.deepEqual(rows.map((row) => row.master_id), [123, null, null, null]);
  });
});
