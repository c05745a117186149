import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { z } from 'zod';
import { createAssetGraph, defineAsset, materialize, StalenessResolver, type Storage } from '../../../runtime/index.ts';
import { Ledger, observeAsset } from '../../../runtime/internal.ts';
import { staleReason } from '../../../runtime/versions/staleness.ts';
import { createTempLake, type TempLake } from '../../support/temp-lake.ts';

const schema = z.object({ n: z.int() });

function source(options: { codeVersion?: string; pending?: number } = {}) {
  return defineAsset({
    key: 'raw/source', schema, codeVersion: options.codeVersion ?? '1',
    async materialize() {
      return { rows: [{ n: 1 }], ...(options.pending === undefined ? {} : { backlog: { pending: options.pending, unit: 'pages' } }) };
    },
  });
}

/** Counts the lake reads (get, stat, list) made through it. */
function countingReads(storage: Storage): { storage: Storage; reads: string[] } {
  const reads: string[] = [];
  const counted = new Proxy(storage, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      const method = value as (...args: unknown[]) => unknown;
      return (...args: unknown[]) => {
        if (property === 'get' || property === 'stat' || property === 'list') reads.push(`${String(property)} ${String(args[0])}`);
        return method.apply(target, args);
      };
    },
  });
  return { storage: counted, reads };
}

describe("the executor's skip decision is the resolver's", () => {
  let lake: TempLake;
  beforeEach(async () => { lake = await createTempLake(); });
  afterEach(async () => { await lake.cleanup(); });

  async function decide(asset: ReturnType<typeof source>) {
    const graph = createAssetGraph([asset]);
    const ledger = new Ledger(lake.storage);
    const head = (await ledger.readHead(asset.key))!.record;
    const resolver = new StalenessResolver(graph, ledger);
    return { reason: await staleReason(lake.storage, Date.now(), asset, null, head, []), status: await resolver.slotStatus(asset.key) };
  }

  it('finds a fresh head fresh, reading only the observation and the data file', async () => {
    const asset = source();
    await materialize({ graph: createAssetGraph([asset]), storage: lake.storage });
    const head = (await new Ledger(lake.storage).readHead(asset.key))!.record;
    const { storage, reads } = countingReads(lake.storage);
    assert.equal(await staleReason(storage, Date.now(), asset, null, head, []), undefined);
    assert.deepEqual(reads.map((read) => read.split(' ')[0]), ['get', 'stat']);
    assert.equal((await decide(asset)).status.status, 'fresh');
  });

  const situations: Array<{ name: string; category: string; make: () => Promise<ReturnType<typeof source>> }> = [
    { name: 'a new code version', category: 'code', make: async () => source({ codeVersion: '2' }) },
    {
      name: 'new data observed at the source', category: 'data',
      make: async () => {
        await observeAsset(lake.storage, { asset: 'raw/source', source: 'https://api.example.test', version: 'v2' });
        return source();
      },
    },
    {
      name: 'a damaged data file', category: 'corrupt',
      make: async () => {
        const head = (await new Ledger(lake.storage).readHead('raw/source'))!.record;
        await lake.storage.put(head.files.data!, new Uint8Array([1, 2, 3]));
        return source();
      },
    },
  ];
  for (const situation of situations) {
    it(`gives the resolver's own reason for ${situation.name}, and a run re-materializes the slot`, async () => {
      await materialize({ graph: createAssetGraph([source()]), storage: lake.storage });
      const asset = await situation.make();
      const { reason, status } = await decide(asset);
      assert.equal(status.status, 'stale');
      assert.deepEqual(status.causes.map((cause) => [cause.category, cause.reason]), [[situation.category, reason]]);
      const run = await materialize({ graph: createAssetGraph([asset]), storage: lake.storage });
      assert.equal(run.summary.outcomes[0]!.type, 'materialized');
    });
  }

  it('gives the backlog reason for a head that left work, and a run continues it', async () => {
    await materialize({ graph: createAssetGraph([source({ pending: 3 })]), storage: lake.storage });
    const { reason, status } = await decide(source());
    assert.deepEqual(status.causes.map((cause) => [cause.category, cause.reason]), [['backlog', reason]]);
    assert.match(reason!, /3 pages left for a later run/);
    const run = await materialize({ graph: createAssetGraph([source()]), storage: lake.storage });
    assert.equal(run.summary.outcomes[0]!.type, 'materialized');
  });
});
