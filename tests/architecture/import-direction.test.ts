// Dependency direction, checked on the source: runtime ← assets ← server ← the root entries (inngest.config.ts,
// medallion.config.ts) and bench/; assets import the framework only through its public entry; inside runtime/,
// folders only import folders of lower rank; and no module cycles.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

function sources(folder: string): string[] {
  const path = join(root, folder);
  try {
    statSync(path);
  } catch {
    return [];
  }
  return readdirSync(path, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .map((name) => relative(root, join(path, name)));
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

/** The package by its own name (`medallion`, `medallion/testing`), as its `source` export resolves it. */
const exportsMap = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { exports: Record<string, string | { source?: string }> }).exports;
const SELF = new Map<string, string>(Object.entries(exportsMap).flatMap(([entry, target]) =>
  typeof target === 'object' && target.source !== undefined ? [[`medallion${entry.slice(1)}`, relative(root, join(root, target.source))] as const] : []));

/** Template literals are data, not imports (`medallion init` writes its project's files from them). */
const TEMPLATE_LITERAL = /`(?:\\[\s\S]|[^`\\])*`/g;

function specifiersOf(file: string): string[] {
  const code = readFileSync(join(root, file), 'utf8').replace(TEMPLATE_LITERAL, '``');
  return [...code.matchAll(IMPORT)].map((match) => match[1] ?? match[2]!);
}

function importsOf(file: string): string[] {
  return specifiersOf(file)
    .filter((specifier) => specifier.startsWith('.') || SELF.has(specifier))
    .map((specifier) => SELF.get(specifier) ?? relative(root, resolve(dirname(join(root, file)), specifier)));
}

/** The TypeScript files at the root: entries (inngest.config.ts, medallion.config.ts) that nothing else imports. */
const rootFiles = readdirSync(root).filter((name) => name.endsWith('.ts'));
const LAYERS = ['runtime/', 'assets/', 'server/'];
const inLayer = (file: string) => LAYERS.some((layer) => file.startsWith(layer));

const files = [...sources('runtime'), ...sources('assets'), ...sources('server'), ...rootFiles, ...sources('bench')];
const edges = new Map(files.map((file) => [file, importsOf(file)]));

// Rank of each runtime folder; a module may import its own folder or a lower rank.
const RANK: Record<string, number> = {
  'runtime/errors.ts': 0, 'runtime/json.ts': 0,
  'runtime/asset': 1, 'runtime/graph': 2, 'runtime/storage': 2, 'runtime/io': 2,
  'runtime/telemetry': 3, // above storage: traced-storage.ts wraps any backend
  'runtime/selection': 3, 'runtime/ledger': 4, 'runtime/versions': 5, 'runtime/executor': 6,
  // A config holds commands (their contract, command.ts); the CLI loads configs.
  'runtime/cli/command.ts': 7, 'runtime/config': 8, 'runtime/cli': 9,
  'runtime/index.ts': 10, 'runtime/testing.ts': 10, 'runtime/data-plane.ts': 10, 'runtime/cli.ts': 10, 'runtime/internal.ts': 10,
};

const folderOf = (file: string) => file.split('/').slice(0, 2).join('/');

function rankOf(file: string): number | undefined {
  return file in RANK ? RANK[file] : RANK[folderOf(file)];
}

describe('import direction', () => {
  it('runtime/ never imports the pipeline, the server or the Inngest wiring', () => {
    const offending = files
      .filter((file) => file.startsWith('runtime/'))
      .flatMap((file) => edges.get(file)!.filter((target) => !target.startsWith('runtime/')).map((target) => `${file} → ${target}`));
    assert.deepEqual(offending, []);
  });

  it('assets/ and server/ import the framework only through its entries (package.json exports)', () => {
    const entries = new Set(SELF.values());
    const offending = files
      .filter((file) => !file.startsWith('runtime/'))
      .flatMap((file) => edges.get(file)!.filter((target) => target.startsWith('runtime/') && !entries.has(target)).map((target) => `${file} → ${target}`));
    assert.deepEqual(offending, []);
  });

  it('assets/ and examples/ import the framework by its package name, so the compiled CLI and they share one copy', () => {
    const offending = [...sources('assets'), ...sources('examples'), 'medallion.config.ts']
      .flatMap((file) => specifiersOf(file).filter((specifier) => specifier.startsWith('.') && relative(root, resolve(dirname(join(root, file)), specifier)).startsWith('runtime/')).map((specifier) => `${file} → ${specifier}`));
    assert.deepEqual(offending, []);
    assert.ok(SELF.get('medallion') === 'runtime/index.ts', 'the package entry resolves to runtime/index.ts under the source condition');
  });

  it('a project (examples/, the scaffold) never imports medallion/internal', () => {
    const offending = [...sources('examples'), 'runtime/cli/commands/init-template.ts']
      .filter((file) => readFileSync(join(root, file), 'utf8').includes("'medallion/internal'"));
    assert.deepEqual(offending, []);
  });

  it('runtime/ never imports the package by its own name', () => {
    const offending = files.filter((file) => file.startsWith('runtime/')).flatMap((file) => specifiersOf(file).filter((specifier) => SELF.has(specifier)).map((specifier) => `${file} → ${specifier}`));
    assert.deepEqual(offending, []);
  });

  it('the root files and bench/ are scanned (the layers below never reach back to them)', () => {
    assert.ok(rootFiles.includes('inngest.config.ts') && rootFiles.includes('medallion.config.ts'), `root files found: ${rootFiles.join(', ')}`);
    const offending = files
      .filter(inLayer)
      .flatMap((file) => edges.get(file)!.filter((target) => !inLayer(target)).map((target) => `${file} → ${target}`));
    assert.deepEqual(offending, []);
  });

  it('assets/ never imports server/', () => {
    const offending = files
      .filter((file) => file.startsWith('assets/'))
      .flatMap((file) => edges.get(file)!.filter((target) => target.startsWith('server/')).map((target) => `${file} → ${target}`));
    assert.deepEqual(offending, []);
  });

  it('inside runtime/, a folder imports only its own or lower-ranked folders', () => {
    const offending = files
      .filter((file) => file.startsWith('runtime/'))
      .flatMap((file) =>
        edges.get(file)!
          .filter((target) => {
            const [from, to] = [rankOf(file), rankOf(target)];
            const sameFolder = folderOf(file) === folderOf(target);
            return !sameFolder && (from === undefined || to === undefined || to >= from);
          })
          .map((target) => `${file} (rank ${rankOf(file)}) → ${target} (rank ${rankOf(target)})`),
      );
    assert.deepEqual(offending, []);
  });

  it('has no import cycles', () => {
    const state = new Map<string, 'active' | 'done'>();
    const cycles: string[] = [];
    const visit = (file: string, path: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'active') {
        cycles.push([...path.slice(path.indexOf(file)), file].join(' → '));
        return;
      }
      state.set(file, 'active');
      for (const target of edges.get(file) ?? []) visit(target, [...path, file]);
      state.set(file, 'done');
    };
    for (const file of files) visit(file, []);
    assert.deepEqual(cycles, []);
  });
});
