/**
 * The scale-out benchmark's graph: 24 partitions of fixed, CPU-bound work (a sha256 chain over a fixed number
 * of MiB, on the main thread, no I/O and no rate limit), each writing a small table, and one unpartitioned
 * asset that reads every partition. Deterministic: the same work size gives the same rows and data versions.
 * Uses only the public API, as a project of its own would.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { createAssetGraph, defineAsset, type AssetGraph } from 'medallion';

/** 24 partitions: enough that 3 replicas each get several runs at once. */
export const PARTITIONS = Array.from({ length: 24 }, (_, index) => `p${String(index).padStart(2, '0')}`);

/** Rows each partition writes: the chain's digest after each eighth of its work. */
export const CHECKPOINTS = 8;

const BLOCK = Buffer.alloc(64 * 1024);
const BLOCKS_PER_MIB = (1024 * 1024) / BLOCK.length;

/**
 * A sha256 chain seeded by the partition name, each link hashing the previous digest and a 64 KiB block, for
 * `mib` MiB in all; the hex digest after each of `CHECKPOINTS` equal shares (the last share takes the rest).
 */
export function hashChain(partition: string, mib: number): { mib: number; digest: string }[] {
  const blocks = mib * BLOCKS_PER_MIB;
  const checkpoints: { mib: number; digest: string }[] = [];
  let digest = createHash('sha256').update(partition).digest();
  for (let share = 1; share <= CHECKPOINTS; share++) {
    const until = Math.floor((blocks * share) / CHECKPOINTS);
    for (let block = Math.floor((blocks * (share - 1)) / CHECKPOINTS); block < until; block++) {
      digest = createHash('sha256').update(digest).update(BLOCK).digest();
    }
    checkpoints.push({ mib: until / BLOCKS_PER_MIB, digest: digest.toString('hex') });
  }
  return checkpoints;
}

const chainRow = z.object({ partition: z.string(), mib: z.number(), digest: z.string() });

/** The benchmark's work per partition: about 0.6 s of one core on the machine it was written on. */
export const DEFAULT_HASH_MIB = 1024;

/** The graph with `hashMiB` MiB of hashing per partition. */
export function createScaleOutGraph(hashMiB: number): AssetGraph {
  const hashChains = defineAsset({
    key: 'raw/hash_chains',
    description: `A sha256 chain over ${hashMiB} MiB per partition, checkpointed ${CHECKPOINTS} times: fixed CPU work for the scale-out benchmark.`,
    schema: chainRow,
    partitions: PARTITIONS,
    // The work size is part of the code: another size is another result.
    codeVersion: `1-${hashMiB}mib`,
    materialize(ctx) {
      const partition = ctx.partition!;
      return Promise.resolve({ rows: hashChain(partition, hashMiB).map((checkpoint) => ({ partition, ...checkpoint })), metadata: { mib: hashMiB } });
    },
  });

  const chainHeads = defineAsset({
    key: 'gold/hash_chain_heads',
    description: "Each partition's final digest, read from every partition of raw/hash_chains.",
    schema: chainRow,
    deps: { hashChains },
    codeVersion: '1',
    async materialize(_ctx, inputs) {
      const heads = new Map<string, z.infer<typeof chainRow>>();
      for (const row of await inputs.hashChains.rows()) {
        if ((heads.get(row.partition)?.mib ?? -1) < row.mib) heads.set(row.partition, row);
      }
      const rows = [...heads.values()].sort((a, b) => a.partition.localeCompare(b.partition));
      return { rows, metadata: { partitions: rows.length } };
    },
  });

  return createAssetGraph([hashChains, chainHeads]);
}
