// A medallion Inngest app over a small graph and a temp lake, served by Hono in-process, with the fake
// Inngest server behind the client's `fetch` (no sockets, no dev server).
import { Hono } from 'hono';
import { Inngest, type Logger } from 'inngest';
import { createInngestApp } from '../../inngest.config.ts';
import type { AssetGraph } from '../../runtime/index.ts';
import { createFakeInngestServer, deliverEvents, driveRun, syncApp, type SentEvent } from '../support/inngest-harness.ts';
import { createTempLake, type TempLake } from '../support/temp-lake.ts';

export const APP_ID = 'medallion-test';

const quiet: Logger = { info() {}, warn() {}, error() {}, debug() {} };

export async function createInngestFixture(graph: AssetGraph, clientOptions: { isDev?: boolean; signingKey?: string } = {}) {
  const lake: TempLake = await createTempLake();
  const fake = createFakeInngestServer();
  const client = new Inngest({ id: APP_ID, isDev: clientOptions.isDev ?? true, fetch: fake.fetch, logger: quiet, internalLogger: quiet, ...clientOptions });
  const inngest = createInngestApp({ graph, storage: lake.storage, client, debouncePeriod: '5s' });
  const app = new Hono();
  app.on(['GET', 'POST', 'PUT'], '/api/inngest', inngest.handler);
  return {
    lake, fake, app, inngest,
    /** Syncs, then delivers `events` and everything the runs send in turn. */
    async deliver(...events: SentEvent[]) {
      const { functions } = await syncApp(app, fake);
      return deliverEvents(app, { appId: APP_ID, functions, events, server: fake });
    },
    run: (fnId: string, event: SentEvent, maxAttempts = 3) => driveRun(app, { fnId: `${APP_ID}-${fnId}`, event, maxAttempts, server: fake }),
    cleanup: () => lake.cleanup(),
  };
}

export const requested = (asset: string, extra: Record<string, unknown> = {}): SentEvent => ({ name: 'medallion/asset.requested', data: { asset, ...extra } });
