/**
 * Two assets that have nothing to do with films: hourly readings from two sites (one partition each, made up
 * here so the example runs offline), and each site's daily mean.
 */
import { z } from 'zod';
import { createAssetGraph, defineAsset } from 'medallion';

export const SITES = ['north', 'south'] as const;

export const readings = defineAsset({
  key: 'raw/readings',
  description: 'Hourly temperature readings, one partition per site (generated: two days).',
  schema: z.object({ site: z.enum(SITES), hour: z.iso.datetime(), celsius: z.number() }),
  partitions: SITES,
  codeVersion: '1',
  async materialize(ctx) {
    const site = ctx.partition as (typeof SITES)[number];
    const offset = site === 'north' ? 0 : 6;
    const rows = Array.from({ length: 48 }, (_, hour) => ({
      site,
      hour: new Date(Date.UTC(2026, 0, 1, hour)).toISOString(),
      // A day's cycle around 10 °C (16 °C in the south).
      celsius: 10 + offset + 5 * Math.sin(((hour % 24) - 9) * (Math.PI / 12)),
    }));
    return { rows, metadata: { site } };
  },
});

export const dailyMeans = defineAsset({
  key: 'gold/daily_means',
  description: "Each site's mean temperature per day.",
  schema: z.object({ site: z.string(), day: z.string(), celsius: z.number(), readings: z.int() }),
  deps: { readings },
  codeVersion: '1',
  async materialize(_ctx, inputs) {
    const days = new Map<string, { site: string; day: string; sum: number; readings: number }>();
    for (const { site, hour, celsius } of await inputs.readings.rows()) {
      const key = `${site} ${hour.slice(0, 10)}`;
      const day = days.get(key) ?? { site, day: hour.slice(0, 10), sum: 0, readings: 0 };
      day.sum += celsius;
      day.readings += 1;
      days.set(key, day);
    }
    const rows = [...days.values()].map(({ site, day, sum, readings }) => ({ site, day, celsius: Math.round((sum / readings) * 100) / 100, readings }));
    return { rows, metadata: { days: rows.length } };
  },
});

export const graph = createAssetGraph([readings, dailyMeans]);
