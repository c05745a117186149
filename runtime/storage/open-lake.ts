/**
 * Opens the lake named by `--lake` / `MEDALLION_LAKE`: a local folder (default `./data/lake`). Account URLs
 * select the Azure Blob backend once it exists.
 */
import { resolve } from 'node:path';
import { ConfigError } from '../errors.ts';
import { createLocalStorage } from './local-storage.ts';
import type { Storage } from './storage.ts';

export const DEFAULT_LAKE = './data/lake';

export function openLake(location: string | undefined, cwd: string = process.cwd()): Storage {
  const target = location === undefined || location.trim() === '' ? DEFAULT_LAKE : location.trim();
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(target)) {
    const scheme = target.slice(0, target.indexOf(':'));
    throw new ConfigError(
      `The lake "${redactUrl(target)}" is a ${scheme} URL; only local folders are supported in this version. Pass a folder path to --lake or MEDALLION_LAKE.`,
    );
  }
  return createLocalStorage(resolve(cwd, target));
}

/** Drops query strings (SAS tokens) and user info from a URL before it is shown anywhere. */
export function redactUrl(url: string): string {
  return url.replace(/\?.*$/, '?…').replace(/\/\/[^/@]*@/, '//…@');
}
