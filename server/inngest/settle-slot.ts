/**
 * One slot of one Inngest run, settled once. Code outside steps runs again on every request of a run, so
 * after the request that committed (or skipped) the slot, later ones must read that outcome back instead
 * of materializing again: it is in the run summary `materializeOne` writes under the run's id.
 */
import { type AssetGraph, type SlotOutcome, type Storage } from '../../runtime/index.ts';
import { Ledger, materializeOne, type Slot, type StepRunner } from '../../runtime/internal.ts';

export interface SettleSlotOptions {
  readonly graph: AssetGraph;
  readonly storage: Storage;
  readonly slot: Slot;
  readonly force: boolean;
  readonly runId: string;
  readonly steps: StepRunner;
}

export async function settleSlot(options: SettleSlotOptions): Promise<SlotOutcome> {
  const { slot, runId } = options;
  const ledger = new Ledger(options.storage);
  const summary = await ledger.readRunSummary(runId);
  const earlier = summary?.outcomes.find((outcome) => outcome.asset === slot.asset && outcome.partition === slot.partition);
  // A failed outcome is not final here: this request is a retry of it.
  if (earlier !== undefined && (earlier.type === 'materialized' || earlier.type === 'skipped')) return earlier;
  const { partition } = slot;
  const outcome = await materializeOne({
    graph: options.graph, storage: options.storage, asset: slot.asset, partition,
    force: options.force, runId, steps: options.steps,
  });
  if (outcome.type !== 'skipped') return outcome;
  // Committed by this very run in a request that died before its summary was written: still ours to announce.
  const head = await ledger.readHead(slot.asset, partition);
  return head?.record.runId === runId ? { ...outcome, type: 'materialized', reason: null } : outcome;
}
