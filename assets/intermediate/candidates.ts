/**
 * `intermediate/candidates`: the (film, release) pairs worth scoring, blocked cheaply (exact title
 * forms, the rarest shared word, one-edit typos of short titles; see matching/block-candidates.ts), one row
 * per pair with both sides' forms and years and the similarity features the judge in gold reads.
 */
import { z } from 'zod';
import { defineAsset } from 'medallion';
import { blockCandidates, blockedByOf, type BlockingOptions } from '../matching/block-candidates.ts';
import { prepareForms, scorePair, type FilmForm, type PreparedForm, type ReleaseForm } from '../matching/score-pair.ts';
import { containmentOfWords } from '../matching/title-containment.ts';
import { composerNames, creditedShare, creditNames } from '../matching/credit-names.ts';
import { normalizeTitle } from '../matching/normalize-title.ts';
import { rawTmdbFilmDetailsEntry, type RawTmdbFilmDetailsAsset } from '../raw/raw-tmdb-film-details.ts';
import { RELEASE_HINTS, sequelNumbers } from '../matching/title-features.ts';
import { discogsReleasesEntry, type DiscogsRelease, type DiscogsReleasesAsset } from './discogs-releases.ts';
import { schemaAlignmentEntry, type SchemaAlignmentAsset } from './schema-alignment.ts';
import { tmdbMoviesEntry, type TmdbMovie, type TmdbMoviesAsset } from './tmdb-movies.ts';
import { pipelineAsset } from '../pipeline-asset.ts';

export const candidateSchema = z.object({
  tmdb_id: z.int(),
  tmdb_title: z.string(),
  tmdb_year: z.int32().nullable(),
  tmdb_popularity: z.number().nullable(),
  tmdb_title_norm: z.string(),
  /** How many films carry this normalized title (remakes share one). */
  films_with_title: z.int32(),
  discogs_id: z.int(),
  discogs_artist: z.string().nullable(),
  discogs_title: z.string(),
  discogs_year: z.int32().nullable(),
  discogs_master_id: z.int().nullable(),
  discogs_hint: z.enum(RELEASE_HINTS).nullable(),
  discogs_filed_as_soundtrack: z.boolean(),
  discogs_soundtrack_wording: z.boolean(),
  /** TMDB credits a composer for the film (so a release by someone else is not the composer's). */
  tmdb_has_composers: z.boolean(),
  /** The release's artist credit names one of the film's composers (matching/credit-names.ts). */
  artist_is_composer: z.boolean(),
  /** How much of the film's composer credit the artist credit names (1: all of them; 0: none, or none known). */
  composer_share: z.number(),
  /** Which blocking keys paired them: `exact`, `token`, `typo`, joined with `+`. */
  blocked_by: z.string(),
  /** The forms compared (film side ~ release side), e.g. `original_title~title_alt`, and the normalized texts. */
  compared: z.string(),
  film_form: z.string(),
  release_form: z.string(),
  /** Sequel numbers in each compared form ("2", "2049", "" for none). */
  film_numbers: z.string(),
  release_numbers: z.string(),
  /**
   * A film title's words stand in a release title, in order ("titanic" in "back to titanic"): the longest
   * such film form, or null. `contained_numbers` are the numbers the release adds at or after those words.
   */
  contained_form: z.string().nullable(),
  contained_numbers: z.string(),
  /**
   * Where the contained film title stands: `first`, the release title starts with it ("X: The Complete
   * Score", "X Awesome Mix Vol. 2"); `later`, it is a later part of it ("Saga: Episode 3 - X"); null when it
   * stands inside other words ("Back To X").
   */
  contained_part: z.enum(['first', 'later']).nullable(),
  /** Title similarity in [0, 1]: the best of levenshtein and token_sort. */
  score: z.number(),
  levenshtein: z.number(),
  token_sort: z.number(),
  token_set: z.number(),
  jaro_winkler: z.number(),
  /** discogs_year − tmdb_year; null when either is unknown. */
  year_diff: z.int32().nullable(),
});
export type Candidate = z.output<typeof candidateSchema>;

export type CandidatesOptions = BlockingOptions;

/** Token-set and Jaro-Winkler are computed for pairs scoring at least this: the ones gold keeps. */
const DETAIL_FROM = 0.8;
/**
 * Blocked pairs scoring below this are counted, not kept: the judge needs ≥ 0.88, or one typo in a title of
 * seven letters (≥ 0.857), so lower pairs only share words; at the original scale they are most of the pairs.
 */
