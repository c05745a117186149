/**
 * The single boundary where user code runs (Dagster's user_code_error_boundary): any failure becomes an
 * AssetExecutionError naming the asset, with the original error as its cause and its stack intact.
 */
import { slotLabel, type AssetKey } from '../asset/asset-key.ts';
import { AssetExecutionError, ConfigError, DataCorruptError, errorMessage, NonRetriableError, RetryAfterError } from '../errors.ts';

export async function runUserCode<T>(
  asset: AssetKey,
  partition: string | null,
  what: string,
  fn: () => Promise<T>,
): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof AssetExecutionError) throw error;
    throw new AssetExecutionError(asset, partition, `${slotLabel(asset, partition)} failed in ${what}: ${errorMessage(error)}`, {
      cause: error,
    });
  }
}

/** The user's own error behind an AssetExecutionError, if any. */
export function userCause(error: unknown): unknown {
  return error instanceof AssetExecutionError && error.cause !== undefined ? error.cause : error;
}

/** Retrying cannot fix a NonRetriableError, missing or invalid configuration, nor a corrupt input file. */
export function isRetriable(error: unknown): boolean {
  const cause = userCause(error);
  return !(cause instanceof NonRetriableError || cause instanceof ConfigError || cause instanceof DataCorruptError);
}

export function retryAfterHintMs(error: unknown): number | undefined {
  const cause = userCause(error);
  return cause instanceof RetryAfterError ? cause.retryAfterMs : undefined;
}
