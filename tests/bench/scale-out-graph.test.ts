// bench/scale-out/ as `medallion serve --config` loads it: the config's graph materializes through the CLI (with a
// tiny work size), every partition and the downstream asset commit, and the rows are the chain's own.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { CHECKPOINTS, hashChain, PARTITIONS } from '../../bench/scale-out/assets.ts';
import { runCliIn } from '../support/capture-cli.ts';
import { createTempLake, type TempLake } from '../support/temp-lake.ts';

const folder = fileURLToPath(new URL('../../bench/scale-out', import.meta.url));

describe('bench/scale-out: the benchmark graph', () => {
  let lake: TempLake;
  const medallion = (env: Record<string, string>, ...argv: string[]) => runCliIn(folder, argv, { MEDALLION_LAKE: lake.root, ...env });
  before(async () => { lake = await createTempLake(); });
  after(async () => { await lake.cleanup(); });

  it('has at least 20 partitions', () => {
    assert.ok(PARTITIONS.length >= 20, `${PARTITIONS.length} partitions`);
  });

  it('chains sha256 over 64 KiB blocks from the partition name, checkpointing each eighth', () => {
    let digest = createHash('sha256').update('p07').digest();
    for (let block = 0; block < 2 * 16; block++) digest = createHash('sha256').update(digest).update(Buffer.alloc(64 * 1024)).digest();
    const chain = hashChain('p07', 2);
    assert.equal(chain.length, CHECKPOINTS);
    assert.deepEqual(chain.map((checkpoint) => checkpoint.mib), [0.25, 0.5, 0.75, 1, 1.25, 1.5, 1.75, 2]);
    assert.equal(chain.at(-1)!.digest, digest.toString('hex'));
    assert.notEqual(hashChain('p08', 2).at(-1)!.digest, chain.at(-1)!.digest, 'each partition has its own chain');
  });

  it('materializes every partition and the heads through the config, then is all fresh', async () => {
    const run = await medallion({ MEDALLION_BENCH_HASH_MIB: '1' }, 'materialize', '--all', '--json');
    assert.equal(run.code, 0, run.stderr);
    const result = JSON.parse(run.stdout) as { materialized: unknown[]; failed: unknown[] };
    assert.equal(result.materialized.length, PARTITIONS.length + 1);
    assert.equal(result.failed.length, 0);
    const status = await medallion({ MEDALLION_BENCH_HASH_MIB: '1' }, 'status');
    assert.match(status.stdout, /All 2 selected assets are fresh/);
  });

  it("keeps each partition's final digest in gold/hash_chain_heads", async () => {
    const shown = await medallion({ MEDALLION_BENCH_HASH_MIB: '1' }, 'show', 'gold/hash_chain_heads', '--limit', '100', '--json');
    assert.equal(shown.code, 0, shown.stderr);
    const { rows } = JSON.parse(shown.stdout) as { rows: { partition: string; mib: number; digest: string }[] };
    assert.deepEqual(rows, PARTITIONS.map((partition) => ({ partition, mib: 1, digest: hashChain(partition, 1).at(-1)!.digest })));
  });

  it('makes another work size another code version, so the lake goes stale', async () => {
    const status = await medallion({ MEDALLION_BENCH_HASH_MIB: '2' }, 'status', 'raw/hash_chains', '--json');
    const [report] = JSON.parse(status.stdout) as { status: string; causes: { category: string }[] }[];
    assert.equal(report!.status, 'stale');
    assert.ok(report!.causes.some((cause) => cause.category === 'code'), JSON.stringify(report!.causes));
  });

  it('refuses a work size that is not a whole number of MiB, naming the variable', async () => {
    const run = await medallion({ MEDALLION_BENCH_HASH_MIB: 'lots' }, 'status');
    assert.equal(run.code, 4, 'a bad environment exits 4');
    assert.match(run.stderr, /MEDALLION_BENCH_HASH_MIB must be a whole number of MiB from 1 to 65536, not "lots"/);
  });
});
