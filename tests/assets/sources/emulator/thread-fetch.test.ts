import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createEmulator, DEFAULT_CREDENTIALS, IN_PROCESS_ORIGIN } from '../../../../assets/sources/emulator/emulator-app.ts';
import { startEmulatorThread } from '../../../../assets/sources/emulator/thread-fetch.ts';

const popular = `${IN_PROCESS_ORIGIN}/tmdb/3/movie/popular?page=2&api_key=${DEFAULT_CREDENTIALS.tmdbApiKey}`;

describe('the emulator in a worker thread', () => {
  const thread = startEmulatorThread({ films: 200, seed: 11 });
  const local = createEmulator({ films: 200, seed: 11, tmdb: { rateLimit: false }, discogs: { rateLimit: false } });

  it('answers as the emulator in this thread does: status, headers, body', async () => {
    const [there, here] = await Promise.all([thread.fetch(popular), local.fetch(popular)]);
    assert.equal(there.status, 200);
    assert.equal(there.headers.get('content-type'), here.headers.get('content-type'));
    assert.deepEqual(await there.json(), await here.json());
    const refused = await thread.fetch(`${IN_PROCESS_ORIGIN}/tmdb/3/movie/popular?api_key=wrong`);
    assert.equal(refused.status, 401);
  });

  it('gives the catalogue\'s true pairs', async () => {
    assert.deepEqual(await thread.truth(), local.catalogue.truth);
  });

  it('rejects at once when the request is aborted', async () => {
    const controller = new AbortController();
    const pending = thread.fetch(popular, { signal: controller.signal });
    controller.abort(new Error('given up'));
    await assert.rejects(pending, /given up/);
  });
});
