/**
 * The local-filesystem backend: the shared storage contract on temp folders, plus what only a filesystem can get
 * wrong: paths escaping the root, temp files, atomicity and locks across real processes, SIGKILLed holders.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { ChildProcessByStdio } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import type { Readable } from 'node:stream';
import { describe, it } from 'node:test';
import type { TestContext } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createLocalStorage } from '../../../runtime/index.ts';
import type { Storage } from '../../../runtime/index.ts';
import { storageContract, storageError } from './storage-contract.ts';

const makeRoot = () => mkdtemp(join(tmpdir(), 'medallion-storage-'));

storageContract('local filesystem', async () => {
  const root = await makeRoot();
  return { storage: createLocalStorage(root), cleanup: () => rm(root, { recursive: true, force: true }) };
});

type Child = ChildProcessByStdio<null, Readable, Readable>;

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

function runFixture(name: string, args: readonly string[]): Child {
  const script = fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
  return spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_OPTIONS: '' },
  });
}

/** Resolves with the child's stdout once it exits; fails unless it exited with 0. */
function succeeded(child: Child): Promise<string> {
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) =>
      code === 0 ? resolve(stdout) : reject(new Error(`child exited with ${code ?? signal}: ${stderr}`)),
    );
  });
}

function printed(child: Child, text: string): Promise<void> {
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes(text)) resolve();
    });
    child.on('exit', (code) => reject(new Error(`child exited with ${code} before printing "${text}": ${stderr}`)));
  });
}

/** A fresh lake in a temp folder, removed when the test ends; tests make their own so they can run concurrently. */
async function freshLake(t: TestContext): Promise<{ root: string; lake: Storage }> {
  const root = await makeRoot();
  t.after(() => rm(root, { recursive: true, force: true }));
  return { root, lake: createLocalStorage(root) };
}

