import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NonRetriableError, RetryAfterError } from '../../../runtime/index.ts';
import { HttpRefusalError, RequestFailedError } from '../../../assets/sources/http/request-errors.ts';
import type { ResponseEvent } from '../../../assets/sources/http/request-events.ts';
import { createTmdbClient, type TmdbClientOptions } from '../../../assets/sources/tmdb-client.ts';
import { connectionReset, json, recordingSleep, scriptedFetch, text, tmdbPage, type Reply } from './http/scripted-fetch.ts';

const API_KEY = '0123456789abcdef0123456789abcdef';
const BASE = 'http://tmdb.test/3';

/** The client's clock: fixed, so nothing here reads the wall clock (Retry-After dates, durations, request times). */
const NOW = Date.parse('2026-01-01T00:00:00Z');

function client(replies: readonly Reply[], options: Partial<TmdbClientOptions> = {}) {
  const now = () => NOW;
  const fake = scriptedFetch(replies, now);
  const { delays, sleep } = recordingSleep();
  const responses: ResponseEvent[] = [];
  const tmdb = createTmdbClient({
    apiKey: API_KEY, baseUrl: BASE, fetch: fake.fetch, rateLimit: false, now, sleep, random: () => 0.5,
    retry: { maxAttempts: 5, initialDelayMs: 100 }, onResponse: (event) => responses.push(event),
    ...options,
  } as TmdbClientOptions);
  return { tmdb, requests: fake.requests, delays, responses };
}

const tmdbError = (status: number, code: number, message: string) => json(status, { success: false, status_code: code, status_message: message });

