/** The messages between `startEmulatorThread` and the emulator's worker thread (structured-clonable). */
import type { SoundtrackTruth } from './catalogue.ts';

/** What the thread's emulator is built from: only plain values cross a thread. */
export interface EmulatorThreadOptions {
  readonly films?: number;
  readonly seed?: number;
}

export type ThreadAsk =
  | { readonly type: 'fetch'; readonly url: string; readonly method: string; readonly headers: Array<[string, string]> }
  | { readonly type: 'truth' };

export type ThreadRequest = ThreadAsk & { readonly id: number };

export type ThreadReply =
  | { readonly id: number; readonly type: 'response'; readonly status: number; readonly headers: Array<[string, string]>; readonly body: Uint8Array }
  | { readonly id: number; readonly type: 'reset' }
  | { readonly id: number; readonly type: 'truth'; readonly truth: readonly SoundtrackTruth[] }
  | { readonly id: number; readonly type: 'error'; readonly message: string };
