// Shared settings of the property-based (fast-check) suites: a fixed seed, so every run explores the same cases
// and a failure reproduces (fast-check prints the seed and the shrunk counterexample), and what "a clear,
// typed error" means for them.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { MedallionError, type ErrorCode } from '../../runtime/index.ts';

/** Fixed by default; `MEDALLION_FUZZ_SEED=<n>` explores other cases (the seed is printed on a failure). */
export const FUZZ_SEED = Number(process.env.MEDALLION_FUZZ_SEED ?? 1_312_026);

/** fast-check parameters with the suite's seed and an explicit number of cases. */
export function fuzzRuns(numRuns: number): fc.Parameters<unknown> {
  return { seed: FUZZ_SEED, numRuns, includeErrorInReport: true };
}

/**
 * Asserts that `error` is one of medallion's typed errors with one of `codes` and a message that says what was
 * wrong (non-empty, and naming `mentions` when given), never a raw TypeError/RangeError or a wasm trap.
 */
export function assertTypedError(error: unknown, codes: readonly ErrorCode[], mentions?: string): asserts error is MedallionError {
  if (!(error instanceof MedallionError)) {
    assert.fail(`expected a MedallionError (${codes.join(' | ')}) but got ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
  }
  assert.ok(codes.includes(error.code), `unexpected code ${error.code} (${error.message})`);
  assert.ok(error.message.trim().length > 0, 'the error has no message');
  if (mentions !== undefined) assert.ok(error.message.includes(mentions), `the message does not name ${JSON.stringify(mentions)}: ${error.message}`);
}

/** What `fn` returned, or what it threw. */
export function outcomeOf<T>(fn: () => T): { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown } {
  try {
    return { ok: true, value: fn() };
  } catch (error) {
    return { ok: false, error };
  }
}
