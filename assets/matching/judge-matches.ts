/**
 * The rules that decide `is_match`, in order, each named in the gold row's `rule`:
 *  1. what fools string similarity is ruled out first: TV series, video game and "inspired by" albums; a
 *     release neither filed nor titled as film music (unless it is the film's composer's, on the film's exact
 *     title); a different sequel number ("II", "2049", "Part 3"; not an edition's year, a second album's "Vol. 2"
 *     out with the film, a number among a subtitle's words); a very short title that is not an exact match;
 *  2. a release is the film's when the titles score ≥ `SCORE_THRESHOLD` (or are one typo apart in a title of
 *     seven letters or more) and the release came out within a year of the film; among several such films the best-scoring, closest in year wins (remakes);
 *  3. a later or undated release is a reissue of a film whose contemporary pressing shares its master, or its
 *     exact title and artist; an undated one also matches a film whose title no other film has;
 *  4. a release by the film's composer is the film's in any year (of remakes, the one whose composers it names
 *     most fully), and a looked-up master's year (its first pressing's) dates a reissue: the film of that year takes it.
 * A release is one film's, except a double feature: titles joined by " / " that films each meet exactly are
 * judged apart, each part as a release of its own.
 * Anything else stays a non-match, and says why.
 */
import type { Candidate } from '../intermediate/candidates.ts';
import { analyzeTitle, normalizeTitle } from './normalize-title.ts';
import { sequelNumbers } from './title-features.ts';

export const SCORE_THRESHOLD = 0.88;
/** A soundtrack comes out in the film's year, the next, or (a promo) the year before. */
export const CONTEMPORARY_YEARS = 1;

export const MATCH_RULES = [
  // matches
  'title_and_year', 'subtitle_dropped', 'title_contained', 'companion_same_artist', 'companion_by_composer',
  'reissue_by_composer', 'undated_by_composer', 'reissue_master_year', 'reissue_same_master', 'reissue_same_title',
  'reissue_same_artist', 'undated_same_master', 'undated_same_artist', 'undated_unique_title',
  // non-matches
  'decoy_tv', 'decoy_game', 'decoy_inspired_by', 'decoy_stage', 'not_film_music', 'sequel_number_mismatch', 'short_title_inexact', 'below_threshold',
  'released_before_film', 'late_release_unlinked', 'undated_ambiguous', 'contained_unlinked', 'another_film_fits_better',
] as const;
export type MatchRule = (typeof MATCH_RULES)[number];

export interface Verdict {
  readonly rule: MatchRule;
  readonly isMatch: boolean;
}

/**
 * `contained`: the pair passed on the film title held in the release title; `enclosed` when it stands inside
 * other words ("Back To Titanic", "Odyssey Of The Last Meridian"), which only a link to the film decides.
 */
type Stage = { rule: MatchRule; pending?: 'contemporary' | 'late' | 'undated'; contained?: boolean; enclosed?: boolean; byMaster?: boolean };

/** One verdict per candidate, in the candidates' order. */
export function judgeCandidates(candidates: readonly Candidate[], masterYears: ReadonlyMap<number, number> = new Map()): Verdict[] {
  const stages = candidates.map((candidate) => screen(candidate, masterYears));
  const verdicts: (Verdict | undefined)[] = candidates.map((_, index) => (stages[index]!.pending === undefined ? { rule: stages[index]!.rule, isMatch: false } : undefined));
  // A release is one film's; a release of several films' titles joined by " / " is each one's (see releaseGroups).
  const byRelease = releaseGroups(candidates);
  const firstPressings = firstPressingOfMasters(candidates);
  const filmOfMaster = new Map<number, number>();
  const filmOfTitle = new Map<string, number>();
  const artistsOfFilm = new Map<number, Set<string>>();
  const decide = (indices: number[]) => {
    if (indices.some((index) => verdicts[index]?.isMatch === true)) return;
    const winner = pickContemporary(candidates, stages, verdicts, indices);
    if (winner === undefined) return;
    const candidate = candidates[winner]!;
    if (candidate.discogs_master_id !== null && !filmOfMaster.has(candidate.discogs_master_id)) filmOfMaster.set(candidate.discogs_master_id, candidate.tmdb_id);
    filmOfTitle.set(fullTitleKey(candidate), candidate.tmdb_id);
    if (candidate.discogs_artist !== null) (artistsOfFilm.get(candidate.tmdb_id) ?? artistsOfFilm.set(candidate.tmdb_id, new Set()).get(candidate.tmdb_id)!).add(candidate.discogs_artist.toLowerCase());
  };
  // 1. A master's first pressing decides which film the master is (a reissue in a remake's year stays the original's).
  for (const indices of byRelease.values()) if (firstPressings.has(candidates[indices[0]!]!.discogs_id)) decide(indices);
  // 2. Other pressings of a decided master follow it.
  for (const indices of byRelease.values()) {
    for (const index of indices) {
      const candidate = candidates[index]!;
      const master = candidate.discogs_master_id;
      if (verdicts[index] !== undefined || master === null || filmOfMaster.get(master) !== candidate.tmdb_id) continue;
      if (stages[index]!.rule === 'released_before_film') continue;
      verdicts[index] = { rule: stages[index]!.pending === 'undated' ? 'undated_same_master' : 'reissue_same_master', isMatch: true };
    }
  }
  // 3. Everything else: a contemporary film, then a link through an identical title, then a unique title.
  for (const indices of byRelease.values()) decide(indices);
  for (const indices of byRelease.values()) {
    const matched = indices.some((index) => verdicts[index]?.isMatch === true);
    for (const index of indices) {
      if (verdicts[index] !== undefined) continue;
      verdicts[index] = matched ? { rule: 'another_film_fits_better', isMatch: false } : linkLater(candidates[index]!, stages[index]!, filmOfTitle, artistsOfFilm);
    }
  }
  return keepOnePerRelease(candidates, verdicts as Verdict[], byRelease);
}

