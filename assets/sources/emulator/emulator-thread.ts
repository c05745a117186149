/**
 * The emulator's side of `startEmulatorThread`: builds the emulator in a worker thread and answers each
 * request message with the response's status, headers and body, so the sample's services spend their CPU
 * beside the pipeline, not inside its event loop (as the real services do on their own machines).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createEmulator } from './emulator-app.ts';
import { RESET_HEADER } from './fault-middleware.ts';
import type { ThreadReply, ThreadRequest, EmulatorThreadOptions } from './emulator-thread-protocol.ts';

const port = parentPort!;
const emulator = createEmulator({ ...(workerData as EmulatorThreadOptions), tmdb: { rateLimit: false }, discogs: { rateLimit: false } });

port.on('message', (message: ThreadRequest) => {
  // A body's bytes are moved, not copied, to the pipeline's thread.
  void answer(message).then((reply) => port.postMessage(reply, reply.type === 'response' ? [reply.body.buffer as ArrayBuffer] : []));
});

async function answer(message: ThreadRequest): Promise<ThreadReply> {
  try {
    if (message.type === 'truth') return { id: message.id, type: 'truth', truth: emulator.catalogue.truth };
    const response = await emulator.app.fetch(new Request(message.url, { method: message.method, headers: message.headers }));
    if (response.headers.has(RESET_HEADER)) return { id: message.id, type: 'reset' };
    return { id: message.id, type: 'response', status: response.status, headers: [...response.headers], body: new Uint8Array(await response.arrayBuffer()) };
  } catch (error) {
    return { id: message.id, type: 'error', message: error instanceof Error ? error.message : String(error) };
  }
}