describe('TMDB client', () => {
  it('sends api_key as a query parameter, or a read access token as a Bearer header, and validates the envelope', async () => {
    const byKey = client([json(200, tmdbPage(3))]);
    assert.deepEqual(await byKey.tmdb.popularPage(3), tmdbPage(3));
    assert.equal(byKey.requests[0]!.url.href, `${BASE}/movie/popular?page=3&api_key=${API_KEY}`);
    assert.equal(byKey.requests[0]!.headers.get('authorization'), null);

    const byToken = client([json(200, tmdbPage(1))], { apiKey: undefined, readAccessToken: 'eyJhbGciOi.eyJzdWIiOi.sig' });
    await byToken.tmdb.discoverPage({ primary_release_year: 1999, sort_by: 'popularity.desc' }, 1);
    assert.equal(byToken.requests[0]!.url.href, `${BASE}/discover/movie?primary_release_year=1999&sort_by=popularity.desc&page=1`);
    assert.equal(byToken.requests[0]!.headers.get('authorization'), 'Bearer eyJhbGciOi.eyJzdWIiOi.sig');
  });

  it('builds search, movie and genre requests', async () => {
    const { tmdb, requests } = client([json(200, tmdbPage(2)), json(200, { id: 550, title: 'Fight Club' }), json(200, { genres: [{ id: 28, name: 'Action' }] })]);
    await tmdb.searchMovies({ query: 'Fight Club', year: 1999 }, 2);
    assert.deepEqual(await tmdb.movie(550, { appendToResponse: ['credits', 'keywords'] }), { id: 550, title: 'Fight Club' });
    assert.deepEqual((await tmdb.genres()).genres, [{ id: 28, name: 'Action' }]);
    assert.deepEqual(requests.map((request) => `${request.url.pathname}${request.url.search.replace(`&api_key=${API_KEY}`, '').replace(`?api_key=${API_KEY}`, '')}`), [
      '/3/search/movie?query=Fight+Club&year=1999&page=2',
      '/3/movie/550?append_to_response=credits%2Ckeywords',
      '/3/genre/movie/list',
    ]);
  });

  it('fails at once on 401 status_code 7, after exactly one request, saying what to set', async () => {
    const { tmdb, requests } = client([tmdbError(401, 7, 'Invalid API key: You must be granted a valid key.')]);
    const error = await tmdb.popularPage(1).catch((caught: unknown) => caught);
    assert.ok(error instanceof NonRetriableError && error instanceof HttpRefusalError);
    assert.equal(error.reason, 'auth');
    assert.equal(requests.length, 1);
    assert.match(error.message, /^TMDB GET \/movie\/popular\?page=1 was refused: 401 Unauthorized \(status_code 7: Invalid API key/);
    assert.match(error.message, /TMDB_API_KEY/);
    assert.match(error.message, /TMDB_READ_ACCESS_TOKEN/);
    assert.ok(!error.message.includes(API_KEY));
  });

  it('retries 429, 500, 502, 503, a reset and a truncated body, with full-jitter backoff, then succeeds', async () => {
    const replies = [
      tmdbError(429, 25, 'Your request count (41) is over the allowed limit of (40).'),
      tmdbError(500, 11, 'Internal error'), text(502, 'Bad Gateway'), tmdbError(503, 9, 'Service offline'),
      connectionReset(), text(200, '{"page":4,"results":[{"id":1'), json(200, tmdbPage(4)),
    ];
    const { tmdb, requests, delays, responses } = client(replies, { retry: { maxAttempts: 7, initialDelayMs: 100 } });
    assert.deepEqual(await tmdb.popularPage(4), tmdbPage(4));
    assert.equal(requests.length, 7);
    // random() = 0.5 of ceilings 100, 200, 400, …
    assert.deepEqual(delays, [50, 100, 200, 400, 800, 1600]);
    assert.deepEqual(responses.map((event) => [event.attempt, event.status]), [[1, 429], [2, 500], [3, 502], [4, 503], [5, undefined], [6, 200], [7, 200]]);
    assert.match(responses[4]!.error!, /network error: fetch failed \(ECONNRESET/);
    assert.match(responses[5]!.error!, /malformed JSON in the 200 response/);
  });

  it('names the request and page when retries run out', async () => {
    const { tmdb, requests } = client([text(503, '')]);
    const error = await tmdb.popularPage(7).catch((caught: unknown) => caught);
    assert.ok(error instanceof RequestFailedError && !(error instanceof NonRetriableError));
    assert.equal(error.message, 'TMDB GET /movie/popular?page=7 failed after 5 attempts: 503 Service Unavailable');
    assert.equal(requests.length, 5);
  });

  it('retries a malformed envelope, then names the zod issue', async () => {
    const { tmdb, requests } = client([json(200, { page: 2, results: { id: 1 }, total_pages: 3, total_results: 41 })], { retry: { maxAttempts: 3 } });
    await assert.rejects(tmdb.popularPage(2), {
      name: 'RequestFailedError',
      message: /^TMDB GET \/movie\/popular\?page=2 failed after 3 attempts: invalid response envelope: results: .*expected array/,
    });
    assert.equal(requests.length, 3);
  });

  it('throws RetryAfterError when 429s outlast the retries, honouring Retry-After between them', async () => {
    const limited = tmdbError(429, 25, 'Your request count (41) is over the allowed limit of (40).');
    const withHeader = client([() => new Response('{"status_code":25,"status_message":"over"}', { status: 429, headers: { 'retry-after': '3' } })], { retry: { maxAttempts: 3 } });
    const error = await withHeader.tmdb.popularPage(9).catch((caught: unknown) => caught);
    assert.ok(error instanceof RetryAfterError);
    assert.equal(error.retryAfterMs, 3000);
    assert.deepEqual(withHeader.delays, [3000, 3000]);
    assert.match(error.message, /^TMDB GET \/movie\/popular\?page=9 failed after 3 attempts: 429 Too Many Requests/);

    const without = client([limited], { retry: { maxAttempts: 3, initialDelayMs: 500 } });
    const hinted = await without.tmdb.popularPage(1).catch((caught: unknown) => caught);
    assert.ok(hinted instanceof RetryAfterError);
    assert.equal(hinted.retryAfterMs, 2000); // the ceiling of the next backoff: 500 × 2²
  });

  it('reads a Retry-After date on the client\'s clock, not the wall clock', async () => {
    const at = new Date(NOW + 7_000).toUTCString();
    const { tmdb, delays } = client([json(429, { status_code: 25, status_message: 'over' }, { 'retry-after': at }), json(200, tmdbPage(1))]);
    await tmdb.popularPage(1);
    assert.deepEqual(delays, [7000]);
  });

  it('gives up at once when Retry-After is longer than maxRetryAfterMs', async () => {
    const { tmdb, requests } = client([json(429, { status_code: 25, status_message: 'over' }, { 'retry-after': '600' })]);
    await assert.rejects(tmdb.popularPage(1), (error: unknown) => error instanceof RetryAfterError && error.retryAfterMs === 600_000);
    assert.equal(requests.length, 1);
  });

  it('reports 404 status_code 34 as not found, without retrying', async () => {
    const { tmdb, requests } = client([tmdbError(404, 34, 'The resource you requested could not be found.')]);
    await assert.rejects(tmdb.movie(99999999), (error: unknown) =>
      error instanceof HttpRefusalError && error.reason === 'not-found' &&
      error.message === 'TMDB GET /movie/99999999: not found (404 Not Found (status_code 34: The resource you requested could not be found.))');
    assert.equal(requests.length, 1);
  });

  it('refuses pages outside 1..500 without a request, and does not retry a 400 or the legacy 422', async () => {
    const { tmdb, requests } = client([tmdbError(400, 22, 'Invalid page'), json(422, { errors: ['page must be less than or equal to 500'] })]);
    await assert.rejects(tmdb.popularPage(501), NonRetriableError);
    await assert.rejects(tmdb.popularPage(0), /max at 500/);
    assert.equal(requests.length, 0);
    await assert.rejects(tmdb.searchMovies({ query: 'x' }, 3), { name: 'HttpRefusalError', message: /was rejected: 400 Bad Request \(status_code 22: Invalid page\)/ });
    await assert.rejects(tmdb.searchMovies({ query: 'x' }, 4), /was rejected: 422 Unprocessable Entity \(page must be less than or equal to 500\)/);
    assert.equal(requests.length, 2);
  });

  it('throws the abort reason, without retrying, when its signal aborts', async () => {
    const controller = new AbortController();
    const { tmdb, requests } = client([() => (controller.abort(new Error('run cancelled')), new Response('', { status: 503 }))], { signal: controller.signal });
    await assert.rejects(tmdb.popularPage(1), /run cancelled/);
    assert.equal(requests.length, 1);
  });
});