/** The best contemporary film for one release, marked as its match; the other contemporary films lose. */
function pickContemporary(candidates: readonly Candidate[], stages: readonly Stage[], verdicts: (Verdict | undefined)[], indices: readonly number[]): number | undefined {
  const open = indices.filter((index) => verdicts[index] === undefined && stages[index]!.pending !== undefined);
  // A title held inside the release's is a fallback: not when another film's title is the release's, whatever its year.
  const similarElsewhere = open.some((index) => !stages[index]!.contained);
  const contemporary = open
    .filter((index) => stages[index]!.pending === 'contemporary' && !stages[index]!.enclosed)
    .filter((index) => !(similarElsewhere && stages[index]!.contained))
    .sort((a, b) => rank(candidates[a]!, candidates[b]!));
  // The film's composer made it: that film's, in whatever year (a reissue decades later, the original's
  // pressing in a remake's year), unless a contemporary film's composers are unknown and it may be theirs.
  // A held title only with the film: the same composer's title around the film's years later is a sequel's.
  // Between remakes scored alike, the film whose composers the credit names most fully: a re-recording of
  // Herrmann's Psycho is the 1960 film's (Herrmann), not the 1998 remake's (Herrmann and Elfman) of the next year.
  const byComposer = open
    .filter((index) => candidates[index]!.artist_is_composer && (!stages[index]!.contained || stages[index]!.pending === 'contemporary'))
    .sort((a, b) => candidates[b]!.score - candidates[a]!.score || candidates[b]!.composer_share - candidates[a]!.composer_share || rank(candidates[a]!, candidates[b]!));
  const othersKnown = contemporary.every((index) => candidates[index]!.artist_is_composer || candidates[index]!.tmdb_has_composers);
  const [winner, ...others] = byComposer.length > 0 && othersKnown ? [byComposer[0]!, ...open.filter((index) => index !== byComposer[0])] : contemporary;
  if (winner === undefined) return undefined;
  verdicts[winner] = { rule: ruleOf(candidates[winner]!, stages[winner]!), isMatch: true };
  for (const other of others) verdicts[other] = { rule: 'another_film_fits_better', isMatch: false };
  return winner;
}

function ruleOf(candidate: Candidate, stage: Stage): MatchRule {
  if (stage.pending !== 'contemporary') return stage.pending === 'undated' ? 'undated_by_composer' : 'reissue_by_composer';
  if (stage.byMaster) return 'reissue_master_year';
  if (stage.enclosed) return 'companion_by_composer';
  if (stage.contained) return 'title_contained';
  return candidate.compared.startsWith('main_title') ? 'subtitle_dropped' : 'title_and_year';
}

