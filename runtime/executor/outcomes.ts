/** Constructors for slot outcomes, so every adapter sees complete records. */
import type { AssetKey } from '../asset/asset-key.ts';
import type { SlotOutcome } from '../ledger/run-summary.ts';

export function emptyOutcome(asset: AssetKey, partition: string | null, waitMs: number): SlotOutcome {
  return {
    asset,
    partition,
    type: 'skipped',
    reason: null,
    materializationId: null,
    dataVersion: null,
    rows: 0,
    quarantined: 0,
    bytes: 0,
    waitMs,
    durationMs: 0,
    attempts: 0,
    steps: { ran: 0, replayed: 0 },
    error: null,
    metadata: {},
  };
}
