/**
 * Whether a Discogs release's artist credit names one of a film's composers (TMDB credits): "John Williams (4),
 * The London Symphony Orchestra" names "John Williams"; "Toto" names "Toto"; "Various" names nobody.
 */

/** Lowercase, diacritics stripped, Discogs' disambiguation "(4)" dropped, punctuation → space. */
export function normalizePersonName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\(\d+\)/g, ' ')
    .replace(/['’`.]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The names in a Discogs artist credit: split at commas, "&", "and", "/", "feat.", "vs.", "with". */
export function creditNames(artist: string): string[] {
  return artist
    .split(/\s*(?:,|&|\/|\+|\s(?:and|feat\.?|featuring|ft\.|vs\.?|with|presents|conducts|conducted by)\s)\s*/i)
    .map(normalizePersonName)
    .map((name) => name.replace(/^the /, ''))
    .filter((name) => name !== '' && name !== 'various');
}

/**
 * A composer is credited when a credit is the composer's name, or holds it whole when the name has two words
 * or more ("ennio morricone and his orchestra"); a one-word name ("toto", "goblin") must be the whole credit.
 */
export function isCreditedComposer(artist: string | null, composers: readonly string[]): boolean {
  if (artist === null || composers.length === 0) return false;
  const credits = creditNames(artist);
  return composers.some((composer) => {
    const name = normalizePersonName(composer).replace(/^the /, '');
    if (name === '') return false;
    const multiWord = name.includes(' ');
    return credits.some((credit) => credit === name || (multiWord && ` ${credit} `.includes(` ${name} `)));
  });
}
