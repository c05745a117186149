/**
 * Whether a Discogs release's artist credit names one of a film's composers (TMDB credits): "John Williams (4),
 * The London Symphony Orchestra" names "John Williams"; "Toto" names "Toto"; "Various" names nobody.
 */
import { distance } from 'fastest-levenshtein';

/** Lowercase, diacritics stripped, Discogs' disambiguation "(4)" dropped, punctuation → space, initials joined. */
export function normalizePersonName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\(\d+\)/g, ' ')
    .replace(/['’`.]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    // Initials written with or without spaces are one: "M. M. Keeravani" / "M.M. Keeravani", "A. R. Rahman" / "A.R. Rahman".
    .replace(/(?<=^|\s)\p{L}(?:\s\p{L}(?=\s|$))+/gu, (initials) => initials.replace(/\s/g, ''));
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
  return creditedComposerShare(artist, composers) > 0;
}

/**
 * The share of the film's composers the credit names: a re-recording credits the score's one composer (1 of
 * 1 for Psycho 1960), where the remake that adapted it credits two (1 of 2 for Psycho 1998).
 */
export function creditedComposerShare(artist: string | null, composers: readonly string[]): number {
  if (artist === null || composers.length === 0) return 0;
  return creditedShare(creditNames(artist), composerNames(composers));
}

/** A film's composers as credits are compared with them, in order (an unusable name becomes ''). */
export function composerNames(composers: readonly string[]): string[] {
  return composers.map((composer) => normalizePersonName(composer).replace(/^the /, ''));
}

/**
 * `creditedComposerShare` over names already made (`creditNames` of the release's artist, `composerNames` of
 * the film's composers): matching makes them once per release and per film, not once per pair.
 */
export function creditedShare(credits: readonly string[], composers: readonly string[]): number {
  if (composers.length === 0) return 0;
  return composers.filter((name) => {
    if (name === '') return false;
    const multiWord = name.includes(' ');
    return credits.some((credit) => credit === name || (multiWord && (` ${credit} `.includes(` ${name} `) || isTransliteration(credit, name))));
  }).length / composers.length;
}

/**
 * Two spellings of one name from another alphabet ("Eduard Artemiev" / "Eduard Artemyev", "Sergei Prokofiev" /
 * "Sergey Prokofiev"): the same words but one, and that one a word of six letters or more one letter apart.
 */
function isTransliteration(credit: string, name: string): boolean {
  const a = credit.split(' ');
  const b = name.split(' ');
  if (a.length !== b.length) return false;
  const differing = a.flatMap((word, index) => (word === b[index] ? [] : [[word, b[index]!] as const]));
  if (differing.length !== 1) return false;
  const [x, y] = differing[0]!;
  return Math.min(x.length, y.length) >= 6 && distance(x, y) === 1;
}
