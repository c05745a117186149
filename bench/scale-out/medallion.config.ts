// The scale-out benchmark's project (bench/scale-out.ts serves it with `medallion serve --config`).
// MEDALLION_BENCH_HASH_MIB sets the work per partition in MiB of sha256 (default DEFAULT_HASH_MIB).
import { z } from 'zod';
import { ConfigError, defineConfig } from 'medallion';
import { createScaleOutGraph, DEFAULT_HASH_MIB } from './assets.ts';

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
