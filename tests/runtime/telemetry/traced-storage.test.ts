import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { SpanStatusCode, trace } from '@opentelemetry/api';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { StorageError, type Storage } from '../../../runtime/index.ts';
import { traceStorage } from '../../../runtime/internal.ts';
import { createTempLake, type TempLake } from '../../support/temp-lake.ts';

describe('traceStorage', () => {
  const exporter = new InMemorySpanExporter();
  let lake: TempLake;
  let storage: Storage;
  before(async () => {
    trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }));
    lake = await createTempLake();
    storage = traceStorage(lake.storage);
  });
  beforeEach(() => exporter.reset());
  after(async () => {
    trace.disable();
    await lake.cleanup();
  });

  const only = (name: string): ReadableSpan => {
    const spans = exporter.getFinishedSpans().filter((span) => span.name === name);
    assert.equal(spans.length, 1, `${name}: ${exporter.getFinishedSpans().map((span) => span.name).join(', ')}`);
    return spans[0]!;
  };

  it('spans each operation with its path and byte count, never the body', async () => {
    const body = 'row-data-that-must-not-be-in-a-span';
    await storage.put('raw/films/part-0.json', body);
    assert.equal((await storage.get('raw/films/part-0.json'))?.size, body.length);
    assert.equal(await storage.stat('raw/films/missing.json'), undefined);
    assert.equal((await storage.list('raw/films/')).length, 1);
    assert.equal(await storage.delete('raw/films/part-0.json'), true);
    assert.deepEqual(only('medallion.storage.put').attributes, { 'medallion.storage.path': 'raw/films/part-0.json', 'medallion.bytes': body.length });
    assert.deepEqual(only('medallion.storage.get').attributes, { 'medallion.storage.path': 'raw/films/part-0.json', 'medallion.storage.found': true, 'medallion.bytes': body.length });
    assert.deepEqual(only('medallion.storage.stat').attributes, { 'medallion.storage.path': 'raw/films/missing.json', 'medallion.storage.found': false });
    assert.deepEqual(only('medallion.storage.list').attributes, { 'medallion.storage.path': 'raw/films/', 'medallion.storage.count': 1 });
    assert.deepEqual(only('medallion.storage.delete').attributes, { 'medallion.storage.path': 'raw/films/part-0.json', 'medallion.storage.found': true });
    assert.ok(!JSON.stringify(exporter.getFinishedSpans().map((span) => span.attributes)).includes(body));
    assert.equal(storage.location, lake.storage.location);
  });

  it('marks a failed condition as a conflict, not an exception, and still throws it', async () => {
    await storage.put('gold/once.json', '1', { ifNoneMatch: '*' });
    exporter.reset();
    await assert.rejects(storage.put('gold/once.json', '2', { ifNoneMatch: '*' }), (error: unknown) => error instanceof StorageError && error.code === 'STORAGE_CONFLICT');
    const put = only('medallion.storage.put');
    assert.equal(put.attributes['medallion.storage.conflict'], true);
    assert.equal(put.events.length, 0);
    assert.equal(put.status.code, SpanStatusCode.UNSET);
  });

  it('spans acquiring a lock, and hands back the backend\'s lock', async () => {
    const lock = await storage.lock('slot-raw-films', { owner: 'test' });
    await lock.release();
    assert.equal(only('medallion.storage.lock').attributes['medallion.storage.path'], 'slot-raw-films');
    assert.equal(lock.owner, 'test');
  });
});