/** For each master, the release that came out first (undated ones only when none is dated). */
function firstPressingOfMasters(candidates: readonly Candidate[]): Set<number> {
  const first = new Map<number, { release: number; year: number }>();
  const unmastered = new Set<number>();
  for (const candidate of candidates) {
    const master = candidate.discogs_master_id;
    if (master === null) {
      unmastered.add(candidate.discogs_id);
      continue;
    }
    const year = candidate.discogs_year ?? Number.POSITIVE_INFINITY;
    const known = first.get(master);
    if (known === undefined || year < known.year || (year === known.year && candidate.discogs_id < known.release)) first.set(master, { release: candidate.discogs_id, year });
  }
  return new Set([...unmastered, ...[...first.values()].map((entry) => entry.release)]);
}

/** Rules that need only the pair itself. */
function screen(candidate: Candidate, masterYears: ReadonlyMap<number, number>): Stage {
  if (candidate.discogs_hint !== null) return { rule: `decoy_${candidate.discogs_hint.replace('-', '_')}` as MatchRule };
  // The film's own composer on its exact title is its music however Discogs files it (a band's album of the
  // film's songs: "Prince And The Revolution - Purple Rain", filed as Rock); the whole title, not one of several
  // (Gershwin's "Rhapsody In Blue / An American In Paris" are concert works the film is named after).
  const composersAlbum = candidate.artist_is_composer && candidate.score === 1 && !candidate.compared.endsWith('title_part');
  if (!candidate.discogs_filed_as_soundtrack && !candidate.discogs_soundtrack_wording && !composersAlbum) return { rule: 'not_film_music' };
  // Titles too far apart for similarity may still hold the film's whole title ("Back To Titanic"); the numbers
  // the release adds after it are then what can make it another film's (a sequel's, a second volume's).
  const similar = candidate.score >= SCORE_THRESHOLD || isOneTypoAway(candidate);
  const contained = !similar && candidate.contained_form !== null;
  // "X: Subtitle" is the film's album when it comes out with the film; one out before it is another film.
  // "More X" is X's second album, as "More Music From X" is: the film's title first, for what follows.
  // A title held first but run on within the same part ("Superfly T.N.T.") is another title, as one inside other
  // words is: only a link to the film decides.
  const part = candidate.contained_part === 'first' ? (runsOn(candidate) ? null : 'first') : candidate.contained_part ?? (contained && isMoreOf(candidate) ? 'first' : null);
  const enclosed = contained && (part === null || (part === 'first' && (candidate.year_diff ?? -1) < 0));
  const sequel = contained
    ? addsSequelNumber(withoutNumbers(candidate.contained_numbers, [...editionYear(candidate), ...subtitleNumbers(candidate)]), candidate.contained_form!) && !isSecondAlbum(candidate)
    : candidate.film_numbers !== withoutNumbers(candidate.release_numbers, editionYear(candidate));
  if (sequel) return { rule: 'sequel_number_mismatch' };
  if (isShort(candidate) && candidate.score < 1 && !isEditionOf(candidate)) return { rule: 'short_title_inexact' };
  if (!similar && !contained) return { rule: 'below_threshold' };
  // A looked-up master dates the music, not the pressing: a 2014 reissue of a 1993 score is a 1993 release.
  const masterYear = candidate.discogs_master_id === null ? undefined : masterYears.get(candidate.discogs_master_id);
  const byMaster = masterYear !== undefined && candidate.tmdb_year !== null;
  const diff = byMaster ? masterYear - candidate.tmdb_year! : candidate.year_diff;
  const dated = byMaster && masterYear !== candidate.discogs_year;
  if (diff === null) return { rule: 'undated_ambiguous', pending: 'undated', contained, enclosed };
  if (dated && diff >= -CONTEMPORARY_YEARS && diff <= CONTEMPORARY_YEARS) return { rule: 'title_and_year', pending: 'contemporary', contained, enclosed, byMaster: true };
  if (diff < -CONTEMPORARY_YEARS) return { rule: 'released_before_film' };
  if (diff <= CONTEMPORARY_YEARS) return { rule: 'title_and_year', pending: 'contemporary', contained, enclosed };
  return { rule: 'late_release_unlinked', pending: 'late', contained, enclosed };
}

/**
 * The release's own year written into its title, an edition's name, not a sequel's number ("Symphonic Suite
 * AKIRA 2016", a 2016 reissue) — unless the film's title has it too.
 */
function editionYear(candidate: Candidate): string[] {
  const year = candidate.discogs_year === null ? '' : String(candidate.discogs_year);
  return year === '' || candidate.film_numbers.split(' ').includes(year) ? [] : [year];
}

/** The release's title is the film's and its own year: "akira 2016" of "Akira", a 2016 edition. */
function isEditionOf(candidate: Candidate): boolean {
  const [year] = editionYear(candidate);
  return year !== undefined && candidate.release_form === `${candidate.film_form} ${year}`;
}

