import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { createEmulator } from '../../../../assets/sources/emulator/emulator-app.ts';
import { startEmulatorThread } from '../../../../assets/sources/emulator/thread-fetch.ts';
import { discogsGet, tmdbGet } from './emulator-requests.ts';
import { SAMPLE_SERVICES } from '../../../../assets/sources/emulator/in-process-defaults.ts';

describe('the emulator in a worker thread', () => {
  const local = createEmulator({ films: 200, seed: 11, ...SAMPLE_SERVICES });
  const thread = { ...startEmulatorThread({ films: 200, seed: 11 }), urls: local.urls };

  it('answers as the emulator in this thread does: status, headers and body, the request headers carried across', async () => {
    const [there, here] = await Promise.all([tmdbGet(thread, '/movie/popular?page=2'), tmdbGet(local, '/movie/popular?page=2')]);
    assert.equal(there.status, 200);
    assert.equal(there.headers.get('content-type'), here.headers.get('content-type'));
    assert.deepEqual(JSON.parse(await there.text()), await here.json());
    const title = local.catalogue.films[0]!.title;
    const search = `/database/search?q=${encodeURIComponent(title)}&type=release`;
    const [found, expected] = await Promise.all([discogsGet(thread, search), discogsGet(local, search)]);
    assert.equal(found.status, 200);
    assert.equal(found.headers.get('x-discogs-ratelimit'), expected.headers.get('x-discogs-ratelimit'));
    assert.deepEqual(JSON.parse(await found.text()), await expected.json());
    // Without the token header, Discogs' anonymous answer: the header did cross.
    const anonymous = await thread.fetch(`${local.urls.discogs}/database/search?q=x`, { headers: { 'user-agent': 'tests/1.0' } });
    assert.equal(anonymous.status, 401);
    assert.equal((await thread.fetch(`${local.urls.tmdb}/movie/popular?api_key=wrong`, {})).status, 401);
  });

  it("gives the catalogue's true pairs", async () => {
    assert.deepEqual(await thread.truth(), local.catalogue.truth);
  });

  it('rejects with the reason when the request is aborted, before or after it is sent', async () => {
    const controller = new AbortController();
    const pending = tmdbGet(thread, '/movie/popular?page=3', { signal: controller.signal });
    controller.abort(new Error('given up'));
    await assert.rejects(pending, /given up/);
    await assert.rejects(tmdbGet(thread, '/movie/popular?page=3', { signal: AbortSignal.abort(new Error('never sent')) }), /never sent/);
    // The thread still answers after an abandoned request.
    assert.equal((await tmdbGet(thread, '/movie/popular?page=4')).status, 200);
  });

  it('does not keep the process alive once nothing is in flight', () => {
    const module = fileURLToPath(new URL('../../../../assets/sources/emulator/thread-fetch.ts', import.meta.url));
    const script = `const { startEmulatorThread } = await import(${JSON.stringify(module)});
      const thread = startEmulatorThread({ films: 50, seed: 3 });
      const response = await thread.fetch('http://emulator.local/tmdb/3/movie/popular?page=1&api_key=wrong', {});
      console.log(response.status);`;
    const child = spawnSync(process.execPath, ['--conditions=source', '--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 });
    assert.equal(child.signal, null, `the process was still running after ${60} s: ${child.stderr}`);
    assert.equal(child.status, 0, child.stderr);
    assert.equal(child.stdout.trim(), '401');
  });
});
