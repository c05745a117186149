/** Builds the `ctx` handed to an asset's `materialize`: durable steps, staging and attachments over the journal. */
import type { AnyAsset, MaterializeContext, PreviousVersion } from '../asset/define-asset.ts';
import type { CommittedMaterialization } from '../ledger/materialization-record.ts';
import type { Storage } from '../storage/storage.ts';
import { withSpan } from '../telemetry/tracer.ts';
import { ATTR_ASSET_KEY, ATTR_PARTITION, ATTR_STEP_ID, ATTR_STEP_REPLAYED, SPAN_STEP } from '../telemetry/span-attributes.ts';
import { createAssetInput, type RunDataCache } from './asset-inputs.ts';
import type { SlotEnvironment } from './run-environment.ts';
import type { StepJournal } from './step-journal.ts';

export function createMaterializeContext(
  env: Pick<SlotEnvironment, 'runId' | 'signal' | 'emit' | 'steps'>,
  asset: Pick<AnyAsset, 'key' | 'codeVersion'>,
  partition: string | null,
  attempt: number,
  journal: StepJournal,
  previous: PreviousVersion<Record<string, unknown>> | undefined,
): MaterializeContext {
  const slot = { asset: asset.key, partition };
  return {
    asset: asset.key,
    partition,
    runId: env.runId,
    attempt,
    codeVersion: asset.codeVersion,
    signal: env.signal,
    step: (id, fn) =>
      withSpan(`${SPAN_STEP} ${id}`, { [ATTR_STEP_ID]: id, [ATTR_ASSET_KEY]: asset.key, [ATTR_PARTITION]: partition ?? '' }, async (span) => {
        const { value, replayed } = env.steps === undefined ? await journal.run(id, fn) : { value: await env.steps.run(id, async () => fn()), replayed: false };
        span.setAttribute(ATTR_STEP_REPLAYED, replayed);
        env.emit({ type: 'step-finished', ...slot, step: id, replayed });
        return value;
      }),
    staging: journal.staging,
    attachments: journal.attachments,
    progress: (update) => env.emit({ type: 'slot-progress', ...slot, ...update }),
    log: (message, fields = {}) => env.emit({ type: 'slot-log', ...slot, message, fields }),
    previous: async () => previous,
  };
}

/** A slot's committed head as `ctx.previous()` answers it: its data read lazily, with its code version, time, metadata and backlog. */
export function previousVersionOf(
  storage: Storage,
  cache: RunDataCache,
  asset: AnyAsset,
  head: CommittedMaterialization | undefined,
): PreviousVersion<Record<string, unknown>> | undefined {
  if (head === undefined) return undefined;
  return {
    ...createAssetInput(storage, cache, asset, [head]),
    codeVersion: head.codeVersion,
    materializedAt: head.finishedAt,
    metadata: head.metadata,
    backlog: head.backlog,
  };
}
