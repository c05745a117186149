// Runs every tests/**/*.test.ts and examples/**/*.test.ts with node:test under tsx, with the network guard preloaded into each test
// process. Node 20's --test does not expand globs, so the files are listed here. Extra arguments are passed
// through (e.g. `node tests/run.mjs tests/runtime/graph`) to run a subset. tests/e2e/ (the real Inngest server)
// and tests/scale/ (self-hosted Inngest, Redis, PostgreSQL, nginx) run only when named: `npm run test:e2e`,
// `npm run test:scale`.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const roots = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['tests', 'examples'];

const SEPARATE_SUITES = new Set([join(root, 'tests', 'e2e'), join(root, 'tests', 'scale')]);

function collect(path, named) {
  const stats = statSync(path);
  if (stats.isFile()) return path.endsWith('.test.ts') ? [path] : [];
  if (!named && SEPARATE_SUITES.has(path)) return [];
  return readdirSync(path).sort().flatMap((name) => collect(join(path, name), false));
}

const files = roots.flatMap((path) => collect(join(root, path), true)).map((file) => relative(root, file));
if (files.length === 0) {
  console.error(`No test files under ${roots.join(', ')}.`);
  process.exit(1);
}
const result = spawnSync(
  process.execPath,
  ['--require', './tests/support/netguard.cjs', '--conditions=source', '--import', 'tsx', '--test', '--test-concurrency=2', ...files],
  { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_OPTIONS: '' } },
);
process.exit(result.status ?? 1);
