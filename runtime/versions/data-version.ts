/**
 * Data versions and provenance, as pure functions. A data version is a sha256 content hash of what a
 * materialization committed; a provenance is the code version plus the data versions of the inputs read.
 * I/O (reading the ledger) lives in staleness.ts.
 */
import { createHash } from 'node:crypto';
import type { AssetKey } from '../asset/asset-key.ts';
import { canonicalJson } from './canonical-json.ts';

export type DataVersion = string;

/** One upstream data version read by a materialization. */
export interface InputDataVersion {
  readonly asset: AssetKey;
  readonly partition: string | null;
  readonly dataVersion: DataVersion;
}

export interface DataProvenance {
  readonly codeVersion: string;
  readonly inputs: readonly InputDataVersion[];
}

/** The data version of committed content: sha256 over its bytes (the Arrow IPC stream of the table). */
export function computeDataVersion(content: Uint8Array): DataVersion {
  return createHash('sha256').update(content).digest('hex');
}

/** Inputs in a canonical order, so the same reads give the same provenance whatever order they happened in. */
export function sortInputs(inputs: readonly InputDataVersion[]): InputDataVersion[] {
  return [...inputs].sort(
    (a, b) => compare(a.asset, b.asset) || compare(a.partition ?? '', b.partition ?? '') || compare(a.dataVersion, b.dataVersion),
  );
}

/**
 * A hash identifying "this code over these inputs": equal provenances mean a materialization would read
 * exactly what an earlier one read. Encoded canonically, so it is injective (Dagster's plain concatenation
 * is not).
 */
export function computeProvenanceHash(provenance: DataProvenance): string {
  const encoded = canonicalJson({
    codeVersion: provenance.codeVersion,
    inputs: sortInputs(provenance.inputs).map((input) => [input.asset, input.partition, input.dataVersion]),
  });
  return createHash('sha256').update(encoded).digest('hex');
}

export function isSameProvenance(a: DataProvenance, b: DataProvenance): boolean {
  return computeProvenanceHash(a) === computeProvenanceHash(b);
}

/** Short form for display. */
export function shortVersion(version: string): string {
  return version.slice(0, 10);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
