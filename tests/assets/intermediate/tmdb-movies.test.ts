import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inputFromRows, materializeForTest } from '../../../runtime/testing.ts';
import { movies, rawMovie, rawMovies as raw } from './fixtures.ts';

describe('intermediate/tmdb_movies', () => {
  it('deduplicates by id, keeping the first landing', async () => {
    const landed = [rawMovie(1, 'Heat', '1995-12-15', { page: 1 }), rawMovie(2, 'Up', '2009-05-28'), rawMovie(1, 'Heat', '1995-12-15', { page: 2 })];
    const { rows, metadata } = await materializeForTest(movies, { raw: inputFromRows(raw, landed) });
    assert.deepEqual(rows.map((row) => row.tmdb_id), [1, 2]);
    assert.equal(metadata.duplicates_removed, 1);
  });

  it('normalizes titles, parses the year and names genres', async () => {
    const landed = [
      rawMovie(1, 'The Matrix', '1999-03-31', { genre_ids: [28, 878] }),
      rawMovie(2, 'Amélie', '2001-04-25', { original_title: "Le Fabuleux Destin d'Amélie Poulain", genre_ids: [35, 424242] }),
      rawMovie(3, 'Megalopolis', ''),
    ];
    const { rows, metadata } = await materializeForTest(movies, { raw: inputFromRows(raw, landed) });
    assert.deepEqual(rows.map((row) => [row.title_norm, row.year, row.genres]), [
      ['matrix', 1999, ['Action', 'Science Fiction']],
      ['amelie', 2001, ['Comedy']],
      ['megalopolis', null, []],
    ]);
    assert.equal(rows[0]?.original_title_norm, null, 'same as the title: not repeated');
    assert.equal(rows[1]?.original_title_norm, 'le fabuleux destin damelie poulain');
    assert.equal(rows[2]?.release_date, null);
    assert.deepEqual(metadata.unknown_genre_ids, [424242]);
    assert.equal(metadata.missing_year, 1);
  });
});
