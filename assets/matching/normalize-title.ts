/**
 * `normalizeTitle`: the one normalization both sides of the match go through, so a TMDB title and a Discogs
 * release title written differently ("The Matrix" / "Matrix, The (Original Motion Picture Soundtrack)") meet.
 *
 * Release wording ("Music From The Original Motion Picture Soundtrack", "OST", "Deluxe Edition", "Colonna
 * Sonora Originale") is recognised by the class of its words, not by a list of phrases, so it is removed
 * however it is stacked and wherever it stands: in brackets, as a part after a dash or a colon, as a run of
 * words at either end ("Music From The Motion Picture Soundtrack - X", "X OST"). `analyzeTitle` also returns
 * what was removed (the compared forms keep it as a feature) and the other titles a release title holds:
 * "The Road Warrior (Mad Max 2)", "Fargo / Barton Fink".
 */

/** Words that on their own say "this is a release of film music". */
const STRONG = new Set([
  'soundtrack', 'soundtracks', 'ost', 'osts', 'bso', 'score', 'scores', 'filmmusik', 'soundtrak',
  'サウンドトラック', 'サウンドトラック集', 'サントラ', 'オリジナルサウンドトラック', '音楽集', '原声', '原声带', '电影原声带', '電影原聲帶', '原聲帶', '사운드트랙',
]);
/** Pairs of words that say it together. */
const STRONG_PAIRS = new Set([
  'motion picture', 'motion pictures', 'sound track', 'sound tracks', 'bande originale', 'colonna sonora', 'banda sonora', 'trilha sonora',
  'original cast', 'cast recording', 'film music', 'movie music', 'television series', 'tv series', 'video game', 'game soundtrack',
  'the album', 'symphonic suite',
]);
/** Words that belong to release wording when they stand next to it (never alone: "Original Sin", "Music Man"). */
const WEAK = new Set([
  'original', 'originale', 'originali', 'originales', 'originals', 'music', 'musique', 'musik', 'musica', 'música',
  'songs', 'song', 'themes', 'theme', 'from', 'the', 'of', 'and', 'to', 'a', 'an', 'for', 'by', 'with', 'in', 'on',
  'at', 'inspired', 'film', 'films', 'movie', 'movies', 'motion', 'picture', 'pictures', 'sound', 'track', 'tracks',
  'complete', 'expanded', 'deluxe', 'edition', 'editions', 'collectors', 'collector', 'special', 'anniversary',
  'remastered', 'remaster', 'limited', 'volume', 'vol', 'vols', 'highlights', 'selections', 'selected', 'recording',
  'recordings', 'version', 'versions', 'album', 'official', 'more', 'cast', 'broadway', 'london', 'stage', 'musical',
  'television', 'tv', 'series', 'season', 'video', 'game', 'games', 'du', 'de', 'del', 'della', 'dal', 'dalla', 'la',
  'le', 'les', 'il', 'lo', 'das', 'der', 'die', 'zum', 'zur', 'des', 'el', 'los', 'pelicula', 'película', 'filme',
  'bande', 'colonna', 'sonora', 'banda', 'trilha', 'sonore', 'extended', 'additional', 'score', 'reissue', 'mono',
  'stereo', 'instrumental', 'instrumentals', 'composed', 'conducted', 'performed', 'adaptation', 'orchestral',
  'netflix', 'hbo', 'disney', 'records', 'presents', 'o', 's', 't', 'b', 'new', 'digital', 'bonus', 'ultimate',
  'definitive', 'archival', 'restored', 'legacy',
]);

/**
 * The weak words a run of wording at either end of a title may hold ("X Original Motion Picture Soundtrack",
 * "Music From The Film X"): fewer than in brackets, where the brackets themselves set the wording apart.
 * Never numbers, "of", "and" or place names: "Eden 30 Soundtrack", "Memory Of London OST" keep them.
 */
