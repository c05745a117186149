/**
 * `normalizeTitle`: the one normalization both sides of the match go through, so a TMDB title and a Discogs
 * release title written differently ("The Matrix" / "Matrix, The (Original Motion Picture Soundtrack)") meet.
 */

// Longest first, so "original motion picture soundtrack" wins over "soundtrack".
const SOUNDTRACK_PHRASES: readonly (readonly string[])[] = [
  'music from and inspired by the original motion picture',
  'music from and inspired by the motion picture',
  'music from the original motion picture',
  'original motion picture soundtrack',
  'music inspired by the motion picture',
  'original motion picture score',
  'music from the motion picture',
  'inspired by the motion picture',
  'bande originale du film',
  'colonna sonora originale',
  'original film soundtrack',
  'banda sonora original',
  'the original soundtrack',
  'original soundtrack',
  'bande originale',
  'original score',
  'soundtrack',
  'o s t',
  'score',
  'ost',
]
  .map((phrase) => phrase.split(' '))
  .sort((a, b) => b.length - a.length);

const ARTICLES = new Set(['the', 'a', 'an']);

/**
 * Lowercase, diacritics stripped, `&` → "and", apostrophes dropped, punctuation → space, a leading "The"
 * and a trailing ", The" dropped, trailing soundtrack phrases removed, spaces collapsed.
 *
 * @example
 * normalizeTitle('Amélie'); // 'amelie'
 * normalizeTitle('Matrix, The (Original Motion Picture Soundtrack)'); // 'matrix'
 */
export function normalizeTitle(title: string): string {
  const text = stripDiacritics(title)
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’‘`´ʼ]/g, '')
    // Keep marks (\p{M}): NFC leaves some scripts' combining marks (e.g. Devanagari vowel signs) separate.
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, ' ')
    .trim();
  const tokens = stripSoundtrackPhrases(text === '' ? [] : text.split(' '));
  if (tokens.length > 1 && tokens[0] === 'the') tokens.shift();
  // ", The" became a trailing "the" once the comma went; English titles do not otherwise end in "the".
  if (tokens.length > 1 && tokens[tokens.length - 1] === 'the') tokens.pop();
  return tokens.join(' ');
}

/**
 * NFKD splits "é" into "e" + U+0301 and folds compatibility forms ("ﬁ" → "fi", full-width → ASCII). Only
 * the Latin combining range is removed: stripping every mark would turn Japanese "ぶ" into "ふ". NFC then
 * recomposes what is left (kana with their voicing marks).
 */
function stripDiacritics(title: string): string {
  return title.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').normalize('NFC');
}

/** Removes trailing soundtrack phrases, repeatedly, but never down to nothing or a lone article ("The Score"). */
function stripSoundtrackPhrases(tokens: string[]): string[] {
  let result = tokens;
  for (;;) {
    const phrase = SOUNDTRACK_PHRASES.find((candidate) => endsWith(result, candidate) && hasContent(result.slice(0, -candidate.length)));
    if (phrase === undefined) return result;
    result = result.slice(0, -phrase.length);
  }
}

function endsWith(tokens: readonly string[], phrase: readonly string[]): boolean {
  if (phrase.length > tokens.length) return false;
  const offset = tokens.length - phrase.length;
  return phrase.every((word, index) => tokens[offset + index] === word);
}

function hasContent(tokens: readonly string[]): boolean {
  return tokens.some((token) => !ARTICLES.has(token));
}
