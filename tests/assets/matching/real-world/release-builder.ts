// What every part of the real-world set builds its releases from: the release builder, and the genre, style and
// format lists Discogs search sends most often.
import type { RealWorldPair, RealWorldRelease, RealWorldReleaseKind } from '../real-world-cases.ts';

export const SS = ['Stage & Screen'];
export const ST = ['Soundtrack'];
export const SC = ['Score'];
export const STSC = ['Soundtrack', 'Score'];
export const MUSICAL = ['Musical'];
export const LP = ['Vinyl', 'LP', 'Album'];
export const LP_RE = ['Vinyl', 'LP', 'Album', 'Reissue'];
export const LP_RE_RM = ['Vinyl', 'LP', 'Album', 'Reissue', 'Remastered'];
export const CD = ['CD', 'Album'];
export const CD_LTD = ['CD', 'Album', 'Limited Edition'];
export const CD_UNOFF = ['CD', 'Album', 'Unofficial Release'];
export const CASS_UNOFF = ['Cassette', 'Album', 'Unofficial Release'];
export const FILE = ['File', 'FLAC', 'Album'];
export const SINGLE = ['Vinyl', '7"', '45 RPM', 'Single'];
export const ST_MUS = ['Soundtrack', 'Musical'];
export const CD_SINGLE = ['CD', 'Single'];
export const CD_RE = ['CD', 'Album', 'Reissue'];
export const CD_RE_RM = ['CD', 'Album', 'Reissue', 'Remastered'];
export const ROCK_POP_SS = ['Rock', 'Pop', 'Stage & Screen'];
export const CD_DLX = ['CD', 'Album', 'Deluxe Edition'];
export const CD_COMP = ['CD', 'Compilation'];

/** A release as Discogs search writes it; `note` says where its form comes from, `master_year` dates a reissue. */
export function r(
  discogs_id: number,
  title: string,
  year: string | null,
  kind: RealWorldReleaseKind,
  genre: readonly string[],
  style: readonly string[],
  format: readonly string[],
  note?: string,
  master_year?: number | null,
): RealWorldRelease {
  const release: RealWorldRelease = { discogs_id, title, year, genre: [...genre], style: [...style], format: [...format], kind };
  if (note !== undefined) release.note = note;
  if (master_year !== undefined) release.master_year = master_year;
  return release;
}

/** A true (film, release) pair and why it is one. */
export function p(tmdb_id: number, discogs_id: number, kind: string): RealWorldPair {
  return { tmdb_id, discogs_id, kind };
}
