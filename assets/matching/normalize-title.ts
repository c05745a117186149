/**
 * `normalizeTitle`: the one normalization both sides of the match go through, so a TMDB title and a Discogs
 * release title written differently ("The Matrix" / "Matrix, The (Original Motion Picture Soundtrack)") meet.
 */

// Longest first, so "original motion picture soundtrack" wins over "soundtrack".
const SOUNDTRACK_PHRASES: readonly (readonly string[])[] = [
  // What a release says it is, kept out of the title proper; whether it is a film's music is read from the
  // raw title (matching/title-features.ts), so TV, game and "inspired by" releases still meet the film and
  // are then ruled out by name.
  'a netflix original series soundtrack',
  'original score from the tv series',
  'music from the television series',
  'music from the hbo series',
  'music from the tv series',
  'music from the series',
  'original television soundtrack',
  'original series soundtrack',
  'original video game soundtrack',
  'original video game score',
  'original game soundtrack',
  'video game soundtrack',
  'songs inspired by the motion picture',
  'music inspired by the film',
  'original soundtrack recording',
  'soundtrack recording',
  'music from and inspired by',
  'the album',
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
 * Roman numerals as sequel numbers ("Rocky III" = "Rocky 3", as Discogs often writes it). I, V and X are left
 * alone: too often a word or a letter ("I, Robot", "V for Vendetta", "Malcolm X").
 */
const ROMAN_NUMERALS: ReadonlyMap<string, string> = new Map(
  ['ii', 'iii', 'iv', 'vi', 'vii', 'viii', 'ix', 'xi', 'xii', 'xiii', 'xiv', 'xv', 'xvi', 'xvii', 'xviii', 'xix', 'xx'].map((numeral, index) => [
    numeral,
    String([2, 3, 4, 6, 7, 8, 9, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20][index]),
  ]),
);

/**
 * Lowercase, diacritics stripped, `&` → "and", apostrophes dropped, punctuation → space, a leading "The"
 * and a trailing ", The" dropped, trailing soundtrack phrases removed, roman sequel numerals as digits, spaces
 * collapsed.
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
  const tokens = stripSoundtrackPhrases(text === '' ? [] : text.split(' ')).map((token) => ROMAN_NUMERALS.get(token) ?? token);
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
