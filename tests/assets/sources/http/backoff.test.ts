import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { backoffCeilingMs, backoffDelayMs, parseRetryAfter, realSleep, resolveRetry } from '../../../../assets/sources/http/backoff.ts';
import { createRedactor } from '../../../../assets/sources/http/redact.ts';

describe('backoff', () => {
  const retry = resolveRetry({ initialDelayMs: 500, maxDelayMs: 4000 });

  it('draws each delay uniformly below a doubling, capped ceiling', () => {
    assert.deepEqual([1, 2, 3, 4, 5].map((n) => backoffCeilingMs(retry, n)), [500, 1000, 2000, 4000, 4000]);
    assert.deepEqual([1, 2, 3].map((n) => backoffDelayMs(retry, n, () => 0.25)), [125, 250, 500]);
    assert.equal(backoffDelayMs(retry, 1, () => 0), 0);
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    assert.equal(parseRetryAfter('3', now), 3000);
    assert.equal(parseRetryAfter('Thu, 01 Jan 2026 00:00:10 GMT', now), 10_000);
    assert.equal(parseRetryAfter('soon', now), undefined);
    assert.equal(parseRetryAfter(null, now), undefined);
  });

  it('refuses an unusable attempt count, and sleeps until aborted with the abort reason', async () => {
    assert.throws(() => resolveRetry({ maxAttempts: 0 }), RangeError);
    const controller = new AbortController();
    const sleeping = realSleep(10_000, controller.signal);
    controller.abort(new Error('cancelled'));
    await assert.rejects(sleeping, /cancelled/);
  });
});

describe('redactor', () => {
  const redactor = createRedactor(['s3cr3t-value', undefined, '']);

  it('redacts credential parameters in URLs and secrets anywhere in text', () => {
    assert.equal(redactor.url(new URL('https://x.test/3/movie?page=2&api_key=abc&token=def')), 'https://x.test/3/movie?page=2&api_key=***&token=***');
    assert.equal(redactor.text('failed with s3cr3t-value; Authorization: Bearer eyJa.b.c; Discogs token=xyz'), 'failed with ***; Authorization: Bearer ***; Discogs token=***');
  });

  it('copies an error chain with its messages redacted and its codes kept', () => {
    const cause = Object.assign(new Error('reset sending s3cr3t-value'), { code: 'ECONNRESET' });
    const copy = redactor.error(new TypeError('fetch failed for https://x.test/?api_key=s3cr3t-value', { cause }));
    assert.equal(copy.name, 'TypeError');
    assert.equal(copy.message, 'fetch failed for https://x.test/?api_key=***');
    assert.equal((copy.cause as Error & { code: string }).code, 'ECONNRESET');
    assert.equal((copy.cause as Error).message, 'reset sending ***');
  });
});
