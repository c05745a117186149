// Under Inngest, a corrupt input file is not retried as if it were transient: the runtime's DataCorruptError,
// wrapped by the user-code boundary, becomes Inngest's NonRetriableError (an ordinary failure is retried).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NonRetriableError as InngestNonRetriableError } from 'inngest';
import { AssetExecutionError, DataCorruptError } from '../../runtime/index.ts';
import { toInngestError } from '../../server/inngest/errors.ts';

const policy = { maxAttempts: 3, initialDelayMs: 1000, maxDelayMs: 10_000, factor: 2, jitter: 'none' } as const;

describe('toInngestError', () => {
  it('stops retrying on a corrupt input file, and keeps retrying an ordinary failure', () => {
    const corrupt = new DataCorruptError('The data of "raw/films" is corrupt: …', {
      asset: 'raw/films', partition: null, path: 'raw/films/x/data.parquet', repair: 'medallion materialize raw/films',
    });
    const wrapped = new AssetExecutionError('gold/matches', null, 'gold/matches failed in materialize: …', { cause: corrupt });
    assert.ok(toInngestError(wrapped, policy, 0) instanceof InngestNonRetriableError);
    const ordinary = new AssetExecutionError('gold/matches', null, 'gold/matches failed in materialize: boom', { cause: new Error('boom') });
    assert.ok(!(toInngestError(ordinary, policy, 0) instanceof InngestNonRetriableError));
  });
});
