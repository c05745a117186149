/**
 * The emulator over real HTTP with @hono/node-server (port 0: an ephemeral port), for clients that must
 * go through sockets: `TMDB_BASE_URL=${url}/tmdb/3`, `DISCOGS_BASE_URL=${url}/discogs`.
 */
import { serve } from '@hono/node-server';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { createEmulator, type Emulator, type EmulatorOptions } from './emulator-app.ts';

export interface ServeEmulatorOptions extends EmulatorOptions {
  /** Default 0: any free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
}

export interface ServedEmulator {
  /** `http://host:port`, no trailing slash. */
  readonly url: string;
  readonly tmdbBaseUrl: string;
  readonly discogsBaseUrl: string;
  readonly emulator: Emulator;
  /** Stops listening and drops open connections. */
  close(): Promise<void>;
}

/**
 * @example
 * const served = await serveEmulator({ films: 500 });
 * process.env.TMDB_BASE_URL = served.tmdbBaseUrl;
 * await served.close();
 */
export async function serveEmulator(options: ServeEmulatorOptions = {}): Promise<ServedEmulator> {
  const { port = 0, host = '127.0.0.1', ...emulatorOptions } = options;
  const emulator = createEmulator(emulatorOptions);
  const server = serve({ fetch: emulator.app.fetch, port, hostname: host });
  // `once` rejects on an 'error' event (e.g. EADDRINUSE) before 'listening'.
  await once(server, 'listening');
  const address = server.address() as AddressInfo;
  const url = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
  return {
    url,
    tmdbBaseUrl: `${url}/tmdb/3`,
    discogsBaseUrl: `${url}/discogs`,
    emulator,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error === undefined ? resolve() : reject(error)));
        if ('closeAllConnections' in server) server.closeAllConnections();
      }),
  };
}
