/**
 * How Discogs writes a soundtrack's title ("Artist - Title (Original Motion Picture Soundtrack)" and its
 * many variants), for the catalogue. The variants are the ones matching has to see through.
 */
import type { SeededRandom } from './seeded-random.ts';

export interface FilmTitleParts {
  title: string;
  originalTitle: string;
  language: string;
}

export interface WrittenRelease {
  /** "Various" for compilations. */
  artist: string;
  /** The release title without the artist. */
  title: string;
  styles: string[];
  /** How the film's title was written: as is (up to case and punctuation), in both scripts, in the original language, or garbled. */
  form?: TitleForm;
}

export type TitleForm = 'plain' | 'bilingual' | 'original-title' | 'variant';

type Template = (title: string, composer: string) => WrittenRelease;

const TEMPLATES: readonly Template[] = [
  (t, c) => ({ artist: c, title: `${t} (Original Motion Picture Soundtrack)`, styles: ['Soundtrack'] }),
  (t) => ({ artist: 'Various', title: `${t} (Music From The Motion Picture)`, styles: ['Soundtrack'] }),
  (t) => ({ artist: 'Various', title: `${t} OST`, styles: ['Soundtrack'] }),
  (t, c) => ({ artist: c, title: `${t} (Original Score)`, styles: ['Score'] }),
  (t) => ({ artist: 'Various', title: `${t} (Music From And Inspired By The Motion Picture)`, styles: ['Soundtrack'] }),
  (t, c) => ({ artist: c, title: t, styles: ['Score'] }),
  (t, c) => ({ artist: c, title: `${t} Soundtrack`, styles: ['Soundtrack', 'Score'] }),
  (t, c) => ({ artist: c, title: `${t} [Original Motion Picture Score]`, styles: ['Score'] }),
  (t, c) => ({ artist: c, title: `${t} - Original Soundtrack`, styles: ['Soundtrack'] }),
];

const LOCAL_SUFFIX: Readonly<Record<string, string>> = {
  fr: '(Bande Originale Du Film)',
  it: '(Colonna Sonora Originale)',
  es: '(Banda Sonora Original)',
};

const NON_LATIN = /[^\p{Script=Latin}\p{P}\p{N}\s]/u;

/** A soundtrack title as a Discogs submitter might write it for this film. */
export function writeSoundtrackRelease(random: SeededRandom, film: FilmTitleParts, composer: string): WrittenRelease {
  const local = LOCAL_SUFFIX[film.language];
  if (local !== undefined && film.originalTitle !== film.title && random.chance(0.4)) {
    return { artist: composer, title: `${film.originalTitle} ${local}`, styles: ['Soundtrack', 'Score'], form: 'original-title' };
  }
  const varied = varyTitle(random, film.title);
  const written = random.pick(TEMPLATES)(varied.title, composer);
  if (NON_LATIN.test(film.originalTitle) && random.chance(0.6)) {
    // Japanese and Chinese pressings carry both titles: "千と千尋の神隠し = Spirited Away".
    const bilingual = random.chance(0.5) ? `${film.originalTitle} = ${written.title}` : `${written.title} = ${film.originalTitle}`;
    return { ...written, title: bilingual, form: 'bilingual' };
  }
  return { ...written, form: varied.isHard ? 'variant' : 'plain' };
}

/** A soundtrack of a film outside the sample: same conventions, a made-up title. */
export function writeOtherFilmRelease(random: SeededRandom, title: string, composer: string): WrittenRelease {
  return random.pick(TEMPLATES)(title, composer);
}

function varyTitle(random: SeededRandom, title: string): { title: string; isHard: boolean } {
  const roll = random.next();
  if (roll < 0.1) {
    const hard = hardVariant(random, title);
    return { title: hard, isHard: hard !== title };
  }
  return { title: easyVariant(roll, title), isHard: false };
}

/** Variants a normalization sees through: case, "The" moved to the end, diacritics, "&" for "and". */
function easyVariant(roll: number, title: string): string {
  if (roll < 0.18 && title.startsWith('The ')) return `${title.slice(4)}, The`;
  if (roll < 0.26) return title.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  if (roll < 0.32) return title.toUpperCase();
  if (roll < 0.38 && title.includes(' and ')) return title.replace(' and ', ' & ');
  if (roll < 0.42 && title.includes(' & ')) return title.replace(' & ', ' And ');
  // Discogs capitalizes every word: "Raiders Of The Lost Ark".
  if (roll < 0.55) return title.split(' ').map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join(' ');
  return title;
}

const ROMAN_TO_ARABIC: Readonly<Record<string, string>> = { II: '2', III: '3' };

/** Variants exact normalized matching cannot see through (a fuzzy scorer's job): a dropped subtitle, "II" as "2", a typo. */
function hardVariant(random: SeededRandom, title: string): string {
  const colon = title.indexOf(': ');
  if (colon > 0) return title.slice(0, colon);
  const numeral = /\s(II|III)$/.exec(title);
  if (numeral !== null) return `${title.slice(0, numeral.index)} ${ROMAN_TO_ARABIC[numeral[1]!]}`;
  if (title.length < 6) return title;
  const position = random.int(1, title.length - 2);
  return title.slice(0, position) + title.slice(position + 1);
}