const RUN_WORDS = new Set([
  'original', 'originale', 'official', 'the', 'film', 'movie', 'motion', 'picture', 'music', 'musique', 'musik', 'songs', 'from', 'of',
  'selections', 'オリジナル',
  'complete', 'expanded', 'deluxe', 'edition', 'special', 'collectors', 'limited', 'anniversary', 'remastered', 'inspired', 'by',
  'sound', 'track', 'theme', 'themes', 'highlights', 'selections', 'recording', 'album', 'more', 'new', 'cast',
]);

const OPENING_NOUNS = new Set(['music', 'musique', 'musik', 'songs']);
const RUN_LINKS = new Set(['from', 'for', 'inspired']);

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

export interface AnalyzedTitle {
  /** The title proper, normalized, its release wording removed (never down to nothing). */
  readonly norm: string;
  /** The release wording removed, normalized, in order ("music from the original motion picture soundtrack"). */
  readonly wording: string;
  /**
   * Other titles the text holds, normalized: a bracketed title that is not wording ("mad max 2" of "The Road
   * Warrior (Mad Max 2)"), each part of a title joined with "/" ("fargo", "barton fink"), and a film the wording
   * names ("dick tracy" of "I'm Breathless (Music From And Inspired By The Film Dick Tracy)").
   */
  readonly alternatives: readonly string[];
  /**
   * The title proper's parts between " - ", ": " and " / ", normalized, when it has several ("star wars",
   * "episode 4", "a new hope"); empty for a title in one part.
   */
  readonly parts: readonly string[];
}

/**
 * Lowercase, diacritics stripped, `&` → "and", apostrophes dropped, punctuation → space, release wording
 * removed, a leading "The" and a trailing ", The" dropped, roman sequel numerals as digits, spaces collapsed.
 *
 * @example
 * normalizeTitle('Amélie'); // 'amelie'
 * normalizeTitle('Matrix, The (Original Motion Picture Soundtrack)'); // 'matrix'
 * normalizeTitle('Jaws (Music From The Original Motion Picture Soundtrack)'); // 'jaws'
 */
export function normalizeTitle(title: string): string {
  return analyzeTitle(title).norm;
}

/**
 * A credit before the title: "Walt Disney's", "Stanley Kubrick's", "Metro Boomin Presents". Names of two or
 * three capitalised words only: one-word possessives belong to titles ("Ocean's Eleven", "Pan's Labyrinth").
 */
const POSSESSIVE_CREDIT = /(^|(?:From|Presents|from|presents)\s+)((?:\p{Lu}[\p{L}.-]*\s){1,2}\p{Lu}[\p{L}.-]*(?:'s|’s|s'|s’))\s+(?=\S)/u;
const PRESENTER = /^((?:\p{Lu}[\p{L}.-]*\s){0,2}\p{Lu}[\p{L}.-]*)\s+Presents:?\s+(?=\S)/u;

export function analyzeTitle(title: string): AnalyzedTitle {
  const analyzed = analyzeWords(title);
  // The title without its credit, as one more form ("fantasia" of "Walt Disney's Fantasia").
  const uncredited = title.replace(PRESENTER, '').replace(POSSESSIVE_CREDIT, '$1');
  if (uncredited === title) return analyzed;
  const norm = analyzeWords(uncredited).norm;
  return norm === '' || norm === analyzed.norm || analyzed.alternatives.includes(norm) ? analyzed : { ...analyzed, alternatives: [...analyzed.alternatives, norm] };
}

