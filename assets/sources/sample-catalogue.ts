/**
 * The built-in sample: the emulator's catalogue generator at small scale (the ~170 real well-known films,
 * their soundtracks and decoys), with its ground truth. Same seed, identical catalogue; no network.
 */
import { buildCatalogue, DEFAULT_SEED, type Catalogue, type CatalogueRelease, type ReleaseKind } from './emulator/catalogue.ts';
import { SAMPLE_FILMS } from './sample-films.ts';

export type { SoundtrackTruth } from './emulator/catalogue.ts';
export { yearOf } from './emulator/catalogue.ts';

export const DEFAULT_SAMPLE_SEED = DEFAULT_SEED;

export type SampleReleaseKind = ReleaseKind;
export type SampleRelease = CatalogueRelease;
export type SampleCatalogue = Catalogue;

/** Fewer decoys per film than the full-scale default, keeping the sample near 450 releases. */
const SAMPLE_DECOYS_PER_FILM = 0.9;

export function buildSampleCatalogue(seed: number = DEFAULT_SAMPLE_SEED): SampleCatalogue {
  return buildCatalogue({ films: SAMPLE_FILMS.length, seed, decoysPerFilm: SAMPLE_DECOYS_PER_FILM });
}
