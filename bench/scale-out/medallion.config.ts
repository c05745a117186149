// The scale-out benchmark's project (bench/scale-out.ts serves it with `medallion serve --config`).
// MEDALLION_BENCH_HASH_MIB sets the work per partition (default 512 MiB of sha256, about 0.6 s of one core).
import { z } from 'zod';
import { ConfigError, defineConfig } from 'medallion';
import { createScaleOutGraph } from './assets.ts';

const DEFAULT_HASH_MIB = 512;
const hashMiB = z.coerce.number().int().min(1).max(65_536);

export default defineConfig({
  graph(env) {
    const raw = env.MEDALLION_BENCH_HASH_MIB?.trim();
    if (!raw) return createScaleOutGraph(DEFAULT_HASH_MIB);
    const parsed = hashMiB.safeParse(raw);
    if (!parsed.success) throw new ConfigError(`MEDALLION_BENCH_HASH_MIB must be a whole number of MiB from 1 to 65536, not "${raw}".`);
    return createScaleOutGraph(parsed.data);
  },
});
