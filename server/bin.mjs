#!/usr/bin/env node
// The `medallion` executable: the compiled CLI (dist/, built by `npm run build`, which `prepare` runs on
// install). Plain JavaScript, so no TypeScript loader is paid for at start-up; tsx is loaded only to read a
// project's .ts config on a Node that cannot strip types itself.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const main = new URL('../dist/server/main.js', import.meta.url);
if (!existsSync(main)) {
  process.stderr.write(`medallion: the compiled CLI is missing (${fileURLToPath(main)}); run "npm run build" in ${fileURLToPath(new URL('..', import.meta.url))}.\n`);
  process.exit(4);
}
await import(main.href);
