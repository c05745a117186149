/** The step journal takes its clock from the caller (a test's), for the materialization id and the steps. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { stepResultPath, StepJournal, type JournaledStep } from '../../../runtime/executor/step-journal.ts';
import { createMemoryStorage } from '../../../runtime/storage/memory-storage.ts';

describe('StepJournal clock', () => {
  it('stamps the materialization id and the steps\' finishedAt with the injected clock', async () => {
    const lake = createMemoryStorage();
    const now = () => new Date('2026-01-02T03:04:05.006Z');
    const journal = await StepJournal.open(lake, 'metrics/_journal/gold/x/abc', (id) => `gold/x/${id}`, now);
    assert.match(journal.materializationId, /^20260102T030405006Z-/);
    assert.equal(journal.createdAt.toISOString(), '2026-01-02T03:04:05.006Z');
    await journal.run('a', () => 1);
    const stored = await lake.get(stepResultPath('metrics/_journal/gold/x/abc', 'a'));
    assert.equal((JSON.parse(new TextDecoder().decode(stored?.body)) as JournaledStep).finishedAt, '2026-01-02T03:04:05.006Z');
  });
});
