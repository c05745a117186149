/**
 * Randomness keyed by a record id: details rendered on demand (runtimes, tracklists) and per-record
 * faults come out the same for the same (seed, id), whatever was requested before.
 */
import { createSeededRandom, type SeededRandom } from '../seeded-random.ts';

/** A generator seeded from the catalogue seed and one id (plus a salt per use, so uses do not correlate). */
export function idRandom(seed: number, id: number, salt = 0): SeededRandom {
  return createSeededRandom(mix(mix(seed ^ salt) ^ id));
}

/** A uniform value in [0, 1) for (seed, id, salt), without building a generator. */
export function idUnit(seed: number, id: number, salt = 0): number {
  return mix(mix(mix(seed ^ salt) ^ id) + 0x6d2b79f5) / 4294967296;
}

/** A 32-bit integer finalizer (murmur3's fmix32). */
function mix(value: number): number {
  let h = value >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