function analyzeWords(title: string): AnalyzedTitle {
  // ™, ® and © would fold to letters (NFKD: "Batman™" → "BatmanTM").
  const text = stripDiacritics(title.replace(/[™®©℗]/g, ' ')).toLowerCase().replace(/&/g, ' and ').replace(/['’‘`´ʼ]/g, '');
  const segments = segmentsOf(text);
  const wording: string[] = [];
  const kept: Segment[] = [];
  const named = segments.map((segment) => namedTitle(segment.tokens)).filter((tokens) => tokens !== null);
  for (const [index, segment] of segments.entries()) {
    if (segment.tokens.length === 0) continue;
    if (isWordingSegment(segment) || (index > 0 && isEditionPart(segment))) wording.push(...segment.tokens);
    else kept.push(segment);
  }
  // All of it reads as wording ("The Score", "The Score (Music From The Motion Picture)"): the first part outside
  // brackets is then the title, or everything when there is none.
  if (kept.length === 0) {
    const title = segments.find((segment) => !segment.bracketed && segment.tokens.length > 0);
    if (title === undefined) return { norm: finish(segments.flatMap((segment) => segment.tokens)), wording: '', alternatives: [], parts: [] };
    const removed = segments.filter((segment) => segment !== title).flatMap((segment) => segment.tokens);
    const norm = finish(trimWordingRuns(title.tokens, removed));
    return { norm, wording: removed.join(' '), alternatives: named.map(finish).filter((alternative) => alternative !== norm), parts: [] };
  }
  const trimmed = kept.map((segment) => ({ ...segment, tokens: trimWordingRuns(segment.tokens, wording) }));
  const main = trimmed.filter((segment) => !segment.bracketed);
  const proper = main.length > 0 ? main : trimmed.slice(0, 1);
  const norm = finish(proper.flatMap((segment) => segment.tokens));
  const alternatives = new Set<string>();
  if (main.length > 0) for (const segment of trimmed.filter((candidate) => candidate.bracketed)) alternatives.add(finish(segment.tokens));
  const slashParts = splitOnSlash(proper);
  if (slashParts.length > 1) for (const part of slashParts) alternatives.add(finish(part));
  for (const title of named) alternatives.add(finish(title));
  alternatives.delete(norm);
  alternatives.delete('');
  const parts = proper.length > 1 ? proper.map((segment) => finish(segment.tokens)).filter((part) => part !== '') : [];
  return { norm, wording: wording.join(' '), alternatives: [...alternatives], parts };
}

interface Segment {
  readonly tokens: string[];
  readonly bracketed: boolean;
  /** Set on the segment that starts a new part after " / ". */
  readonly afterSlash: boolean;
}

/**
 * Brackets apart, then the rest cut at " - ", ": " and " / " (the ways Discogs sets wording or a second title
 * apart). Each piece is tokenized: punctuation → space; marks are kept (\p{M}): NFC leaves some scripts'
 * combining marks (e.g. Devanagari vowel signs) separate.
 */
function segmentsOf(text: string): Segment[] {
  const segments: Segment[] = [];
  const pushPlain = (plain: string) => {
    const parts = plain.split(/(\s[-–—]\s|:\s|\s\/\s|\s\/|\/\s)/);
    let afterSlash = false;
    for (const part of parts) {
      if (/^(\s[-–—]\s|:\s)$/.test(part)) continue;
      if (part.includes('/') && part.trim() === '/') {
        afterSlash = true;
        continue;
      }
      segments.push({ tokens: tokensOf(part), bracketed: false, afterSlash });
      afterSlash = false;
    }
  };
  let rest = text;
  for (;;) {
    const match = /[([{]([^)\]}]*)[)\]}]?/.exec(rest);
    if (match === null) break;
    pushPlain(rest.slice(0, match.index));
    segments.push({ tokens: tokensOf(match[1]!), bracketed: true, afterSlash: false });
    rest = rest.slice(match.index + match[0].length);
  }
  pushPlain(rest);
  return segments;
}

function tokensOf(text: string): string[] {
  const spaced = text.replace(/[^\p{L}\p{N}\p{M}]+/gu, ' ').trim();
  if (spaced === '') return [];
  return spaced.split(' ').flatMap(splitCjkSuffix).map((token) => ABBREVIATIONS.get(token) ?? token);
}

