/**
 * Discogs search titles are "Artist - Title", and Japanese or Chinese pressings write both titles as
 * "原題 = Title". These split them; normalization is separate (`normalize-title.ts`).
 */

export interface DiscogsTitleParts {
  /** Null when the title has no " - " separator. "Various" for compilations. */
  artist: string | null;
  /** The release title without the artist, as written. */
  title: string;
}

/**
 * Splits at the first " - ": artist names rarely contain it, film titles often do ("Mission: Impossible -
 * Fallout"), so the first one is the artist separator.
 *
 * @example
 * splitDiscogsTitle('Vangelis - Blade Runner (Original Soundtrack)'); // { artist: 'Vangelis', title: 'Blade Runner (Original Soundtrack)' }
 */
export function splitDiscogsTitle(fullTitle: string): DiscogsTitleParts {
  const separator = fullTitle.indexOf(' - ');
  if (separator <= 0) return { artist: null, title: fullTitle.trim() };
  return { artist: fullTitle.slice(0, separator).trim(), title: fullTitle.slice(separator + 3).trim() };
}

/**
 * The two forms of a bilingual title "A = B", or the title alone. Only " = " with spaces counts, so
 * "E=MC²" stays one title.
 *
 * @example
 * titleForms('千と千尋の神隠し = Spirited Away'); // ['千と千尋の神隠し', 'Spirited Away']
 */
export function titleForms(title: string): [primary: string, alternative: string | null] {
  const separator = title.indexOf(' = ');
  if (separator <= 0) return [title, null];
  const alternative = title.slice(separator + 3).split(' = ')[0]?.trim() ?? '';
  return [title.slice(0, separator).trim(), alternative === '' ? null : alternative];
}