const SEQUEL_WORDS = new Set(['part', 'vol', 'volume', 'chapter', 'episode', 'book', 'no', 'number']);

/**
 * Numbers inside a subtitle after the film's whole title, among other words: "The Hunger Games: Songs From District
 * 12 And Beyond". A number that opens the subtitle or follows "Part", "Vol.", "Episode" … still counts.
 */
function subtitleNumbers(candidate: Candidate): string[] {
  const { parts } = analyzeTitle(candidate.discogs_title);
  if (parts[0] !== candidate.contained_form) return [];
  return parts.slice(1).flatMap((part) => part.split(' ').filter((word, index, words) => index > 0 && /^\d+$/.test(word) && !SEQUEL_WORDS.has(words[index - 1]!)));
}

/** Sorted numbers ("3 12") with the given ones taken out, each once. */
function withoutNumbers(numbers: string, drop: readonly string[]): string {
  const kept = numbers.split(' ').filter((number) => number !== '');
  for (const number of drop) {
    const at = kept.indexOf(number);
    if (at >= 0) kept.splice(at, 1);
  }
  return kept.join(' ');
}

/**
 * A number after the film's words, other than a first volume's "1" (films do not say "1") and the film's own
 * number said again ("Guardians Of The Galaxy Vol. 3: Awesome Mix Vol. 3" is the third film's).
 */
function addsSequelNumber(numbers: string, film: string): boolean {
  const own = new Set(sequelNumbers(film).split(' '));
  return numbers.split(' ').some((number) => number !== '' && number !== '1' && !own.has(number));
}

/**
 * The release's title goes on after the film's words, in the same part, with words other than numbers and
 * "vol"/"volume": "Superfly T.N.T." of "Super Fly". Not "X: The Complete Score" (a part of its own), "X Vol. 2",
 * "X 2", "X" with an insertion ("Guardians Of The Galaxy [Awesome Mix] Vol. 2").
 */
function runsOn(candidate: Candidate): boolean {
  const film = candidate.contained_form!;
  const analyzed = analyzeTitle(candidate.discogs_title);
  const forms = [analyzed.norm, ...analyzed.alternatives];
  const own = forms.find((form) => form === film || form.startsWith(`${film} `) || analyzed.parts[0] === film);
  if (own === undefined || analyzed.parts[0] === film) return false;
  const rest = own.slice(film.length).trim().split(' ').filter((word) => word !== '');
  return rest.some((word) => !/^\d+$/.test(word) && !/^vol(ume)?$/.test(word));
}

/** "More Dirty Dancing": only "more" before the film's title. */
function isMoreOf(candidate: Candidate): boolean {
  const title = normalizeTitle(candidate.discogs_title);
  return title === `more ${candidate.contained_form}` || title.startsWith(`more ${candidate.contained_form} `);
}

/**
 * A number that counts the film's albums, not its sequels: "Moulin Rouge! Vol. 2", "Baby Driver Volume 2", "Boogie
 * Nights 2 (More Music From The Original Motion Picture)", out with the film (a sequel comes years later). Only
 * the film's title first: "Back To X 2" is not a second volume.
 */
function isSecondAlbum(candidate: Candidate): boolean {
  const diff = candidate.year_diff;
  if (diff === null || diff < 0 || diff > CONTEMPORARY_YEARS || candidate.contained_part !== 'first') return false;
  if (/\bmore (music|songs)\b/i.test(candidate.discogs_title)) return true;
  const words = normalizeTitle(candidate.discogs_title).split(' ');
  return candidate.contained_numbers.split(' ').every((number) => words.some((word, index) => word === number && /^vol(ume)?$/.test(words[index - 1] ?? '')));
}