export const CANDIDATE_MIN_SCORE = 0.8;

/**
 * `schemaAlignment` is a gate, not data: its blocking check failing (breaking API drift) stops candidates
 * and everything downstream of them, instead of matching on records that no longer mean what they did.
 */
export function defineCandidates(
  movies: TmdbMoviesAsset,
  releases: DiscogsReleasesAsset,
  details: RawTmdbFilmDetailsAsset,
  schemaAlignment: SchemaAlignmentAsset,
  options: CandidatesOptions = {},
) {
  return defineAsset({
    key: 'intermediate/candidates',
    description: `Candidate (film, release) pairs blocked by exact title forms, a film title held in the release title, the rarest shared word and one-edit typos (never films × releases), scoring ≥ ${CANDIDATE_MIN_SCORE} or holding the film title, with their similarity features.`,
    schema: candidateSchema,
    report: { stage: 'candidates' },
    deps: { movies, releases, details, schemaAlignment },
    codeVersion: '6',
    async materialize(_ctx, inputs) {
      const [movieRows, releaseRows, detailRows] = await Promise.all([inputs.movies.rows(), inputs.releases.rows(), inputs.details.rows()]);
      const { rows, stats } = candidatesOf(movieRows, releaseRows, options, detailRows);
      return {
        rows,
        metadata: {
          films: stats.films,
          releases: stats.releases,
          naive_pairs: stats.naivePairs,
          pairs_scored: stats.pairs,
          candidates: rows.length,
          min_score: CANDIDATE_MIN_SCORE,
        },
      };
    },
  });
}

export type CandidatesAsset = ReturnType<typeof defineCandidates>;

/** What a film's details add to its row: normalized alternative titles, and its composers. */
export interface FilmDetails {
  readonly tmdb_id: number;
  readonly composers: readonly string[];
  readonly alternative_titles: readonly string[];
}

