/** `createTestContext` is the executor's materialize context over its step journal, in an in-memory lake. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createTestContext } from '../../../runtime/testing.ts';

describe('createTestContext', () => {
  it('journals step results as the lake does: a resumed context replays them JSON round-tripped, without running', async () => {
    const first = createTestContext({ asset: 'gold/things' });
    const value = { when: '2026-01-02T00:00:00.000Z', nested: [1, 2] };
    assert.equal(await first.step('dated', () => value), value, 'the first run returns the value itself');
    await first.step('plain', () => 1);
    assert.deepEqual(first.stepsRun, ['dated', 'plain']);
    assert.deepEqual(first.journal.keys().sort(), ['dated', 'plain']);

    const resumed = createTestContext({ resumeFrom: first });
    assert.equal(resumed.attempt, 2);
    let ran = 0;
    assert.deepEqual(await resumed.step('dated', () => (ran++, { other: true })), { when: '2026-01-02T00:00:00.000Z', nested: [1, 2] });
    assert.equal(await resumed.step('fresh', () => (ran++, 'x')), 'x');
    assert.equal(ran, 1);
    assert.deepEqual(resumed.stepsReplayed, ['dated']);
    assert.deepEqual(resumed.stepsRun, ['fresh']);
  });

  it('a step dropped from the journal runs again on resume', async () => {
    const first = createTestContext();
    await first.step('a', () => 1);
    await first.step('b', () => 2);
    assert.equal(first.journal.delete('b'), true);
    const resumed = createTestContext({ resumeFrom: first });
    assert.equal(await resumed.step('a', () => 10), 1);
    assert.equal(await resumed.step('b', () => 20), 20);
    assert.deepEqual(resumed.stepsRun, ['b']);
  });

  it('a step id used twice in one context throws, with the executor\'s message', async () => {
    const ctx = createTestContext();
    await ctx.step('page-1', () => 1);
    await assert.rejects(ctx.step('page-1', () => 2), /Step id "page-1" is used twice in one materialization/);
  });

  it('staging and attachments survive into a resumed context and are readable through files', async () => {
    const first = createTestContext();
    await first.staging.putJson('cursor.json', { page: 3 });
    await first.attachments.putBytes('pages/page-1.json', new TextEncoder().encode('[]'));
    assert.deepEqual([...first.attachments.files.keys()], ['pages/page-1.json']);
    const resumed = createTestContext({ resumeFrom: first });
    assert.deepEqual(await resumed.staging.getJson('cursor.json'), { page: 3 });
    assert.deepEqual(await resumed.attachments.list(), ['pages/page-1.json']);
    assert.deepEqual([...resumed.staging.files.keys()], ['cursor.json']);
  });

  it('a staging name that is not a usable lake name is refused, as in a run', async () => {
    await assert.rejects(createTestContext().staging.putJson('../escape.json', {}), /is not a usable name/);
  });

  it('logs and progress are recorded in order', async () => {
    const ctx = createTestContext();
    ctx.log('started', { pages: 2 });
    ctx.progress({ done: 1, total: 2, unit: 'pages' });
    assert.deepEqual(ctx.logs, [{ message: 'started', fields: { pages: 2 } }]);
    assert.deepEqual(ctx.progressUpdates, [{ done: 1, total: 2, unit: 'pages' }]);
  });
});
