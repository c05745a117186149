/**
 * The files `medallion init` writes: a two-asset project (a partitioned raw asset and a gold one downstream
 * of it) that runs offline with no credentials, a test written with `medallion/testing`, and a README.
 */

export const CONFIG = `// The project: its asset graph. The CLI finds this file from any folder below it; its lake is data/lake beside it.
import { defineConfig } from 'medallion';
import { graph } from './assets.ts';

export default defineConfig({ graph });
`;

export const ASSETS = `import { z } from 'zod';
import { createAssetGraph, defineAsset } from 'medallion';

export const REGIONS = ['eu', 'us'] as const;

/** Bronze: each region's orders, one partition per region (made up here, so the project runs offline). */
export const orders = defineAsset({
  key: 'raw/orders',
  description: "Each region's orders, one partition per region.",
  schema: z.object({ order_id: z.string(), region: z.enum(REGIONS), day: z.iso.date(), amount: z.number().nonnegative() }),
  partitions: REGIONS,
  codeVersion: '1',
  async materialize(ctx) {
    const region = ctx.partition as (typeof REGIONS)[number];
    const rows = Array.from({ length: 30 }, (_, index) => ({
      order_id: \`\${region}-\${index + 1}\`,
      region,
      day: \`2026-01-0\${(index % 3) + 1}\`,
      amount: ((index * 37) % 100) + 0.5,
    }));
    return { rows, metadata: { orders: rows.length } };
  },
});

/** Gold: revenue per region and day, from every partition of raw/orders. */
export const dailyRevenue = defineAsset({
  key: 'gold/daily_revenue',
  description: 'Revenue and orders per region and day.',
  schema: z.object({ region: z.string(), day: z.string(), revenue: z.number(), orders: z.int() }),
  deps: { orders },
  codeVersion: '1',
  async materialize(_ctx, inputs) {
    const days = new Map<string, { region: string; day: string; revenue: number; orders: number }>();
    for (const order of await inputs.orders.rows()) {
      const key = \`\${order.region} \${order.day}\`;
      const day = days.get(key) ?? { region: order.region, day: order.day, revenue: 0, orders: 0 };
      day.revenue += order.amount;
      day.orders += 1;
      days.set(key, day);
    }
    const rows = [...days.values()].sort((a, b) => a.region.localeCompare(b.region) || a.day.localeCompare(b.day));
    return { rows, metadata: { days: rows.length } };
  },
});

export const graph = createAssetGraph([orders, dailyRevenue]);
`;

export const TEST = `import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inputFromRows, materializeForTest } from 'medallion/testing';
import { dailyRevenue, orders } from './assets.ts';

test("gold/daily_revenue sums each region's orders per day", async () => {
  const placed = inputFromRows(orders, [
    { order_id: 'eu-1', region: 'eu', day: '2026-01-01', amount: 10 },
    { order_id: 'eu-2', region: 'eu', day: '2026-01-01', amount: 5 },
    { order_id: 'us-1', region: 'us', day: '2026-01-02', amount: 7 },
  ]);
  const { rows } = await materializeForTest(dailyRevenue, { orders: placed });
  assert.deepEqual(rows, [
    { region: 'eu', day: '2026-01-01', revenue: 15, orders: 2 },
    { region: 'us', day: '2026-01-02', revenue: 7, orders: 1 },
  ]);
});
`;

export const TSCONFIG = `{
  "compilerOptions": {
    "target": "ES2022",
    "module": "ESNext",
    "moduleResolution": "Bundler",
    "types": ["node"],
    "strict": true,
    "noEmit": true,
    "allowImportingTsExtensions": true,
    "verbatimModuleSyntax": true,
    "erasableSyntaxOnly": true,
    "skipLibCheck": true
  }
}
`;

export const GITIGNORE = 'node_modules/\ndata/\n';

export function readme(name: string): string {
  return `# ${name}

A [medallion](https://www.npmjs.com/package/medallion) project: \`raw/orders\` (one partition per region) and
\`gold/daily_revenue\` downstream of it, in \`assets.ts\`; \`medallion.config.ts\` makes them a project.

\`\`\`sh
npm install
npx medallion materialize --all   # into data/lake
npx medallion status              # missing, stale or fresh, and why
npx medallion show gold/daily_revenue
npx medallion serve --dev         # REST API, lineage page and /api/inngest on http://127.0.0.1:3000
npm test                          # assets.test.ts, with medallion/testing
\`\`\`

Add an asset with \`defineAsset\` in \`assets.ts\` and put it in \`createAssetGraph([...])\`. Change an asset's
logic and bump its \`codeVersion\`: it and everything downstream go stale, and the next \`materialize\` redoes
only those.
`;
}
