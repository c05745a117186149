import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildCatalogue } from '../../../../assets/sources/emulator/catalogue.ts';
import { createEmulator } from '../../../../assets/sources/emulator/emulator-app.ts';
import { DEFAULT_CREDENTIALS } from '../../../../assets/sources/emulator/in-process-defaults.ts';
import { jsonOf } from '../../../support/json.ts';
import { tmdbGet, type TmdbErrorBody, type TmdbFilmPage } from './emulator-requests.ts';

/** `/movie/{id}` (with credits and external ids appended) as the tests read it. */
interface MovieBody {
  readonly id: number;
  readonly title: string;
  readonly release_date: string;
  readonly genres: readonly { readonly id: number; readonly name: string }[];
  readonly runtime: number;
  readonly imdb_id: string | null;
  readonly status: string;
  readonly credits: { readonly crew: readonly { readonly job: string; readonly name: string }[] };
  readonly external_ids: { readonly imdb_id: string | null };
}

const INVALID_PAGE = {
  success: false,
  status_code: 22,
  status_message: 'Invalid page: Pages start at 1 and max at 500. They are expected to be an integer.',
};
const INVALID_KEY = { status_code: 7, status_message: 'Invalid API key: You must be granted a valid key.', success: false };

describe('emulated TMDB', () => {
  // 12,000 films: more than 500 pages' worth, so totals exceed what paging can reach.
  const catalogue = buildCatalogue({ films: 12_000, seed: 3 });
  const emulator = createEmulator({ catalogue, tmdb: { rateLimit: false } });

  it('pages /movie/popular 20 at a time in popular order, with uncapped true totals', async () => {
    const first = await jsonOf<TmdbFilmPage>(tmdbGet(emulator, '/movie/popular'));
    assert.deepEqual(Object.keys(first), ['page', 'results', 'total_pages', 'total_results']);
    assert.equal(first.page, 1);
    assert.equal(first.total_results, 12_000);
    assert.equal(first.total_pages, 600);
    assert.deepEqual(first.results.map((film) => film.id), catalogue.films.slice(0, 20).map((film) => film.id));
    assert.deepEqual(first.results[0], catalogue.films[0]);
    const last = await jsonOf<TmdbFilmPage>(tmdbGet(emulator, '/movie/popular?page=500&language=en-US'));
    assert.deepEqual(last.results.map((film) => film.id), catalogue.films.slice(9_980, 10_000).map((film) => film.id));
  });

  it('refuses pages outside 1..500 and non-integer pages with 400 code 22', async () => {
    for (const page of ['501', '0', 'abc', '1.5']) {
      const response = await tmdbGet(emulator, `/movie/popular?page=${page}`);
      assert.equal(response.status, 400, page);
      assert.deepEqual(await jsonOf<unknown>(response), INVALID_PAGE);
    }
  });

  it('can answer beyond-500 pages the older way (422 with an errors list)', async () => {
    const legacy = createEmulator({ catalogue, tmdb: { rateLimit: false, legacyPageError: true } });
    const response = await tmdbGet(legacy, '/discover/movie?page=501');
    assert.equal(response.status, 422);
    assert.deepEqual(await jsonOf<unknown>(response), { errors: ['page must be less than or equal to 500'] });
  });

  it('discovers by primary_release_year in popularity order, with that year’s totals', async () => {
    const year = catalogue.films[0]!.release_date.slice(0, 4);
    const ofYear = catalogue.films.filter((film) => film.release_date.startsWith(`${year}-`));
    const page = await jsonOf<TmdbFilmPage>(tmdbGet(emulator, `/discover/movie?primary_release_year=${year}&sort_by=popularity.desc&include_adult=false`));
    assert.equal(page.total_results, ofYear.length);
    assert.equal(page.total_pages, Math.ceil(ofYear.length / 20));
    assert.deepEqual(page.results.map((film) => film.id), ofYear.slice(0, 20).map((film) => film.id));
    const byDate = await jsonOf<TmdbFilmPage>(tmdbGet(emulator, `/discover/movie?primary_release_year=${year}&sort_by=primary_release_date.asc`));
    const dates = byDate.results.map((film) => film.release_date);
    assert.deepEqual(dates, [...dates].sort());
  });

  it('searches titles by every query word, optionally within a year', async () => {
    const film = catalogue.films.find((candidate) => candidate.title === 'Total Recall' && candidate.release_date.startsWith('1990'))!;
    const both = await jsonOf<TmdbFilmPage>(tmdbGet(emulator, '/search/movie?query=total%20recall'));
    assert.ok(both.results.length >= 2);
    assert.ok(both.results.every((result) => /total recall/i.test(result.title)));
    const in1990 = await jsonOf<TmdbFilmPage>(tmdbGet(emulator, '/search/movie?query=Total+Recall&year=1990'));
    assert.deepEqual(in1990.results.map((result) => result.id), [film.id]);
    const none = await jsonOf<TmdbFilmPage>(tmdbGet(emulator, '/search/movie?query=zzzz-nothing'));
    assert.deepEqual(none, { page: 1, results: [], total_pages: 1, total_results: 0 });
  });

  it('renders /movie/{id} details: genres as {id,name}, runtime, imdb_id, and appended credits', async () => {
    const film = catalogue.films[0]!;
    const details = await jsonOf<MovieBody>(tmdbGet(emulator, `/movie/${film.id}?append_to_response=credits,external_ids`));
    assert.equal(details.id, film.id);
    assert.equal(details.title, film.title);
    assert.equal(details.release_date, film.release_date);
    assert.deepEqual(details.genres.map((genre) => genre.id), film.genre_ids);
    assert.ok(details.genres.every((genre) => genre.name.length > 0));
    assert.equal(typeof details.runtime, 'number');
    assert.ok(details.imdb_id === null || /^tt\d{7}$/.test(details.imdb_id));
    assert.equal(details.status, 'Released');
    assert.deepEqual(details.credits.crew[0]?.job, 'Original Music Composer');
    assert.equal(details.credits.crew[0]?.name, catalogue.filmFacts.get(film.id)!.composer);
    assert.equal(details.external_ids.imdb_id, details.imdb_id);
    const undated = catalogue.films.find((candidate) => candidate.release_date === '')!;
    const sparse = await jsonOf<MovieBody>(tmdbGet(emulator, `/movie/${undated.id}`));
    assert.equal(sparse.runtime, 0);
    assert.equal(sparse.imdb_id, null);
    assert.notEqual(sparse.status, 'Released');
  });

  it('answers an unknown id or path with 404 code 34, and too many appends with code 27', async () => {
    for (const path of ['/movie/1', '/movie/abc', '/tv/popular']) {
      const response = await tmdbGet(emulator, path);
      assert.equal(response.status, 404, path);
      assert.deepEqual(await jsonOf<unknown>(response), { success: false, status_code: 34, status_message: 'The resource you requested could not be found.' });
    }
    const many = Array.from({ length: 21 }, (_, index) => `x${index}`).join(',');
    const response = await tmdbGet(emulator, `/movie/${catalogue.films[0]!.id}?append_to_response=${many}`);
    assert.equal(response.status, 400);
    assert.equal((await jsonOf<TmdbErrorBody>(response)).status_code, 27);
  });

  it('serves the English genre list', async () => {
    const { genres } = await jsonOf<{ genres: { id: number; name: string }[] }>(tmdbGet(emulator, '/genre/movie/list?language=en'));
    assert.equal(genres.length, 19);
    assert.deepEqual(genres[0], { id: 28, name: 'Action' });
  });

  it('accepts an api_key or a Bearer token, and answers 401 code 7 otherwise, on any path', async () => {
    const base = emulator.urls.tmdb;
    const bearer = await emulator.fetch(`${base}/movie/popular`, { headers: { authorization: `Bearer ${DEFAULT_CREDENTIALS.tmdbBearerToken}` } });
    assert.equal(bearer.status, 200);
    for (const url of [`${base}/movie/popular`, `${base}/movie/popular?api_key=wrong`, `${base}/no/such/path`]) {
      const response = await emulator.fetch(url, { headers: { authorization: 'Bearer not-a-token' } });
      assert.equal(response.status, 401, url);
      assert.match(response.headers.get('content-type') ?? '', /^application\/json/);
      assert.deepEqual(await jsonOf<unknown>(response), INVALID_KEY);
    }
    const custom = createEmulator({ catalogue, tmdb: { apiKeys: ['k1'], bearerTokens: [], rateLimit: false } });
    assert.equal((await custom.fetch(`${custom.urls.tmdb}/genre/movie/list?api_key=k1`)).status, 200);
    assert.equal((await tmdbGet(custom, '/genre/movie/list')).status, 401);
  });
});