function linkLater(
  candidate: Candidate,
  stage: Stage,
  filmOfTitle: ReadonlyMap<string, number>,
  artistsOfFilm: ReadonlyMap<number, ReadonlySet<string>>,
): Verdict {
  const undated = stage.pending === 'undated';
  if (stage.enclosed) {
    // A title inside other words is the film's companion album only when the film's composer made it too, and
    // with the film: years later, the same composer's title around the film's is a sequel ("Beetlejuice Beetlejuice").
    const artist = candidate.discogs_artist?.toLowerCase();
    const byFilmsArtist = artist !== undefined && artist !== 'various' && artistsOfFilm.get(candidate.tmdb_id)?.has(artist) === true;
    const withTheFilm = stage.pending === 'contemporary';
    return byFilmsArtist && withTheFilm ? { rule: 'companion_same_artist', isMatch: true } : { rule: 'contained_unlinked', isMatch: false };
  }
  if (filmOfTitle.get(fullTitleKey(candidate)) === candidate.tmdb_id) return { rule: 'reissue_same_title', isMatch: true };
  // The same composer (or "Various") on the exact title: another pressing of the film's music.
  const artist = candidate.discogs_artist?.toLowerCase();
  if (candidate.score === 1 && artist !== undefined && artistsOfFilm.get(candidate.tmdb_id)?.has(artist)) {
    return { rule: undated ? 'undated_same_artist' : 'reissue_same_artist', isMatch: true };
  }
  if (undated && candidate.score === 1 && candidate.films_with_title === 1) return { rule: 'undated_unique_title', isMatch: true };
  return { rule: undated ? 'undated_ambiguous' : 'late_release_unlinked', isMatch: false };
}

/** Higher score, then closer in year, then the more popular film, then the lower id (stable). */
function rank(a: Candidate, b: Candidate): number {
  return (
    b.score - a.score ||
    Math.abs(a.year_diff ?? 99) - Math.abs(b.year_diff ?? 99) ||
    (b.tmdb_popularity ?? 0) - (a.tmdb_popularity ?? 0) ||
    a.tmdb_id - b.tmdb_id
  );
}

/** A release is one film's: if several later links matched, the best-ranked keeps it. */
function keepOnePerRelease(candidates: readonly Candidate[], verdicts: Verdict[], byRelease: Map<string, number[]>): Verdict[] {
  for (const indices of byRelease.values()) {
    const matched = indices.filter((index) => verdicts[index]!.isMatch).sort((a, b) => rank(candidates[a]!, candidates[b]!));
    for (const extra of matched.slice(1)) verdicts[extra] = { rule: 'another_film_fits_better', isMatch: false };
  }
  return verdicts;
}

/** A film title of one word of at most six letters ("up", "heat", "alien"): one edit away is another film. */
function isShort(candidate: Candidate): boolean {
  return !candidate.film_form.includes(' ') && candidate.film_form.length <= 6;
}

/** One typo in a title of seven letters or more ("titanc"): below the threshold by length alone. */
function isOneTypoAway(candidate: Candidate): boolean {
  const longer = Math.max(candidate.film_form.length, candidate.release_form.length);
  return longer >= 7 && Math.round((1 - candidate.levenshtein) * longer) === 1;
}

function fullTitleKey(candidate: Candidate): string {
  return `${candidate.discogs_artist ?? ''}\u0000${candidate.discogs_title}`.toLowerCase();
}

/**
 * Candidates grouped by release, one film winning each group. A release holding several titles joined by " / "
 * ("Fargo / Barton Fink", "Solaris / The Mirror / Stalker") that two or more films each meet exactly (a whole
 * part, score 1) is a double feature: each of those parts is judged apart, as if a release of its own.
 */
function releaseGroups(candidates: readonly Candidate[]): Map<string, number[]> {
  const partsOf = new Map<number, Set<string>>();
  const exactPartOf = (candidate: Candidate): string | undefined => {
    if (candidate.score !== 1 || !candidate.compared.endsWith('~title_part') || !candidate.discogs_title.includes('/')) return undefined;
    let parts = partsOf.get(candidate.discogs_id);
    if (parts === undefined) partsOf.set(candidate.discogs_id, (parts = new Set(candidate.discogs_title.split(/\s*\/\s*/).map(normalizeTitle))));
    return parts.has(candidate.release_form) ? candidate.release_form : undefined;
  };
  const parts = candidates.map(exactPartOf);
  const metParts = new Map<number, Set<string>>();
  candidates.forEach((candidate, index) => {
    const part = parts[index];
    if (part !== undefined) (metParts.get(candidate.discogs_id) ?? metParts.set(candidate.discogs_id, new Set()).get(candidate.discogs_id)!).add(part);
  });
  return groupIndices(candidates, (candidate, index) => {
    const part = parts[index];
    return part !== undefined && metParts.get(candidate.discogs_id)!.size > 1 ? `${candidate.discogs_id}/${part}` : String(candidate.discogs_id);
  });
}

function groupIndices<T>(items: readonly T[], keyOf: (item: T, index: number) => string): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  items.forEach((item, index) => {
    const key = keyOf(item, index);
    (groups.get(key) ?? groups.set(key, []).get(key)!).push(index);
  });
  return groups;
}
