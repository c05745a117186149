/**
 * The runtime's StepRunner over Inngest's `step.run`: an asset's `ctx.step`s become Inngest steps (memoized
 * across requests, retried one by one), their errors are mapped to Inngest's, and waiting on a step ends
 * with the request that ran it (see request-scope.ts).
 */
import { context } from '@opentelemetry/api';
import type { JsonValue, RetryPolicy } from '../../runtime/index.ts';
import type { StepRunner } from '../../runtime/internal.ts';
import { toInngestError } from './errors.ts';
import { unlessInterrupted } from './request-scope.ts';

/** The part of Inngest's step tools this needs (its own typing Jsonifies results; ours already are JSON). */
export interface InngestStepRun {
  run(id: string, fn: () => Promise<unknown>): Promise<unknown>;
}

export function createStepRunner(step: InngestStepRun, options: { policy: RetryPolicy; attempt: number; signal: AbortSignal }): StepRunner {
  return {
    run<T extends JsonValue | void>(id: string, fn: () => Promise<T>): Promise<T> {
      // The SDK may run the step's body from its own loop rather than from this call: keep the caller's
      // span (the runtime's `medallion.step`) as the parent of whatever the body traces.
      const active = context.active();
      const body = async () => {
        try {
          return await context.with(active, fn);
        } catch (error) {
          throw toInngestError(error, options.policy, options.attempt);
        }
      };
      return unlessInterrupted(step.run(id, body) as Promise<T>, options.signal);
    },
  };
}