/** Written-out forms of abbreviations Discogs titles use where TMDB spells the word ("Dr. Zhivago"). */
const ABBREVIATIONS: ReadonlyMap<string, string> = new Map([['dr', 'doctor'], ['mr', 'mister']]);

/**
 * Chinese and Japanese write release wording onto the title without a space ("シン・ゴジラ音楽集",
 * "千と千尋の神隠し原声带"): split it off as a word of its own.
 */
const CJK_SUFFIXES = ['オリジナルサウンドトラック', 'サウンドトラック集', 'サウンドトラック', 'サントラ', '音楽集', '電影原聲帶', '电影原声带', '原聲帶', '原声带', '原声'];
function splitCjkSuffix(token: string): string[] {
  const suffix = CJK_SUFFIXES.find((candidate) => token.endsWith(candidate) && token.length > candidate.length);
  return suffix === undefined ? [token] : [token.slice(0, -suffix.length), suffix];
}

function isStrongAt(tokens: readonly string[], index: number): number {
  const token = tokens[index]!;
  if (STRONG.has(token)) return 1;
  const next = tokens[index + 1];
  if (next !== undefined && STRONG_PAIRS.has(`${token} ${next}`)) return 2;
  // "O.S.T." and "B.S.O." tokenize letter by letter.
  if ((token === 'o' || token === 'b') && tokens[index + 1] === 's' && tokens[index + 2] === 't') return 3;
  if (token === 'b' && tokens[index + 1] === 's' && tokens[index + 2] === 'o') return 3;
  return 0;
}

function hasStrong(tokens: readonly string[]): boolean {
  return tokens.some((_, index) => isStrongAt(tokens, index) > 0);
}

const isWeak = (token: string) => WEAK.has(token) || /^\d+(st|nd|rd|th)?$/.test(token);

/**
 * A segment is wording when it says so (a strong word) and most of its words are wording: "(Music From The
 * Miramax Motion Picture)", "Original Soundtrack", "(Deluxe Edition)" in brackets. Outside brackets a strong
 * word is required: a title part such as "The Complete Works" is a title.
 */
function isWordingSegment(segment: Segment): boolean {
  const { tokens } = segment;
  const strong = hasStrong(tokens);
  const wordingWords = tokens.filter((token, index) => isWeak(token) || STRONG.has(token) || isStrongAt(tokens, index) > 0 || (strong && isStrongAt(tokens, index - 1) === 2)).length;
  const mostly = wordingWords * 2 >= tokens.length;
  // Outside brackets only a part that is nothing but wording goes ("Original Soundtrack", "The Soundtrack");
  // "Sicario OST" is a title with a wording run, trimmed below.
  if (!segment.bracketed) return strong && wordingWords === tokens.length;
  if (strong) return mostly;
  // "(Deluxe Edition)", "(25th Anniversary)", "(Music For The Luca Guadagnino Film)".
  return wordingWords === tokens.length || (mostly && BRACKET_OPENERS.has(tokens[0]!));
}

/**
 * Edition words: a later part of nothing but these is the edition, not a subtitle ("The Lord Of The Rings: The
 * Return Of The King - The Complete Recordings", "Stop Making Sense - Deluxe Edition").
 */
const EDITION_WORDS = new Set([
  'the', 'complete', 'recordings', 'recording', 'expanded', 'deluxe', 'edition', 'anniversary', 'remastered', 'special',
  'collectors', 'limited', 'definitive', 'ultimate', 'legacy', 'archival', 'restored', 'reissue',
]);
function isEditionPart(segment: Segment): boolean {
  return !segment.bracketed && !segment.afterSlash && segment.tokens.some((token) => !ARTICLES.has(token))
    && segment.tokens.every((token) => EDITION_WORDS.has(token) || /^\d+(st|nd|rd|th)$/.test(token));
}

