/**
 * What happens to `materialize`'s result before it is written (by the executor's slot path and its commit,
 * which `runtime/testing.ts`'s `materializeForTest` runs too): its shape and backlog as recorded, and the
 * asset's checks.
 */
import type { AnyAsset, MaterializeResult } from '../asset/define-asset.ts';
import { errorMessage } from '../errors.ts';
import type { JsonObject } from '../json.ts';
import { recordedBacklog, type CheckOutcome } from '../ledger/materialization-record.ts';

/**
 * The result as it will be recorded: rows, metadata and the backlog in its recorded form.
 *
 * @throws TypeError when `materialize` returned something other than `{ rows: [...] }`.
 */
export function checkMaterializeResult(result: MaterializeResult<Record<string, unknown>>): MaterializeResult<Record<string, unknown>> {
  if (result === null || typeof result !== 'object' || !Array.isArray(result.rows)) {
    throw new TypeError('materialize must return { rows: [...], metadata?: {...}, backlog?: {...} }');
  }
  const backlog = recordedBacklog(result.backlog);
  return { rows: result.rows, ...(result.metadata === undefined ? {} : { metadata: result.metadata }), ...(backlog === undefined ? {} : { backlog }) };
}

/**
 * Runs the asset's checks in order on the valid rows. A check that throws is recorded as failed with what
 * it threw, never thrown on: whether it blocks is its `blocking` flag, as for a check that returns false.
 */
export async function runChecks(asset: AnyAsset, rows: readonly Record<string, unknown>[]): Promise<CheckOutcome[]> {
  const outcomes: CheckOutcome[] = [];
  for (const check of asset.checks) {
    const blocking = check.blocking ?? false;
    try {
      const result = await check.check(rows);
      outcomes.push({ name: check.name, passed: result.passed, blocking, message: result.message ?? null, metadata: (result.metadata ?? {}) as JsonObject });
    } catch (error) {
      outcomes.push({ name: check.name, passed: false, blocking, message: `check threw: ${errorMessage(error)}`, metadata: {} });
    }
  }
  return outcomes;
}
