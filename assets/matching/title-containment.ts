/**
 * A film title held inside a longer release title, its words in order: "Back To Titanic" holds "titanic",
 * "Guardians Of The Galaxy: Awesome Mix Vol. 2" holds "guardians of the galaxy vol 2", "Saga: Episode 3 - X"
 * holds "x". Blocking uses it to pair what the normalizer did not make identical; the judge reads the numbers
 * the release adds after the film's words ("Toy Story 2" holds "toy story", but is the sequel's).
 */

/**
 * Words the release may add between the film's words ("Guardians Of The Galaxy [Awesome Mix] Vol. 2"), and
 * only into a film title of three words or more: "Secret & Harbor" is not "Secret Harbor".
 */
export const MAX_INSERTED_WORDS = 2;
const MIN_WORDS_FOR_INSERTIONS = 3;

/** A one-word film title is looked for inside others only from this many letters: "up" is in every "… up …". */
export const MIN_ONE_WORD_LENGTH = 5;

/** Whether a film title (normalized) may be found inside release titles at all. */
export function isContainable(film: string): boolean {
  return film.includes(' ') || film.length >= MIN_ONE_WORD_LENGTH;
}

export interface Containment {
  /** Where the film's first word stands in the release title (0: the release title starts with the film's). */
  readonly start: number;
  /** Numbers the release adds at or after the film's first word ("2" of "toy story 2"): a sequel's, a volume's. */
  readonly numbersAfter: readonly string[];
}

/**
 * Whether `film`'s words appear in `release` in order (normalized forms, words split on spaces), with at most
 * `MAX_INSERTED_WORDS` release words between the first and the last of them (none into a title of one or two
 * words); null when they do not, or when the two are the same title.
 */
export function containment(film: string, release: string): Containment | null {
  return containmentOfWords(film, release, film.split(' '), release.split(' '));
}

/** `containment` with both titles' words already split (candidates split each record's forms once, not per pair). */
export function containmentOfWords(film: string, release: string, needle: readonly string[], haystack: readonly string[]): Containment | null {
  if (film === release || !isContainable(film)) return null;
  if (needle.length >= haystack.length) return null;
  // Leftmost start first; for each start the earliest completion (greedy), within the insertion budget.
  for (let start = 0; start <= haystack.length - needle.length; start++) {
    if (haystack[start] !== needle[0]) continue;
    let at = start;
    let matched = 1;
    for (let index = start + 1; index < haystack.length && matched < needle.length; index++) {
      if (haystack[index] === needle[matched]) {
        matched++;
        at = index;
      }
    }
    if (matched < needle.length) continue;
    const inserted = at - start + 1 - needle.length;
    if (inserted > (needle.length >= MIN_WORDS_FOR_INSERTIONS ? MAX_INSERTED_WORDS : 0)) continue;
    const used = new Set<number>();
    for (let index = start, next = 0; index <= at && next < needle.length; index++) {
      if (haystack[index] === needle[next]) {
        used.add(index);
        next++;
      }
    }
    const numbersAfter = haystack.filter((word, index) => index >= start && !used.has(index) && /^\d+$/.test(word));
    return { start, numbersAfter };
  }
  return null;
}
