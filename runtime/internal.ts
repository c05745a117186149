/**
 * The `medallion/internal` entry: what the framework's own adapters (the server, the Inngest functions) and
 * its tests build on — the ledger's writer, one-slot materialization, observations, span names, selection
 * parsing, hashing. Not for projects: it changes without notice, and the API reports do not cover it.
 */
export { assetPrefix, invalidPartitionReason, layerOf, PARTITION_PATTERN, slotLabel } from './asset/asset-key.ts';
export { retryDelayMs } from './asset/retry-policy.ts';
export { didYouMean, nearestMatches } from './graph/nearest-keys.ts';
export { checkAssetPartition, checkSelectionPartition, isSameSlot, slotsOf, upstreamSlots } from './graph/slots.ts';
export type { Slot } from './graph/slots.ts';
export { resolverFor } from './versions/resolver-for.ts';
export { issuesReason, quarantineSchema, validateRows } from './io/quarantine.ts';
export { formatSelection, parseSelection } from './selection/parse-selection.ts';
export type { SelectionNode, SelectionOperand } from './selection/parse-selection.ts';
export { resolveSelection } from './selection/resolve-selection.ts';
export { computeDataVersion, computeProvenanceHash } from './versions/data-version.ts';
export type { DataProvenance, DataVersion, InputDataVersion } from './versions/data-version.ts';
export { Ledger } from './ledger/ledger.ts';
export { readCommittedData, readCommittedTable } from './ledger/data-file.ts';
export type { Head } from './ledger/ledger.ts';
export type { CheckOutcome, CommittedMaterialization, MaterializationRecord } from './ledger/materialization-record.ts';
export { materializeOne, recordFailure } from './executor/materialize-one.ts';
export type { MaterializeOneOptions } from './executor/materialize-one.ts';
export type { StepRunner } from './executor/run-environment.ts';
export { headsFingerprint, historyFingerprint, runsFingerprint, statusFingerprint } from './ledger/lake-fingerprint.ts';
export { observeAsset, readObservation } from './ledger/observations.ts';
export type { Observation } from './ledger/observations.ts';
export { traceStorage } from './telemetry/traced-storage.ts';
export { activeSpan, markSpanFailed, SPAN_KIND, startSpan, withSpan } from './telemetry/tracer.ts';
export {
  ATTR_ERROR_TYPE, ATTR_HTTP_REQUEST_METHOD, ATTR_HTTP_REQUEST_RESEND_COUNT, ATTR_HTTP_RESPONSE_STATUS_CODE, ATTR_RATE_LIMIT_WAITED_MS,
  ATTR_RETRY_DELAY_MS, ATTR_SOURCE, ATTR_URL_FULL, SPAN_ATTRIBUTES,
} from './telemetry/span-attributes.ts';
export type { DocumentedSpan, SpanAttributeSpec, SpanAttributeType } from './telemetry/span-attributes.ts';
export type { AzureMonitorHttpClient } from './telemetry/azure-monitor.ts';
