// The worker thread's entry: Node 20 cannot load TypeScript by itself, so the thread registers tsx's loader
// (as server/bin.mjs does for the main thread) before it imports the emulator.
import { register } from 'tsx/esm/api';

register();
await import('./emulator-thread.ts');
