/**
 * Typo keys as numbers: a title, and the title with one character or one word cut out, hashed without
 * building the shortened strings. Typo blocking makes ~25 such keys per title (millions at 10× the
 * catalogue); as strings they were most of blocking's allocations. Two polynomial hashes modulo primes below
 * 2^26 make a 52-bit key, exact in a double: equal strings get equal keys, two different strings the same key
 * about once in 10^15 — and blocking checks the titles behind every shared key, so a collision only adds a
 * pair to check.
 */

const P = 67_108_859;
const Q = 67_108_837;
const BASE_P = 65_599;
const BASE_Q = 31_337;

/** BASE^k modulo P and Q, grown as longer titles come. */
const powersP = [1];
const powersQ = [1];

/** Prefix and suffix hashes of the current title, reused from title to title (filled before any visit). */
const prefixP = [0];
const prefixQ = [0];
const suffixP = [0];
const suffixQ = [0];

/**
 * Calls `visit` with the key of `text` itself and of `text` with each character cut out (when it has at most
 * `maxLength` characters, `byWord` false), and with each word cut out (three words or more, `byWord` true,
 * the key of the other words joined by one space). A key may come twice ("kil" of "kill").
 */
export function eachCutKey(text: string, maxLength: number, visit: (key: number, byWord: boolean) => void): void {
  const n = text.length;
  while (powersP.length <= n) {
    powersP.push((powersP[powersP.length - 1]! * BASE_P) % P);
    powersQ.push((powersQ[powersQ.length - 1]! * BASE_Q) % Q);
  }
  // prefix[i]: hash of text[0, i); suffix[i]: hash of text[i, n). Cutting [a, b) leaves
  // prefix[a] · BASE^(n − b) + suffix[b].
  prefixP[0] = prefixQ[0] = 0;
  suffixP[n] = suffixQ[n] = 0;
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    prefixP[i + 1] = (prefixP[i]! * BASE_P + code) % P;
    prefixQ[i + 1] = (prefixQ[i]! * BASE_Q + code) % Q;
  }
  for (let i = n - 1; i >= 0; i--) {
    const code = text.charCodeAt(i);
    suffixP[i] = (code * powersP[n - 1 - i]! + suffixP[i + 1]!) % P;
    suffixQ[i] = (code * powersQ[n - 1 - i]! + suffixQ[i + 1]!) % Q;
  }
  const keys: number[] = [];
  const byWord: boolean[] = [];
  const cut = (a: number, b: number, word: boolean) => {
    keys.push(((prefixP[a]! * powersP[n - b]! + suffixP[b]!) % P) * 2 ** 26 + ((prefixQ[a]! * powersQ[n - b]! + suffixQ[b]!) % Q));
    byWord.push(word);
  };
  const words = text.split(' ');
  if (words.length >= 3) {
    // A word and the space before it (the first word: the space after it), as `words` without it joined by ' '.
    let start = 0;
    for (const [index, word] of words.entries()) {
      if (index === 0) cut(0, word.length + 1, true);
      else cut(start - 1, start + word.length, true);
      start += word.length + 1;
    }
  }
  if (n <= maxLength) {
    cut(n, n, false);
    for (let i = 0; i < n; i++) cut(i, i + 1, false);
  }
  // Visited after all are made: a `visit` may cut another title.
  for (let index = 0; index < keys.length; index++) visit(keys[index]!, byWord[index]!);
}

/** How many keys `eachCutKey(text, maxLength, …)` visits: sizes the tables that hold them. */
export function cutKeyCount(text: string, maxLength: number): number {
  let words = 1;
  for (let i = text.indexOf(' '); i !== -1; i = text.indexOf(' ', i + 1)) words++;
  return (words >= 3 ? words : 0) + (text.length <= maxLength ? text.length + 1 : 0);
}
