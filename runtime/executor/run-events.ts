/** Events a run emits as it goes, for progress displays and adapters (CLI, server, tests). */
import type { AssetKey } from '../asset/asset-key.ts';
import type { RunSummary, SlotOutcome } from '../ledger/run-summary.ts';
import type { ProgressUpdate } from '../asset/define-asset.ts';
import type { JsonObject } from '../json.ts';
import type { AssetStatus } from '../versions/staleness.ts';

/** One asset slot (an asset, or one partition of it) as planned for a run, with why it runs. */
export interface PlannedSlot {
  readonly asset: AssetKey;
  readonly partition: string | null;
  readonly status: AssetStatus;
}

/** What happens during a run, as it happens: planned, started, progress, retried, finished, skipped. */
export type RunEvent =
  | { type: 'run-started'; runId: string; selection: string; slots: readonly PlannedSlot[] }
  | { type: 'slot-waiting-for-lock'; asset: AssetKey; partition: string | null; holder: string }
  | { type: 'slot-started'; asset: AssetKey; partition: string | null; attempt: number; resumableSteps: number }
  | { type: 'step-finished'; asset: AssetKey; partition: string | null; step: string; replayed: boolean }
  | { type: 'slot-retrying'; asset: AssetKey; partition: string | null; attempt: number; delayMs: number; error: string }
  | { type: 'slot-log'; asset: AssetKey; partition: string | null; message: string; fields: JsonObject }
  | ({ type: 'slot-progress'; asset: AssetKey; partition: string | null } & ProgressUpdate)
  | { type: 'slot-finished'; outcome: SlotOutcome }
  | { type: 'run-finished'; summary: RunSummary };

/** Receives the events of a run (progress displays, tests). */
export type RunEventListener = (event: RunEvent) => void;
