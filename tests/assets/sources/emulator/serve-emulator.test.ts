import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CommandContext } from '../../../../runtime/index.ts';
import { emulateCommand, emulatorOptionsOf, runEmulate } from '../../../../assets/sources/emulator/emulate-command.ts';
import { DEFAULT_CREDENTIALS } from '../../../../assets/sources/emulator/in-process-defaults.ts';
import { serveEmulator, type ServedEmulator } from '../../../../assets/sources/emulator/serve-emulator.ts';
import { jsonOf } from '../../../support/json.ts';
import { USER_AGENT, type DiscogsReleasePage, type TmdbErrorBody, type TmdbFilmPage } from './emulator-requests.ts';

describe('the emulator over a loopback socket', () => {
  let served: ServedEmulator;
  const popular = (page: number) => fetch(`${served.tmdbBaseUrl}/movie/popular?page=${page}&api_key=${DEFAULT_CREDENTIALS.tmdbApiKey}`);

  before(async () => {
    served = await serveEmulator({
      port: 0,
      films: 300,
      faults: {
        rules: [
          { kind: 'reset', api: 'tmdb', path: '/movie/popular', page: 2, times: 1 },
          { kind: 'truncated', api: 'tmdb', page: 3, times: 1 },
          { kind: '503', api: 'tmdb', page: 4, times: 1 },
        ],
      },
    });
  });
  after(() => served.close());

  it('listens on an ephemeral loopback port and serves both APIs', async () => {
    assert.match(served.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    const first = await popular(1);
    assert.equal(first.status, 200);
    assert.equal((await jsonOf<TmdbFilmPage>(first)).total_results, 300);
    const search = await fetch(`${served.discogsBaseUrl}/database/search?q=score`, {
      headers: { 'user-agent': USER_AGENT, authorization: `Discogs token=${DEFAULT_CREDENTIALS.discogsToken}` },
    });
    assert.equal(search.status, 200);
    assert.equal(search.headers.get('x-discogs-ratelimit'), '60');
    assert.ok((await jsonOf<DiscogsReleasePage>(search)).pagination.urls.next?.startsWith(`${served.discogsBaseUrl}/database/search?`));
  });

  it('drops the socket on a reset: fetch fails as against a dead peer, then the page is served', async () => {
    await assert.rejects(popular(2), (error: TypeError & { cause?: { code?: string } }) => {
      assert.equal(error.message, 'fetch failed');
      assert.ok(['UND_ERR_SOCKET', 'ECONNRESET'].includes(error.cause?.code ?? ''), error.cause?.code);
      return true;
    });
    assert.equal((await popular(2)).status, 200);
  });

  it('sends a truncated body with a 200 and a Content-Length that fits it', async () => {
    const response = await popular(3);
    assert.equal(response.status, 200);
    const text = await response.text();
    assert.equal(Number(response.headers.get('content-length')), Buffer.byteLength(text));
    assert.throws(() => JSON.parse(text), SyntaxError);
  });

  it('serves a 503 with TMDB’s body, once', async () => {
    const response = await popular(4);
    assert.equal(response.status, 503);
    assert.equal((await jsonOf<TmdbErrorBody>(response)).status_code, 9);
    assert.equal((await popular(4)).status, 200);
    assert.deepEqual(served.emulator.stats.requests({ path: '/movie/popular' }).map((record) => record.status), [200, 0, 200, 200, 503, 200]);
  });
});

describe('medallion emulate', () => {
  it('prints the base URLs and client environment, serves until stopped, then closes', async () => {
    let output = '';
    let stop!: () => void;
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    const values = { port: '0', films: '200', seed: '5', 'discogs-limit': '30', faults: '503:0.5' };
    const ctx = {
      io: { stdout: { write: (text: string) => (output += text) }, stderr: { write: () => true }, env: {}, cwd: '.' },
      positionals: [],
      values,
      json: true,
      graph: () => Promise.reject(new Error('unused')),
      lake: () => { throw new Error('unused'); },
    } as unknown as CommandContext;
    const running = runEmulate(ctx, stopped);
    while (!output.includes('\n')) await new Promise((resolve) => setTimeout(resolve, 10));
    const summary = JSON.parse(output) as { films: number; url: string; env: Record<string, string> };
    assert.equal(summary.films, 200);
    assert.equal(summary.env.TMDB_API_KEY, DEFAULT_CREDENTIALS.tmdbApiKey);
    assert.equal(summary.env.DISCOGS_BASE_URL, `${summary.url}/discogs`);
    const response = await fetch(`${summary.env.TMDB_BASE_URL}/genre/movie/list?api_key=${summary.env.TMDB_API_KEY}`);
    assert.ok([200, 503].includes(response.status));
    stop();
    assert.equal(await running, 0);
    await assert.rejects(fetch(`${summary.url}/tmdb/3/genre/movie/list`));
  });

  it('declares its options and refuses bad values', () => {
    assert.ok('port' in emulateCommand.options && 'faults' in emulateCommand.options);
    assert.deepEqual(emulatorOptionsOf({ unlimited: true }).discogs, { rateLimit: false });
    assert.deepEqual(emulatorOptionsOf({ 'discogs-limit': '10', 'discogs-window-ms': '5000' }).discogs, { rateLimit: { limit: 10, windowMs: 5000 } });
    assert.throws(() => emulatorOptionsOf({ films: 'many' }), /--films must be a whole number/);
    assert.throws(() => emulatorOptionsOf({ faults: 'nope:1' }), /--faults: .*unknown kind/);
  });
});
