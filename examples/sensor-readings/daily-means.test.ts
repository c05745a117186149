// The example's own test: one asset, its input given as rows, no lake and no CLI (runtime/testing.ts).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inputFromRows, materializeForTest } from 'medallion/testing';
import { dailyMeans, readings } from './assets.ts';

describe('example: gold/daily_means', () => {
  it("averages each site's readings per day", async () => {
    const hours: Array<{ site: 'north' | 'south'; hour: string; celsius: number }> = [
      { site: 'north', hour: '2026-01-01T00:00:00.000Z', celsius: 4 },
      { site: 'north', hour: '2026-01-01T12:00:00.000Z', celsius: 8 },
      { site: 'north', hour: '2026-01-02T00:00:00.000Z', celsius: 1 },
      { site: 'south', hour: '2026-01-01T00:00:00.000Z', celsius: 20 },
    ];
    const { rows, metadata } = await materializeForTest(dailyMeans, { readings: inputFromRows(readings, hours) });
    assert.deepEqual(rows, [
      { site: 'north', day: '2026-01-01', celsius: 6, readings: 2 },
      { site: 'north', day: '2026-01-02', celsius: 1, readings: 1 },
      { site: 'south', day: '2026-01-01', celsius: 20, readings: 1 },
    ]);
    assert.equal(metadata.days, 3);
  });
});
