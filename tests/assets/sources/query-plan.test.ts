import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_QUERY_PLAN, queryPlanFromEnvironment, SAMPLE_QUERY_PLAN } from '../../../assets/sources/query-plan.ts';

describe('the query plan from the environment', () => {
  it("keeps the base plan's pacing (live or sample) under the environment's overrides", () => {
    const env = { MEDALLION_TMDB_PAGES: '3', MEDALLION_DISCOGS_TARGETED_BUDGET: '7' };
    for (const base of [DEFAULT_QUERY_PLAN, SAMPLE_QUERY_PLAN]) {
      const plan = queryPlanFromEnvironment(env, base);
      assert.deepEqual(plan.pacing, base.pacing);
      assert.deepEqual(plan.tmdb, { kind: 'popular', pages: 3 });
      assert.equal(plan.discogs.targetedBudget, 7);
    }
  });
});
