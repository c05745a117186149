/**
 * A Storage that puts every operation in a span (`medallion.storage.<operation>`) with the path and the
 * byte count, never a body. Wraps any backend; a no-op tracer makes it nearly free when nothing exports.
 */
import type { Attributes, Span } from '@opentelemetry/api';
import { StorageError } from '../errors.ts';
import type { Storage } from '../storage/storage.ts';
import { ATTR_BYTES, ATTR_STORAGE_CONFLICT, ATTR_STORAGE_COUNT, ATTR_STORAGE_FOUND, ATTR_STORAGE_PATH, SPAN_STORAGE } from './span-attributes.ts';
import { withSpan } from './tracer.ts';

/**
 * @example
 * const lake = traceStorage(openLake(process.env.MEDALLION_LAKE));
 */
export function traceStorage(storage: Storage): Storage {
  return {
    location: storage.location,
    get: (path) =>
      storageSpan('get', path, {}, async (span) => {
        const object = await storage.get(path);
        span.setAttributes({ [ATTR_STORAGE_FOUND]: object !== undefined, ...(object === undefined ? {} : { [ATTR_BYTES]: object.body.byteLength }) });
        return object;
      }),
    stat: (path) =>
      storageSpan('stat', path, {}, async (span) => {
        const info = await storage.stat(path);
        span.setAttributes({ [ATTR_STORAGE_FOUND]: info !== undefined, ...(info === undefined ? {} : { [ATTR_BYTES]: info.size }) });
        return info;
      }),
    put: (path, body, options) =>
      storageSpan('put', path, { [ATTR_BYTES]: typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength }, () => storage.put(path, body, options)),
    delete: (path, options) =>
      storageSpan('delete', path, {}, async (span) => {
        const deleted = await storage.delete(path, options);
        span.setAttribute(ATTR_STORAGE_FOUND, deleted);
        return deleted;
      }),
    list: (prefix) =>
      storageSpan('list', prefix, {}, async (span) => {
        const objects = await storage.list(prefix);
        span.setAttribute(ATTR_STORAGE_COUNT, objects.length);
        return objects;
      }),
    // The span lasts while the lock is being acquired (its wait), not while it is held.
    lock: (name, options) => storageSpan('lock', name, {}, () => storage.lock(name, options)),
    ...(storage.collectLeftovers === undefined ? {} : { collectLeftovers: (options) => storage.collectLeftovers!(options) }),
  };
}

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

/**
 * A failed condition (STORAGE_CONFLICT) is how callers detect "already written" (the step journal, the
 * ledger's compare-and-swap), so it is marked with an attribute, not recorded as an exception.
 */
async function storageSpan<T>(operation: string, path: string, attributes: Attributes, fn: (span: Span) => Promise<T>): Promise<T> {
  const settled = await withSpan<Settled<T>>(`${SPAN_STORAGE}.${operation}`, { [ATTR_STORAGE_PATH]: path, ...attributes }, async (span) => {
    try {
      return { ok: true, value: await fn(span) };
    } catch (error) {
      if (!(error instanceof StorageError && error.code === 'STORAGE_CONFLICT')) throw error;
      span.setAttribute(ATTR_STORAGE_CONFLICT, true);
      return { ok: false, error };
    }
  });
  if (!settled.ok) throw settled.error;
  return settled.value;
}
