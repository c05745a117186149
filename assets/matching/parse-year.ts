/**
 * Years as landed → a number or null: TMDB's "YYYY-MM-DD" (or ""), Discogs' "1999" (or absent, or "0").
 */

const EARLIEST_YEAR = 1870;

/** The leading four-digit year of a date or year string; null when there is none or it is not plausible. */
export function parseYear(value: string | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  const match = /^\s*(\d{4})/.exec(value);
  if (match === null) return null;
  const year = Number(match[1]);
  // Discogs writes "0" or leaves the field out when unknown; anything before film existed is noise too.
  return year >= EARLIEST_YEAR ? year : null;
}
