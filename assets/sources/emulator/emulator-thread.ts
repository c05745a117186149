/**
 * The emulator's side of `startEmulatorThread` (thread-fetch.ts): builds the emulator in a worker thread and
 * answers each request message with the response's status, headers and body, so the sample's services spend
 * their CPU beside the pipeline's, not in its event loop (as the real services do, on their own machines).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createEmulator } from './emulator-app.ts';
import { RESET_HEADER } from './fault-middleware.ts';
import { SAMPLE_SERVICES } from './in-process-defaults.ts';
import type { EmulatorThreadData, ThreadReply, ThreadRequest } from './emulator-thread-protocol.ts';
import { installLightResponse } from './thread-response.ts';

// Before the emulator answers anything: its answers are read here at once, as text, so their bodies need no streams.
installLightResponse();
const port = parentPort!;
const { films, seed } = (workerData as EmulatorThreadData).emulator;
const emulator = createEmulator({ films, seed, ...SAMPLE_SERVICES });

port.on('message', (message: ThreadRequest) => {
  void answer(message).then((reply) => port.postMessage(reply));
});

async function answer(message: ThreadRequest): Promise<ThreadReply> {
  const { id } = message;
  try {
    if (message.type === 'truth') return { id, type: 'truth', truth: emulator.catalogue.truth };
    const response = await emulator.app.fetch(new Request(message.url, { method: message.method, headers: message.headers }));
    if (response.headers.has(RESET_HEADER)) return { id, type: 'reset' };
    const headers: [string, string][] = [];
    response.headers.forEach((value, name) => headers.push([name, value]));
    return { id, type: 'response', status: response.status, statusText: response.statusText, headers, body: await response.text() };
  } catch (error) {
    return { id, type: 'error', message: error instanceof Error ? error.message : String(error) };
  }
}
