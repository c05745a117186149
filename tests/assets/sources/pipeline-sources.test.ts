import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createEmulator } from '../../../assets/sources/emulator/emulator-app.ts';
import { sourcesFromEnvironment } from '../../../assets/sources/pipeline-sources.ts';
import { ConfigError } from '../../../runtime/index.ts';
import { SAMPLE_SERVICES } from '../../../assets/sources/emulator/in-process-defaults.ts';

const fastRetries = { client: { retry: { initialDelayMs: 1, maxDelayMs: 2 } } };

describe('the pipeline sources from the environment', () => {
  it('makes MEDALLION_SOURCE_ATTEMPTS attempts per request, keeping the other retry settings', async () => {
    for (const [attempts, expected] of [[undefined, 'fetched'], ['1', 'failed'], ['3', 'fetched']] as const) {
      const emulator = createEmulator({ films: 60, ...SAMPLE_SERVICES });
      emulator.faults.add({ kind: '503', api: 'tmdb', path: '/movie/popular', times: 2 });
      const env = { MEDALLION_SOURCE: 'sample', ...(attempts === undefined ? {} : { MEDALLION_SOURCE_ATTEMPTS: attempts }) };
      const { films } = sourcesFromEnvironment(env, { emulator, ...fastRetries });
      const outcome = await films.popularPage(1).then(() => 'fetched', (error: unknown) => {
        assert.match(String(error), /503/);
        return 'failed';
      });
      assert.equal(outcome, expected, `MEDALLION_SOURCE_ATTEMPTS=${attempts}`);
      assert.equal(emulator.stats.count({ api: 'tmdb' }), attempts === '1' ? 1 : 3);
    }
  });

  it('refuses a MEDALLION_SOURCE_ATTEMPTS that is not a whole number from 1 to 20, by name', () => {
    for (const bad of ['0', '21', '2.5', 'many']) {
      assert.throws(() => sourcesFromEnvironment({ MEDALLION_SOURCE: 'sample', MEDALLION_SOURCE_ATTEMPTS: bad }), (error: unknown) =>
        error instanceof ConfigError && error.message === `MEDALLION_SOURCE_ATTEMPTS must be a whole number from 1 to 20, not "${bad}".`);
    }
  });

  it('serves the default sample from the emulator thread: the pages and the true pairs of an in-process emulator of the same size and seed', async () => {
    const env = { MEDALLION_SOURCE: 'sample', MEDALLION_SAMPLE_FILMS: '60', MEDALLION_SAMPLE_SEED: '5' };
    const threaded = sourcesFromEnvironment(env);
    const emulator = createEmulator({ films: 60, seed: 5, ...SAMPLE_SERVICES });
    const inProcess = sourcesFromEnvironment(env, { emulator });
    assert.deepEqual(await threaded.films.popularPage(2), await inProcess.films.popularPage(2));
    assert.equal(emulator.stats.count({ api: 'tmdb' }), 1, 'the threaded sources did not ask the in-process emulator');
    assert.deepEqual(await threaded.groundTruth!.pairs(), await inProcess.groundTruth!.pairs());
  });
});
