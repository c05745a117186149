/**
 * What a title says beyond its words: sequel numbers, the main title before a subtitle, and whether a
 * release is written or filed as a film soundtrack or as something that fools string similarity (a TV
 * series, a video game, an album only "inspired by" a film).
 */
import { normalizeTitle } from './normalize-title.ts';

/** Numbers in a normalized title ("rocky 3" → "3", "blade runner 2049" → "2049"), sorted: a sequel's identity. */
export function sequelNumbers(norm: string): string {
  return norm
    .split(' ')
    .filter((token) => /^\d+$/.test(token))
    .sort()
    .join(' ');
}

/**
 * The main title of "Main: Subtitle" or "Main - Subtitle", normalized; null when there is no subtitle.
 * Discogs submitters often drop a film's subtitle ("Mad Max" for "Mad Max: Fury Road"). Only the last
 * subtitle goes: "Mission: Impossible - Fallout" → "mission impossible", never "mission".
 */
export function mainTitleNorm(title: string): string | null {
  const match = /^(.+)(?::\s|\s[-–—]\s)/.exec(title);
  if (match === null) return null;
  const main = normalizeTitle(match[1]!);
  return main === '' || main === normalizeTitle(title) ? null : main;
}

export const RELEASE_HINTS = ['tv', 'game', 'inspired-by', 'stage'] as const;
export type ReleaseHint = (typeof RELEASE_HINTS)[number];

// "Netflix" alone names a streamer, not a series: "Soundtrack From The Netflix Film" is a film's album.
const TV = /\b(television|tv series|tv soundtrack|the series|hbo series|netflix(?! (original )?(film|movie)\b)|original series|series soundtrack|season \d+)\b/i;
const GAME = /\b(video ?game|game soundtrack|game score|original game)\b/i;
// "Music From And Inspired By The Motion Picture" is the film's own album; "(Songs) Inspired By …" alone is not.
// Japanese "image albums" (イメージアルバム) are music written to a film's idea before its score.
const INSPIRED = /\binspired by\b|\bimage album\b|イメージアルバム/i;
const FROM_AND_INSPIRED = /\bfrom (and|&) inspired by\b/i;

// A stage production's cast album ("Original Broadway Cast Recording"), not the film of the same musical.
const STAGE = /\b(broadway|west end|london|original|stage|revival)\s+cast\b|\bcast recording\b|\bthe musical\b/i;
const FILM_WORDING = /\b(motion picture|film|movie|sound ?track)\b/i;

/** What a release's title and styles say it is, when that is not a film soundtrack. */
export function releaseHint(title: string, styles: readonly string[]): ReleaseHint | null {
  if (TV.test(title)) return 'tv';
  if (GAME.test(title) || styles.includes('Video Game Music')) return 'game';
  if (INSPIRED.test(title) && !FROM_AND_INSPIRED.test(title)) return 'inspired-by';
  if (STAGE.test(title) && !FILM_WORDING.test(title)) return 'stage';
  return null;
}

/** Filed as film music on Discogs: genre Stage & Screen, or style Soundtrack or Score. */
export function isFiledAsSoundtrack(genres: readonly string[], styles: readonly string[]): boolean {
  return genres.includes('Stage & Screen') || styles.includes('Soundtrack') || styles.includes('Score');
}

const SOUNDTRACK_WORDING =
  /\b(soundtrack|score|o\.?s\.?t\.?|motion picture|music from|bande originale|colonna sonora|banda sonora|original music)\b/i;

/** The title says it is film music ("… (Original Motion Picture Soundtrack)", "… OST", "… Score"). */
export function hasSoundtrackWording(title: string): boolean {
  return SOUNDTRACK_WORDING.test(title);
}