describe('local storage', () => {
  it('reports the absolute root as its location and keeps objects as plain files under it', async (t) => {
    const { root, lake } = await freshLake(t);
    assert.equal(createLocalStorage(relative(process.cwd(), root)).location, root);
    await lake.put('gold/matches/part-0.parquet', 'PAR1');
    assert.equal(await readFile(join(root, 'gold', 'matches', 'part-0.parquet'), 'utf8'), 'PAR1');
  });

  it('rejects paths that are absolute, escape the root or are malformed, and touches nothing', async (t) => {
    const { root, lake } = await freshLake(t);
    const badPaths = [
      '/etc/passwd',
      '../outside.json',
      'gold/../../outside.json',
      'gold/./a.json',
      'gold//a.json',
      'gold/a.json/',
      'gold\\..\\a.json',
      'gold/a\0.json',
      'gold',
      '',
      '.locks/ledger.lease',
      'gold/.a.json.lock',
    ];
    for (const path of badPaths) {
      await assert.rejects(lake.put(path, 'x'), storageError('STORAGE_IO', 'Invalid object path'), path);
      await assert.rejects(lake.get(path), storageError('STORAGE_IO'), path);
      await assert.rejects(lake.stat(path), storageError('STORAGE_IO'), path);
      await assert.rejects(lake.delete(path), storageError('STORAGE_IO'), path);
    }
    for (const prefix of ['/etc', '../', 'gold/../..', 'gold/..', 'gold\\x', 'gold//']) {
      await assert.rejects(lake.list(prefix), storageError('STORAGE_IO', 'Invalid list prefix'), prefix);
    }
    await assert.rejects(lake.lock(''), storageError('STORAGE_IO', 'non-empty name'));
    assert.deepEqual(await readdir(root), []);
    assert.ok(!(await readdir(dirname(root))).includes('outside.json'));
  });

  it('never lists temp files or write mutexes, even while writes are in flight', async (t) => {
    const { root, lake } = await freshLake(t);
    await mkdir(join(root, 'gold', '.b.json.lock'), { recursive: true });
    await writeFile(join(root, 'gold', '.b.json.0a1b2c.tmp'), 'half a');
    const writes = Array.from({ length: 30 }, (_, i) => lake.put(i % 2 ? 'gold/a.json' : 'gold/sub/c.json', `version ${i}`));
    const listings = Array.from({ length: 15 }, () => lake.list('gold/'));
    await Promise.all(writes);
    for (const listing of await Promise.all(listings)) {
      for (const { path } of listing) assert.ok(['gold/a.json', 'gold/sub/c.json'].includes(path), path);
    }
    assert.deepEqual((await lake.list('gold/')).map((info) => info.path), ['gold/a.json', 'gold/sub/c.json']);
    // No temp file or mutex of ours is left behind; only the planted ones remain.
    assert.deepEqual((await readdir(join(root, 'gold'))).sort(), ['.b.json.0a1b2c.tmp', '.b.json.lock', 'a.json', 'sub']);
    assert.deepEqual(await readdir(join(root, 'gold', 'sub')), ['c.json']);
  });

  it('takes over a write mutex left behind by a killed writer once it is stale', async (t) => {
    const { root, lake } = await freshLake(t);
    await lake.put('gold/a.json', 'before');
    const leftover = join(root, 'gold', '.a.json.lock');
    await mkdir(leftover);
    const longAgo = new Date(Date.now() - 60_000);
    await utimes(leftover, longAgo, longAgo);
    await lake.put('gold/a.json', 'after');
    assert.equal(new TextDecoder().decode((await lake.get('gold/a.json'))?.body), 'after');
    assert.ok(!(await readdir(join(root, 'gold'))).includes('.a.json.lock'));
  });

  describe('across processes', { concurrency: true }, () => {
    it('loses no increment when several processes compare-and-swap one counter', async (t) => {
      const { root, lake } = await freshLake(t);
      await lake.put('metrics/counter.json', JSON.stringify({ count: 1000 }), { ifNoneMatch: '*' });
      const [processes, times] = [4, 25];
      await Promise.all(
        Array.from({ length: processes }, () => succeeded(runFixture('cas-increment.ts', [root, 'metrics/counter.json', String(times)]))),
      );
      const counter = await lake.get('metrics/counter.json');
      assert.deepEqual(JSON.parse(new TextDecoder().decode(counter?.body)), { count: 1000 + processes * times });
    });

    it('never shows a reader a partial or mixed object while another process overwrites it', async (t) => {
      const { root, lake } = await freshLake(t);
      const size = 256 * 1024;
      await lake.put('raw/big.bin', new Uint8Array(size));
      const writer = succeeded(runFixture('overwrite-loop.ts', [root, 'raw/big.bin', '30', String(size)]));
      let isDone = false;
      void writer.finally(() => (isDone = true)).catch(() => {});
      const seen = new Set<number>();
      while (!isDone) {
        const object = await lake.get('raw/big.bin');
        assert.ok(object);
        assert.equal(object.body.length, size);
        const first = object.body[0] ?? -1;
        assert.ok(object.body.every((byte) => byte === first), 'a read mixed two versions');
        seen.add(first);
        await new Promise((resolve) => setTimeout(resolve, 1)); // leave the CPU to the writer and other tests
      }
      await writer;
      assert.equal((await lake.get('raw/big.bin'))?.body[0], 30);
      assert.ok(seen.size > 0);
    });

    it('respects a lock held by a live process, and takes it over at once when that process is SIGKILLed', async (t) => {
      const { root, lake } = await freshLake(t);
      const child = runFixture('hold-lock.ts', [root, 'ledger', 'child run']);
      t.after(() => child.kill('SIGKILL'));
      await printed(child, 'locked');
      await assert.rejects(lake.lock('ledger', { waitMs: 0 }), storageError('STORAGE_LOCKED', 'child run', `pid ${child.pid}`));
      const exited = new Promise((resolve) => child.on('exit', resolve));
      child.kill('SIGKILL');
      await exited; // the child is reaped by now, so its pid no longer exists
      // The child's lease runs for 60 s; only the dead-holder check can grant this without waiting.
      const lock = await lake.lock('ledger', { waitMs: 0, owner: 'next run' });
      lock.assertHeld();
      await lock.release();
    });
  });

  it('collects temp files and write mutexes older than the cut-off and folders left empty, and nothing younger', async (t) => {
    const { root, lake } = await freshLake(t);
    await lake.put('gold/matches/v1/attachments/page.json', '{}');
    const old = new Date(Date.now() - 2 * 3_600_000);
    const stale = join(root, 'gold', 'matches', 'v1', 'attachments', '.page-2.json.0123456789ab.tmp');
    const young = join(root, 'gold', 'matches', '.data.parquet.abcdefabcdef.tmp');
    const mutex = join(root, 'gold', 'matches', '.data.parquet.lock');
    await writeFile(stale, 'half');
    await writeFile(young, 'half');
    await mkdir(mutex);
    await mkdir(join(root, 'raw', 'films', 'empty', 'deeper'), { recursive: true });
    await utimes(stale, old, old);
    await utimes(mutex, old, old);
    const cutoff = new Date(Date.now() - 3_600_000);

    const dry = await lake.collectLeftovers!({ olderThan: cutoff, dryRun: true });
    assert.deepEqual(dry.map((leftover) => `${leftover.kind} ${leftover.path}`).sort(), [
      'empty-folder raw/films', 'empty-folder raw/films/empty', 'empty-folder raw/films/empty/deeper',
      'temp-file gold/matches/v1/attachments/.page-2.json.0123456789ab.tmp', 'write-mutex gold/matches/.data.parquet.lock',
    ]);
    assert.ok(existsSync(stale) && existsSync(mutex) && existsSync(join(root, 'raw', 'films')), 'a dry run removes nothing');

    const removed = await lake.collectLeftovers!({ olderThan: cutoff });
    assert.deepEqual(removed.map((leftover) => leftover.path).sort(), dry.map((leftover) => leftover.path).sort());
    assert.deepEqual([existsSync(stale), existsSync(mutex), existsSync(join(root, 'raw', 'films')), existsSync(young)], [false, false, false, true]);
    assert.ok(existsSync(join(root, 'raw')), 'a container folder stays');
    assert.equal(await readFile(join(root, 'gold', 'matches', 'v1', 'attachments', 'page.json'), 'utf8'), '{}');
    await lake.put('raw/films/empty/deeper/again.json', '{}');
    assert.equal(await readFile(join(root, 'raw', 'films', 'empty', 'deeper', 'again.json'), 'utf8'), '{}', 'a removed folder is made again by the next write');
  });

  it('collects a temp file whose mtime is ahead of the clock (a writer killed after stamping it) once it is unchanged since the cut-off', async (t) => {
    const { root, lake } = await freshLake(t);
    await lake.put('raw/a/v1/attachments/spin.bin', 'whole');
    const stamped = join(root, 'raw', 'a', 'v1', 'attachments', '.spin.bin.2b00e517654a.tmp');
    await writeFile(stamped, 'half');
    // A stamp is at most a second ahead; an hour keeps the test clear of the clock.
    const ahead = new Date(Date.now() + 3_600_000);
    await utimes(stamped, ahead, ahead);
    const cutoff = new Date(Date.now() + 60_000); // after the file last changed, before its mtime

    const removed = await lake.collectLeftovers!({ olderThan: cutoff });
    assert.deepEqual(removed.map((leftover) => `${leftover.kind} ${leftover.path}`), ['temp-file raw/a/v1/attachments/.spin.bin.2b00e517654a.tmp']);
    assert.equal(existsSync(stamped), false);
    assert.equal(await readFile(join(root, 'raw', 'a', 'v1', 'attachments', 'spin.bin'), 'utf8'), 'whole', 'the committed object stays');
  });
});
