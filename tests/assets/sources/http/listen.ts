// Serves a Hono app on a loopback port chosen by the OS, for tests that go through real sockets.
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';

export interface Listening {
  url: string;
  close(): Promise<void>;
}

export function listen(app: Hono): Promise<Listening> {
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
      const close = () =>
        new Promise<void>((done) => {
          server.close(() => done());
          // Keep-alive sockets from undici would otherwise hold close() open.
          (server as Server).closeAllConnections();
        });
      resolve({ url: `http://127.0.0.1:${info.port}`, close });
    });
  });
}
