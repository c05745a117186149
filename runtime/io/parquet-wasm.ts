/**
 * The parquet-wasm instance this process reads and writes Parquet with, replaced after a wasm trap. A panic in
 * the Rust decoder (some damaged files cause one) is a trap, `RuntimeError: unreachable`, that leaves the instance
 * mid-call: its shadow stack and allocator are never unwound, and after a few thousand traps even valid files
 * fail with "memory access out of bounds". A trapped instance is dropped and the next call loads a fresh one.
 */
import { createRequire } from 'node:module';

type ParquetWasm = typeof import('parquet-wasm');

const require = createRequire(import.meta.url);
// The package's Node (CommonJS) build, which instantiates its wasm when loaded: no init call (research note §1).
const MODULE_PATH = require.resolve('parquet-wasm');
let instance: ParquetWasm | undefined;

/** The current instance (the one `import 'parquet-wasm'` gives, until a trap replaces it). */
export function parquetWasm(): ParquetWasm {
  return (instance ??= require(MODULE_PATH) as ParquetWasm);
}

/**
 * The instance's wasm memory, for arrow-js-ffi to read from. Fetch it after the call that produced the data:
 * memory growth replaces the buffer.
 */
export function wasmBuffer(wasm: ParquetWasm): ArrayBuffer {
  // parquet-wasm types this as `WebAssembly.Memory`, which the project's libs do not declare (see below).
  return (wasm.wasmMemory() as unknown as { readonly buffer: ArrayBuffer }).buffer;
}

// The project's TypeScript libs do not declare the WebAssembly global; Node always has it.
const { RuntimeError } = (globalThis as unknown as { WebAssembly: { RuntimeError: new () => Error } }).WebAssembly;

/** Whether `error` is a wasm trap (`WebAssembly.RuntimeError`) rather than an error the decoder returned. */
export function isWasmTrap(error: unknown): error is Error {
  return error instanceof RuntimeError;
}

/** After a trap, drops the instance so the next `parquetWasm()` loads a fresh one; other errors leave it be. */
export function discardAfterTrap(error: unknown): void {
  if (!isWasmTrap(error)) return;
  delete require.cache[MODULE_PATH];
  instance = undefined;
}
