/**
 * What each cached answer is read from, as an `AnswerCache` fingerprint: every slot's head and observation
 * for statuses (`/assets`, `/lineage`), those plus the asset's history for `/assets/:key`, the run summaries
 * for `/runs`. `/report`'s is beside it in pipeline-report.ts.
 */
import { type AssetGraph, type Storage } from '../runtime/index.ts';
import { historyFingerprint, runsFingerprint, slotsOf, statusFingerprint } from '../runtime/internal.ts';
import type { Answer, CachedRequest } from './answer-cache.ts';

type Fingerprint = Pick<CachedRequest, 'fingerprint' | 'readFingerprint'>;

/** The statuses of every asset in the graph. */
export function statusesFingerprint(graph: AssetGraph, lake: Storage): Fingerprint {
  return { fingerprint: 'statuses', readFingerprint: () => statusFingerprint(lake, slotsOf(graph, graph.keys)) };
}

/** One asset's detail: every status (its upstream and downstream are shown with theirs) and its history. */
export function assetFingerprint(graph: AssetGraph, lake: Storage, key: string): Fingerprint {
  const statuses = statusesFingerprint(graph, lake).readFingerprint;
  return {
    fingerprint: `asset ${key}`,
    readFingerprint: async () => (await Promise.all([statuses(), historyFingerprint(lake, key)])).join(' '),
  };
}

/** The run history. */
export function runHistoryFingerprint(lake: Storage): Fingerprint {
  return { fingerprint: 'runs', readFingerprint: () => runsFingerprint(lake) };
}

/** A JSON answer, as `c.json` would send it. */
export function jsonAnswer(value: unknown, expiresAt?: number): Answer {
  return { body: JSON.stringify(value), contentType: 'application/json', expiresAt };
}
