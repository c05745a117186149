// A throwaway local lake per test, removed afterwards.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalStorage, type Storage } from '../../runtime/index.ts';

export interface TempLake {
  readonly root: string;
  readonly storage: Storage;
  cleanup(): Promise<void>;
}

export async function createTempLake(): Promise<TempLake> {
  const root = await mkdtemp(join(tmpdir(), 'medallion-lake-'));
  return { root, storage: createLocalStorage(root), cleanup: () => rm(root, { recursive: true, force: true }) };
}