/** What names film music in a title; the words after it may name the film ("… From The Motion Picture X"). */
const FILM_ANCHORS = new Set(['soundtrack', 'soundtracks', 'score', 'ost', 'film', 'movie', 'picture', 'pictures']);
const TAIL_LINKS = new Set(['from', 'of', 'to', 'for']);

/**
 * A film's title named after the wording that says it is film music: "(Music From The Motion Picture
 * Trainspotting)", "41 Original Hits From The Soundtrack Of American Graffiti", "I'm Breathless (Music From And
 * Inspired By The Film Dick Tracy)". Only when the wording says what it is from ("from"/"of" before the anchor, or
 * a link after it), and the words left are more than wording: "(Music From Baz Luhrmann's Film)" names nobody
 * after "film", "Film Socialisme" is a title.
 */
function namedTitle(tokens: readonly string[]): string[] | null {
  let anchor = -1;
  tokens.forEach((token, index) => {
    if (FILM_ANCHORS.has(token)) anchor = index;
  });
  if (anchor < 0) return null;
  let start = anchor + 1;
  let linked = false;
  while (start < tokens.length && (TAIL_LINKS.has(tokens[start]!) || ARTICLES.has(tokens[start]!))) {
    linked ||= TAIL_LINKS.has(tokens[start]!);
    start++;
  }
  const tail = tokens.slice(start);
  const said = linked || tokens.slice(0, anchor).some((token) => token === 'from' || token === 'of');
  return said && tail.some((token) => !isWeak(token)) ? tail : null;
}

/** A bracket that opens with one of these and is mostly wording is release wording, strong word or not. */
const BRACKET_OPENERS = new Set(['music', 'songs', 'original', 'themes', 'theme', 'highlights', 'selections', 'complete', 'expanded', 'deluxe', 'special', 'limited', 'collectors', 'remastered', 'anniversary', 'more']);

/**
 * A run of wording words at either end of a title part, when the run holds a strong word and words remain:
 * "X Original Soundtrack", "Soundtrack From Twin Peaks", "Music From The Motion Picture X". The whole run
 * goes if that leaves a title; else only up to its strong words ("The Sound Of Music Soundtrack").
 */
function trimWordingRuns(tokens: readonly string[], removed: string[]): string[] {
  const strong = tokens.map(() => false);
  tokens.forEach((_, index) => {
    const length = isStrongAt(tokens, index);
    for (let offset = 0; offset < length; offset++) strong[index + offset] = true;
  });
  // "Music"/"Songs" only as "Music From …", "Songs For …": "The Sound Of Music Soundtrack" keeps its music;
  // "and" only in "From And Inspired By".
  const wording = tokens.map((token, index) => strong[index]!
    || (RUN_WORDS.has(token) && (!OPENING_NOUNS.has(token) || RUN_LINKS.has(tokens[index + 1] ?? '')))
    || (token === 'and' && tokens[index + 1] === 'inspired'));
  let start = 0;
  let leading = 0;
  while (leading < tokens.length && wording[leading]) leading++;
  // A title opening "(More) Music From …", "Songs From …", "Selections From …" says what follows is the film's.
  const opener = /^(more )?(music|songs|selections|highlights|themes) (from|of) /.test(`${tokens.slice(0, leading).join(' ')} `);
  const lastStrong = opener ? leading - 1 : strong.lastIndexOf(true, leading - 1);
  if (leading > 0 && lastStrong >= 0 && lastStrong < leading) {
    if (hasContent(tokens.slice(leading))) start = leading;
    else if (hasContent(tokens.slice(lastStrong + 1))) start = lastStrong + 1;
  }
  let end = tokens.length;
  let trailing = tokens.length;
  while (trailing > start && wording[trailing - 1]) trailing--;
  const firstStrong = strong.indexOf(true, trailing);
  if (trailing < tokens.length && firstStrong >= 0) {
    if (hasContent(tokens.slice(start, trailing))) end = trailing;
    else if (hasContent(tokens.slice(start, firstStrong))) end = firstStrong;
  }
  removed.push(...tokens.slice(0, start), ...tokens.slice(end));
  return tokens.slice(start, end);
}

