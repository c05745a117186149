/**
 * `medallion/raw.landed` → the owning raw asset records an observation (which makes it and its downstream
 * stale) and the stale sinks downstream of it are requested; each of those runs requests its stale
 * upstream first (asset-function.ts), so the landing flows down the graph as a chain of events.
 */
import type { Inngest } from 'inngest';
import type { AssetGraph, Storage } from '../../runtime/index.ts';
import { observeAsset, resolverFor, type Slot } from '../../runtime/internal.ts';
import { assetRequested, partitionField, rawLanded } from './events.ts';
import { ownerOfBlob } from './raw-blob-owner.ts';
import { RequestScopeMiddleware } from './request-scope.ts';
import { currentTraceparent } from './trace-context.ts';

export const RAW_LANDED_FUNCTION_ID = 'observe-raw-landing';

/** The slots of the sinks at or below `slot`'s asset (graph order) that are not fresh. */
export async function staleSinksBelow(graph: AssetGraph, storage: Storage, slot: Slot): Promise<Slot[]> {
  const below = graph.inTopologicalOrder([slot.asset, ...graph.descendants(slot.asset)]);
  const sinks = below.filter((key) => graph.children(key).length === 0);
  const resolver = resolverFor(graph, storage);
  const stale: Slot[] = [];
  for (const key of sinks) {
    const report = await resolver.assetStatus(key);
    const slots = report.partitions ?? [report];
    stale.push(...slots.filter((status) => status.status !== 'fresh').map((status) => ({ asset: key, partition: status.partition })));
  }
  return stale;
}

export function createRawLandedFunction(deps: { client: Inngest.Any; graph: AssetGraph; storage: Storage }) {
  const { graph, storage } = deps;
  return deps.client.createFunction(
    { id: RAW_LANDED_FUNCTION_ID, name: 'Observe raw landing', triggers: [rawLanded], retries: 3, middleware: [RequestScopeMiddleware] },
    async ({ event, step }) => {
      const { container, path, etag, size } = event.data;
      const owner = ownerOfBlob(graph, container, path);
      if (owner.kind === 'ignored') return { status: 'ignored' as const, reason: owner.reason };
      const { slot } = owner;
      const observation = await step.run('medallion.observe', async () => {
        // The blob's ETag identifies its content; without one, the size and the event id stand in.
        const version = etag ?? `size=${size ?? 'unknown'};event=${event.id ?? event.ts ?? ''}`;
        const observed = await observeAsset(storage, { asset: slot.asset, partition: slot.partition, source: `${container}/${path}`, version });
        return { dataVersion: observed.dataVersion, observedAt: observed.observedAt };
      });
      const requested = await step.run('medallion.find-stale-sinks', () => staleSinksBelow(graph, storage, slot));
      if (requested.length > 0) {
        await step.sendEvent(
          'medallion.request-stale-downstream',
          requested.map((sink) => assetRequested.create({ asset: sink.asset, ...partitionField(sink.partition), ...currentTraceparent() })),
        );
      }
      return { status: 'observed' as const, asset: slot.asset, partition: slot.partition, dataVersion: observation.dataVersion, requested };
    },
  );
}
