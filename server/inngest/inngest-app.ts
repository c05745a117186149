/**
 * The Inngest app of a graph: the client and one function per asset (plus the raw-landing observer), served by
 * a Hono handler to mount at `/api/inngest`. `medallion serve` builds it here; inngest.config.ts (the package's
 * `medallion/inngest` entry) re-exports it. See docs/inngest.md.
 */
import { Inngest, type InngestFunction } from 'inngest';
import { serve } from 'inngest/hono';
import type { AssetGraph, Storage } from '../../runtime/index.ts';
import type { InngestHandler } from '../app.ts';
import { createAssetFunction } from './asset-function.ts';
import type { AssetFunctionOptions } from './function-config.ts';
import { createRawLandedFunction } from './raw-landed-function.ts';
import { guardServeHandler } from './serve-guard.ts';

/** The Inngest app id the default client uses (functions are `medallion-materialize-<layer>-<name>`). */
export const INNGEST_APP_ID = 'medallion';

/** `createInngestApp`'s options: the graph and lake, the functions' debounce and backlog settings, and a client. */
export interface InngestAppOptions extends AssetFunctionOptions {
  readonly graph: AssetGraph;
  readonly storage: Storage;
  /**
   * Defaults to `new Inngest({ id: 'medallion' })`, which reads the SDK's environment when called (never on
   * import): INNGEST_DEV, INNGEST_BASE_URL, INNGEST_EVENT_KEY, INNGEST_SIGNING_KEY.
   */
  readonly client?: Inngest.Any;
}

/** What `createInngestApp` builds: the client, the functions, and the handler to mount at `/api/inngest`. */
export interface InngestApp {
  readonly client: Inngest.Any;
  readonly functions: readonly InngestFunction.Any[];
  /**
   * The Inngest SDK's Hono handler (GET, POST and PUT), guarded: a malformed or unknown request gets a 4xx JSON
   * error, and a server with neither INNGEST_DEV nor INNGEST_SIGNING_KEY answers 503 naming both.
   */
  readonly handler: InngestHandler;
}

/**
 * Builds the Inngest functions of a graph and their serve handler.
 *
 * @example
 * const { handler } = createInngestApp({ graph, storage: openLake(process.env.MEDALLION_LAKE) });
 * app.on(['GET', 'POST', 'PUT'], '/api/inngest', handler);
 */
export function createInngestApp(options: InngestAppOptions): InngestApp {
  const client = options.client ?? new Inngest({ id: INNGEST_APP_ID });
  const deps = { client, graph: options.graph, storage: options.storage };
  const functions = [
    ...options.graph.assets().map((asset) => createAssetFunction(deps, asset, options)),
    createRawLandedFunction(deps),
  ];
  const handler = guardServeHandler({ client, functions, handler: serve({ client, functions }) });
  return { client, functions, handler };
}