function hasContent(tokens: readonly string[]): boolean {
  return tokens.some((token) => !ARTICLES.has(token));
}

/** The title proper's parts between " / ": two films on one release, or "Franchise / Title". */
function splitOnSlash(segments: readonly Segment[]): string[][] {
  const parts: string[][] = [];
  for (const segment of segments) {
    if (segment.afterSlash || parts.length === 0) parts.push([...segment.tokens]);
    else parts[parts.length - 1]!.push(...segment.tokens);
  }
  return parts.filter((part) => part.length > 0);
}

/** Roman sequel numerals and number words as digits, a leading "the" and a trailing "the" (", The") dropped. */
function finish(tokens: readonly string[]): string {
  const out = numberWordsAsDigits(tokens).map((token) => ROMAN_NUMERALS.get(token) ?? token);
  if (out.length > 1 && out[0] === 'the') out.shift();
  // ", The" became a trailing "the" once the comma went; English titles do not otherwise end in "the".
  if (out.length > 1 && out[out.length - 1] === 'the') out.pop();
  return out.join(' ');
}

const UNITS: ReadonlyMap<string, number> = new Map([
  'zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen',
  'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen',
].map((word, value) => [word, value]));
const TENS: ReadonlyMap<string, number> = new Map(
  ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'].map((word, index) => [word, (index + 2) * 10]),
);

/**
 * English number words as one number in digits, as the other side may write it: "One Hundred and One
 * Dalmatians" / "101 Dalmatians", "Ocean's Eleven" / "Ocean's 11", "Twenty-One" / "21" (the hyphen is a space by
 * now). "and" joins only after "hundred" or "thousand" ("One And Only" keeps its "and").
 */
function numberWordsAsDigits(tokens: readonly string[]): string[] {
  const out: string[] = [];
  for (let index = 0; index < tokens.length; ) {
    let total = 0;
    let current = 0;
    let end = index;
    let read = false;
    for (let at = index; at < tokens.length; at++) {
      const token = tokens[at]!;
      const unit = UNITS.get(token);
      const tens = TENS.get(token);
      // A year read in pairs: "Nineteen Eighty-Four" is 1984, "Nineteen Seventeen" 1917.
      if (read && total === 0 && current > 10 && current < 20 && (tens !== undefined || (unit !== undefined && unit >= 10))) current = current * 100 + (tens ?? unit!);
      else if (tens !== undefined && current % 100 === 0) current += tens;
      else if (unit !== undefined && current % 10 === 0 && (current % 100 === 0 || unit < 10)) current += unit;
      else if ((token === 'hundred' && read && current % 100 > 0 && current < 100) || (token === 'thousand' && read && current > 0 && total === 0)) {
        if (token === 'hundred') current *= 100;
        else [total, current] = [current * 1000, 0];
      } else if (token === 'and' && read && (tokens[at - 1] === 'hundred' || tokens[at - 1] === 'thousand') && (UNITS.has(tokens[at + 1] ?? '') || TENS.has(tokens[at + 1] ?? ''))) continue;
      else break;
      read = true;
      end = at + 1;
    }
    if (!read) {
      out.push(tokens[index]!);
      index++;
      continue;
    }
    out.push(String(total + current));
    index = end;
  }
  return out;
}

/**
 * NFKD splits "é" into "e" + U+0301 and folds compatibility forms ("ﬁ" → "fi", full-width → ASCII). Only
 * the Latin combining range is removed: stripping every mark would turn Japanese "ぶ" into "ふ". NFC then
 * recomposes what is left (kana with their voicing marks).
 */
function stripDiacritics(title: string): string {
  return title.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').normalize('NFC');
}
