/** The messages between `startEmulatorThread` and the emulator's worker thread: plain, structured-clonable values. */
import type { SoundtrackTruth } from './catalogue.ts';

export interface EmulatorThreadOptions {
  readonly films: number;
  readonly seed?: number | undefined;
}

export interface EmulatorThreadData {
  readonly emulator: EmulatorThreadOptions;
  /** The thread's module, and tsx's loader API when Node cannot load TypeScript by itself. */
  readonly entry: string;
  readonly loader: string | undefined;
}

/** What the pipeline's thread asks; each message carries an id its reply answers to. */
export type ThreadAsk =
  | { readonly type: 'fetch'; readonly url: string; readonly method: string; readonly headers: Record<string, string> }
  | { readonly type: 'truth' };

export type ThreadRequest = ThreadAsk & { readonly id: number };

export type ThreadReply =
  | { readonly id: number; readonly type: 'response'; readonly status: number; readonly statusText: string; readonly headers: [string, string][]; readonly body: string }
  | { readonly id: number; readonly type: 'reset' }
  | { readonly id: number; readonly type: 'truth'; readonly truth: readonly SoundtrackTruth[] }
  | { readonly id: number; readonly type: 'error'; readonly message: string };
