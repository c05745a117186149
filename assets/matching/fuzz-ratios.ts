/**
 * rapidfuzz 3's `token_set_ratio` on plain strings, 0–100, and the Python string rules it rests on. Like
 * rapidfuzz ≥ 3 it applies no processor: case and punctuation count unless the caller lowercases. Strings
 * are compared as code points, as Python compares `str`.
 */

/** Python's `str.isspace()` set: what `str.split()`, `strip()` and `re`'s `\s` treat as whitespace. */
export const PYTHON_WHITESPACE = '\\t-\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const WHITESPACE_RUN = new RegExp(`[${PYTHON_WHITESPACE}]+`);

/** Python's `s.split()`: runs of whitespace separate, empty pieces dropped. */
export function splitWords(text: string): string[] {
  return text.split(WHITESPACE_RUN).filter((word) => word !== '');
}

/**
 * rapidfuzz 3's token_set_ratio: 0 if either side has no token; 100 if the token sets share one and one set
 * holds the other; else the best of ratio(sect+ab, sect+ba), ratio(sect, sect+ab), ratio(sect, sect+ba),
 * computed from lengths the way rapidfuzz does (`sect` shared tokens, `ab`/`ba` the differences, each sorted).
 *
 * @example
 * tokenSetRatio('fuzzy was a bear', 'fuzzy fuzzy was a bear'); // 100
 */
export function tokenSetRatio(a: string, b: string): number {
  // Most detailed pairs are one title met exactly.
  if (a === b) return splitWords(a).length === 0 ? 0 : 100;
  const tokensA = new Set(splitWords(a));
  const tokensB = new Set(splitWords(b));
  if (tokensA.size === 0 || tokensB.size === 0) return 0;
  const intersection = [...tokensA].filter((token) => tokensB.has(token));
  const diffAB = sortedWords([...tokensA].filter((token) => !tokensB.has(token)));
  const diffBA = sortedWords([...tokensB].filter((token) => !tokensA.has(token)));
  if (intersection.length > 0 && (diffAB.length === 0 || diffBA.length === 0)) return 100;
  const ab = codePoints(diffAB.join(' '));
  const ba = codePoints(diffBA.join(' '));
  const sectLength = codePoints(intersection.join(' ')).length;
  const hasSect = sectLength > 0 ? 1 : 0;
  // "sect ab" vs "sect ba" share the prefix "sect ", so their indel distance is that of ab vs ba.
  const sectAB = sectLength + hasSect + ab.length;
  const sectBA = sectLength + hasSect + ba.length;
  const whole = normDistance(ab.length + ba.length - 2 * lcsLength(ab, ba), sectAB + sectBA);
  if (sectLength === 0) return whole;
  // "sect" vs "sect ab": only the " ab" tail differs, so the distance is its length.
  const sectVsAB = normDistance(hasSect + ab.length, sectLength + sectAB);
  const sectVsBA = normDistance(hasSect + ba.length, sectLength + sectBA);
  return Math.max(whole, sectVsAB, sectVsBA);
}

function normDistance(distance: number, lengthSum: number): number {
  return lengthSum === 0 ? 100 : 100 - (100 * distance) / lengthSum;
}

/** Python's `sorted()` on str: code point order (JS `<` compares UTF-16 units, which differs past U+FFFF). */
function sortedWords(words: string[]): string[] {
  return words.sort((p, q) => {
    const a = codePoints(p);
    const b = codePoints(q);
    for (let i = 0; i < a.length && i < b.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
    return a.length - b.length;
  });
}

function codePoints(text: string): number[] {
  const points: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const point = text.codePointAt(i)!;
    points.push(point);
    if (point > 0xffff) i++;
  }
  return points;
}

/**
 * Length of the longest common subsequence, bit-parallel (Hyyrö 2004): one bit per code point of the
 * shorter string, in 32-bit words (JS bitwise operators are 32-bit), so one word up to 32 code points and a
 * carry chain beyond; O(⌈m/32⌉·n) instead of the O(m·n) table.
 */
export function lcsLength(x: readonly number[], y: readonly number[]): number {
  const [pattern, text] = x.length <= y.length ? [x, y] : [y, x];
  const m = pattern.length;
  if (m === 0) return 0;
  const words = Math.ceil(m / 32);
  const masks = new Map<number, Uint32Array>();
  for (let i = 0; i < m; i++) {
    let mask = masks.get(pattern[i]!);
    if (mask === undefined) masks.set(pattern[i]!, (mask = new Uint32Array(words)));
    mask[i >>> 5] = mask[i >>> 5]! | (1 << (i & 31));
  }
  if (words === 1) return lcsOneWord(masks, text, m);
  // V starts all ones; per text character: U = V & match, V = (V + U) | (V − U), where V − U = V & ~U
  // because U ⊆ V. The zero bits of V count the LCS.
  const v = new Uint32Array(words).fill(0xffffffff);
  for (const point of text) {
    const mask = masks.get(point);
    if (mask === undefined) continue;
    let carry = 0;
    for (let w = 0; w < words; w++) {
      const u = v[w]! & mask[w]!;
      const sum = v[w]! + (u >>> 0) + carry;
      carry = sum > 0xffffffff ? 1 : 0;
      v[w] = (sum >>> 0) | (v[w]! & ~u);
    }
  }
  let zeros = 0;
  for (let w = 0; w < words; w++) {
    const bits = w === words - 1 && m % 32 !== 0 ? m % 32 : 32;
    zeros += bits - popcount(v[w]! & lowBits(bits));
  }
  return zeros;
}

function lcsOneWord(masks: ReadonlyMap<number, Uint32Array>, text: readonly number[], m: number): number {
  let v = -1;
  for (const point of text) {
    const mask = masks.get(point);
    if (mask === undefined) continue;
    const u = v & mask[0]!;
    // Two's-complement int32 sums are the unsigned sums mod 2³², so `| 0` keeps the right bits.
    v = ((v + u) | 0) | (v & ~u);
  }
  return m - popcount(v & lowBits(m));
}

function lowBits(count: number): number {
  return count === 32 ? -1 : (1 << count) - 1;
}

function popcount(value: number): number {
  let x = value - ((value >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