/** Blocks and scores: one candidate row per blocked pair. */
export function candidatesOf(movies: readonly TmdbMovie[], releases: readonly DiscogsRelease[], options: CandidatesOptions = {}, details: readonly FilmDetails[] = []) {
  const filmsWithTitle = new Map<string, number>();
  for (const movie of movies) filmsWithTitle.set(movie.title_norm, (filmsWithTitle.get(movie.title_norm) ?? 0) + 1);
  const detailsOf = new Map(details.map((detail) => [detail.tmdb_id, detail]));
  const alternativesOf = (movie: TmdbMovie): readonly string[] => {
    const titles = detailsOf.get(movie.tmdb_id)?.alternative_titles ?? [];
    if (titles.length === 0) return titles;
    const own = new Set([movie.title_norm, movie.original_title_norm, movie.main_title_norm]);
    return [...new Set(titles.map(normalizeTitle))].filter((norm) => norm !== '' && !own.has(norm));
  };
  const alternatives = movies.map(alternativesOf);
  // What blocking reads of a film, not a copy of its whole row (100,000 rows at 10x the catalogue).
  const blockable = movies.map((movie, index) => ({
    tmdb_id: movie.tmdb_id, title_norm: movie.title_norm, original_title_norm: movie.original_title_norm, main_title_norm: movie.main_title_norm,
    alternative_title_norms: alternatives[index]!,
  }));
  const { pairs, stats } = blockCandidates(blockable, releases, options);
  // Forms are prepared once per record, not once per pair.
  const filmForms = movies.map((movie, index) => prepareForms<FilmForm>([
    ['title', movie.title_norm], ['original_title', movie.original_title_norm], ['main_title', movie.main_title_norm],
    ...alternatives[index]!.map((norm) => ['alternative_title', norm] as const),
  ]));
  const prepareRelease = (release: DiscogsRelease) => prepareForms<ReleaseForm>([
    ['title', release.title_norm], ['title_alt', release.title_alt_norm],
    ...release.title_forms.filter((form) => form !== release.title_norm && form !== release.title_alt_norm).map((form) => ['title_part', form] as const),
  ]);
  const numbersOf = memoize(sequelNumbers);
  // What a pair reads of its film, made once per film rather than looked up once per pair.
  const titleCounts = movies.map((movie) => filmsWithTitle.get(movie.title_norm)!);
  const composersOf = movies.map((movie) => composerNames(detailsOf.get(movie.tmdb_id)?.composers ?? []));
  const rows: Candidate[] = [];
  // The pairs come grouped by release: its forms and credits are made when its first pair comes and dropped
  // after its last, instead of being held for every release through the whole loop.
  let releaseForms: PreparedForm<ReleaseForm>[] = [];
  let credits: readonly string[] | undefined;
  for (let pair = 0; pair < stats.pairs; pair++) {
    const film = pairs.films[pair]!;
    const movie = movies[film]!;
    const release = releases[pairs.releases[pair]!]!;
    if (pair === 0 || pairs.releases[pair] !== pairs.releases[pair - 1]) {
      releaseForms = prepareRelease(release);
      credits = undefined;
    }
    const scored = scorePair(filmForms[film]!, releaseForms, DETAIL_FROM);
    const contained = longestContained(filmForms[film]!, releaseForms);
    if (scored.score < CANDIDATE_MIN_SCORE && contained === null) continue;
    const composers = composersOf[film]!;
    // Credits are split only for a release paired with a film whose composers are known.
    const composerShare = composers.length === 0 ? 0 : creditedShare((credits ??= release.artist === null ? [] : creditNames(release.artist)), composers);
    rows.push({
      tmdb_id: movie.tmdb_id,
      tmdb_title: movie.title,
      tmdb_year: movie.year,
      tmdb_popularity: movie.popularity,
      tmdb_title_norm: movie.title_norm,
      films_with_title: titleCounts[film]!,
      discogs_id: release.discogs_id,
      discogs_artist: release.artist,
      discogs_title: release.title,
      discogs_year: release.year,
      discogs_master_id: release.master_id,
      discogs_hint: release.hint,
      discogs_filed_as_soundtrack: release.filed_as_soundtrack,
      discogs_soundtrack_wording: release.soundtrack_wording,
      tmdb_has_composers: composers.length > 0,
      artist_is_composer: composerShare > 0,
      composer_share: round(composerShare),
      blocked_by: blockedByOf(pairs.keys[pair]!),
      compared: scored.compared,
      film_form: scored.filmForm,
      release_form: scored.releaseForm,
      film_numbers: numbersOf(scored.filmForm),
      release_numbers: numbersOf(scored.releaseForm),
      contained_form: contained?.form ?? null,
      contained_numbers: contained === null ? '' : [...contained.numbersAfter].sort().join(' '),
      contained_part: contained === null ? null : contained.start === 0 ? 'first' : release.title_parts.slice(1).includes(contained.form) ? 'later' : null,
      score: round(scored.score),
      levenshtein: round(scored.levenshtein),
      token_sort: round(scored.tokenSort),
      token_set: round(scored.tokenSet),
      jaro_winkler: round(scored.jaroWinkler),
      year_diff: movie.year === null || release.year === null ? null : release.year - movie.year,
    });
  }
  return { rows, stats };
}

/** The longest film form whose words a release form holds in order, with the numbers the release adds. */
function longestContained(film: readonly PreparedForm<FilmForm>[], release: readonly PreparedForm<ReleaseForm>[]) {
  let best: { form: string; start: number; numbersAfter: readonly string[] } | null = null;
  for (const filmForm of film) {
    // Whole titles only, as blocking: "star wars" alone is in "Rogue One: A Star Wars Story".
    if (filmForm.name === 'main_title' || (best !== null && filmForm.text.length <= best.form.length)) continue;
    for (const releaseForm of release) {
      const found = containmentOfWords(filmForm.text, releaseForm.text, filmForm.words, releaseForm.words);
      if (found !== null) {
        best = { form: filmForm.text, start: found.start, numbersAfter: found.numbersAfter };
        break;
      }
    }
  }
  return best;
}

/** `fn` remembering its answers: the same few thousand title forms recur over hundreds of thousands of pairs. */
function memoize(fn: (text: string) => string): (text: string) => string {
  const known = new Map<string, string>();
  return (text) => known.get(text) ?? known.set(text, fn(text)).get(text)!;
}

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

/** In the pipeline: over the intermediate films and releases, the film details and the schema report, blocked as the options say. */
export const candidatesEntry = pipelineAsset((scope) =>
  defineCandidates(
    scope.upstream(tmdbMoviesEntry),
    scope.upstream(discogsReleasesEntry),
    scope.upstream(rawTmdbFilmDetailsEntry),
    scope.upstream(schemaAlignmentEntry),
    scope.options.candidates,
  ));
