/**
 * Observations: what an asset's source looks like now, recorded from outside a materialization (a blob
 * landed in the raw container). The latest one per slot lives at `metrics/_observations/<asset>.json`; an
 * observation newer than the slot's last materialization makes the slot stale (cause `data`).
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { assetPrefix, type AssetKey } from '../asset/asset-key.ts';
import type { Storage } from '../storage/storage.ts';

export const observationSchema = z.object({
  asset: z.string(),
  partition: z.string().nullable(),
  observedAt: z.iso.datetime(),
  /** A version of what was observed (e.g. a hash of the blob's path and ETag). */
  dataVersion: z.string(),
  /** Where, for people: `raw/tmdb_movies/landing/2026-11-26.json`. */
  source: z.string(),
});
export type Observation = z.output<typeof observationSchema>;

export function observationPath(key: AssetKey, partition: string | null = null): string {
  return `metrics/_observations/${assetPrefix(key, partition)}.json`;
}

export async function writeObservation(storage: Storage, observation: Observation): Promise<void> {
  await storage.put(observationPath(observation.asset, observation.partition), JSON.stringify(observation, null, 2), { contentType: 'application/json' });
}

export async function readObservation(storage: Storage, key: AssetKey, partition: string | null = null): Promise<Observation | undefined> {
  const stored = await storage.get(observationPath(key, partition));
  if (stored === undefined) return undefined;
  const parsed = observationSchema.safeParse(JSON.parse(new TextDecoder().decode(stored.body)));
  return parsed.success ? parsed.data : undefined;
}

/**
 * Records that an asset's source changed (e.g. a blob landed), so the asset and its downstream go stale.
 *
 * @example
 * await observeAsset(storage, { asset: 'raw/tmdb_movies', source: 'raw/landing/tmdb/2026-11-26.json', version: etag });
 */
export async function observeAsset(storage: Storage, options: { asset: AssetKey; partition?: string | null; source: string; version: string }): Promise<Observation> {
  const observation: Observation = {
    asset: options.asset,
    partition: options.partition ?? null,
    observedAt: new Date().toISOString(),
    dataVersion: createHash('sha256').update(`${options.source}\u0000${options.version}`).digest('hex'),
    source: options.source,
  };
  await writeObservation(storage, observation);
  return observation;
}
