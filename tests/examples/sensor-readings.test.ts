// examples/sensor-readings as a user runs it: the CLI in the example's folder finds its config, materializes
// its partitioned graph, and reads it back. The framework serves a graph that is not the films pipeline.
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { runCliIn } from '../support/capture-cli.ts';
import { createTempLake, type TempLake } from '../support/temp-lake.ts';

const folder = fileURLToPath(new URL('../../examples/sensor-readings', import.meta.url));

describe('examples/sensor-readings', () => {
  let lake: TempLake;
  const medallion = (...argv: string[]) => runCliIn(folder, argv, { MEDALLION_LAKE: lake.root });
  before(async () => { lake = await createTempLake(); });
  after(async () => { await lake.cleanup(); });

  it('materializes both partitions and the daily means, then reports everything fresh', async () => {
    const run = await medallion('materialize', '--all');
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /raw\/readings\[north\]\s+materialized\s+48/);
    assert.match(run.stdout, /raw\/readings\[south\]\s+materialized\s+48/);
    assert.match(run.stdout, /3 materialized, 0 skipped, 0 failed/);
    const status = await medallion('status');
    assert.match(status.stdout, /All 2 selected assets are fresh/);
  });

  it('serves the means it computed', async () => {
    const shown = await medallion('show', 'gold/daily_means', '--json');
    assert.equal(shown.code, 0, shown.stderr);
    const { rows } = JSON.parse(shown.stdout) as { rows: Array<{ site: string; day: string; celsius: number; readings: number }> };
    assert.deepEqual(rows.map((row) => `${row.site} ${row.day} ${row.readings}`), ['north 2026-01-01 24', 'north 2026-01-02 24', 'south 2026-01-01 24', 'south 2026-01-02 24']);
    assert.ok(rows.every((row) => row.celsius === (row.site === 'north' ? 10 : 16)), 'a full day of the cycle averages to its centre');
  });
});
