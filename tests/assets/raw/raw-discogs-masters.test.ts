import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defineRawDiscogsMasters, mastersWorthLookingUp } from '../../../assets/raw/raw-discogs-masters.ts';
import { HttpRefusalError } from '../../../assets/sources/http/request-errors.ts';
import type { ReleaseSource } from '../../../assets/sources/source.ts';
import type { Candidate } from '../../../assets/intermediate/candidates.ts';
import { createTestContext, inputFromRows, materializeForTest, previousFrom } from '../../../runtime/testing.ts';
import { candidates } from '../intermediate/fixtures.ts';

/** A candidate row with what master selection reads; the rest as plain as possible. */
const pair = (tmdb_id: number, tmdb_year: number, discogs_id: number, discogs_year: number | null, discogs_master_id: number | null) => ({
  tmdb_id, tmdb_title: 'T', tmdb_year, tmdb_popularity: 1, tmdb_title_norm: 't', films_with_title: 1, discogs_id, discogs_artist: null, discogs_title: 'T',
  discogs_year, discogs_master_id, discogs_hint: null, discogs_filed_as_soundtrack: true, discogs_soundtrack_wording: true, tmdb_has_composers: false,
  artist_is_composer: false, composer_share: 0, blocked_by: 'exact', compared: 'title~title', film_form: 't', release_form: 't', film_numbers: '', release_numbers: '',
  contained_form: null, contained_numbers: '', contained_part: null, score: 1, levenshtein: 1, token_sort: 1, token_set: 1, jaro_winkler: 1,
  year_diff: discogs_year === null ? null : discogs_year - tmdb_year,
}) satisfies Candidate;

describe('raw/discogs_masters', () => {
  it('looks up the masters of releases no candidate film dates, and of releases meeting films of several years', () => {
    const rows = [
      pair(1, 1975, 10, 1975, 100), // with its film: its year says it all
      pair(1, 1975, 11, 2015, 101), // forty years later
      pair(2, 1984, 12, 2021, 102), pair(3, 2021, 12, 2021, 102), // a remake's year: which film's music?
      pair(4, 1990, 13, 2010, null), // no master to look up
      pair(5, 1990, 14, null, 104), // no year at all
    ];
    assert.deepEqual(mastersWorthLookingUp(rows), [102, 101]);
  });

  it('lands each master once, attached, within the budget, flagging one Discogs no longer knows', async () => {
    const calls: number[] = [];
    const source: ReleaseSource = {
      search: () => Promise.reject(new Error('not used')),
      async master(id) {
        calls.push(id);
        if (id === 102) throw new HttpRefusalError('not-found', 404, `GET /masters/${id}`, 'HTTP 404: Master Release not found.');
        return { id, title: `Master ${id}`, year: id === 101 ? 1975 : 0 };
      },
    };
    const rows = [pair(1, 1975, 11, 2015, 101), pair(2, 1984, 12, 2021, 102), pair(3, 2021, 12, 2021, 102), pair(6, 1970, 15, 2000, 105), pair(6, 1970, 16, 2001, 106)];
    const asset = defineRawDiscogsMasters(source, candidates, { budget: 3 });
    const ctx = createTestContext();
    const { rows: masters, metadata } = await materializeForTest(asset, { candidates: inputFromRows(candidates, rows) }, ctx);
    assert.deepEqual(masters, [
      { master_id: 101, year: 1975, title: 'Master 101', missing: false },
      { master_id: 102, year: null, title: null, missing: true },
      { master_id: 105, year: null, title: 'Master 105', missing: false },
    ]);
    assert.deepEqual([...calls].sort(), [101, 102, 105]);
    assert.deepEqual([...ctx.attachments.files.keys()].sort(), ['masters/101.json', 'masters/102.json', 'masters/105.json']);
    assert.equal(metadata.backlog, 1, 'one master left for a larger budget');
  });

  it('keeps the masters its previous version looked up while still wanted, and spends the budget on new ones', async () => {
    const calls: number[] = [];
    const source: ReleaseSource = {
      search: () => Promise.reject(new Error('not used')),
      async master(id) {
        calls.push(id);
        return { id, title: `Master ${id}`, year: 1970 };
      },
    };
    const asset = defineRawDiscogsMasters(source, candidates, { budget: 2 });
    const first = await materializeForTest(asset, { candidates: inputFromRows(candidates, [pair(6, 1970, 15, 2000, 105), pair(6, 1970, 16, 2001, 106)]) });
    calls.length = 0;
    const now = [pair(6, 1970, 16, 2001, 106), pair(7, 1960, 17, 2010, 107)]; // 105 is no longer wanted; 107 is new
    const second = await materializeForTest(asset, { candidates: inputFromRows(candidates, now) }, createTestContext({ previous: previousFrom(asset, first) }));
    assert.deepEqual(calls, [107]);
    assert.deepEqual(second.rows.map((row) => row.master_id), [106, 107]);
    assert.deepEqual([second.metadata.kept, second.metadata.looked_up, second.metadata.backlog], [1, 1, 0]);
  });
});
