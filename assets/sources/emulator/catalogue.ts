/**
 * The emulated world: a deterministic catalogue of TMDB films and Discogs releases at any scale, with its
 * ground truth (which release is a soundtrack of which film, and what every other release is). Same
 * options, byte-identical catalogue; no network, no dataset.
 */
import { createSeededRandom, type SeededRandom } from '../seeded-random.ts';
import type { TmdbListItem } from '../tmdb-schemas.ts';
import { buildFilm, byPopularity, createIdAllocator, type FilmFacts } from './catalogue-films.ts';
import { decoyDrafts } from './decoy-drafts.ts';
import { filmSpecs } from './film-specs.ts';
import { TRUTH_KINDS, truthKindOf, yearOf, type ReleaseDraft, type TruthKind } from './release-draft.ts';
import { buildRelease, type CatalogueRelease } from './release-records.ts';
import { reissueOf, soundtrackDrafts } from './soundtrack-drafts.ts';

export type { FilmFacts } from './catalogue-films.ts';
export type { TruthKind } from './release-draft.ts';
export type { CatalogueRelease } from './release-records.ts';

export const DEFAULT_SEED = 20251107;

export interface CatalogueOptions {
  /** How many films; the real well-known titles come first, synthetic ones after. Default 10,000. */
  films?: number;
  seed?: number;
  /** Decoy releases per film (true soundtracks average about 1.6 per film). Default 1.4: ~3 releases a film. */
  decoysPerFilm?: number;
}

/** One true (film, soundtrack release) pair. */
export interface SoundtrackTruth {
  readonly tmdb_id: number;
  readonly discogs_id: number;
  /** Release year minus film year; null when either is unknown. */
  readonly year_offset: number | null;
  readonly is_reissue: boolean;
  /** The hardest of `traits` (see `TRUTH_KINDS`); `original` when none applies. */
  readonly kind: TruthKind;
  readonly traits: readonly TruthKind[];
}

export interface Catalogue {
  readonly seed: number;
  /** In TMDB's popular order (popularity descending, then id). */
  readonly films: readonly TmdbListItem[];
  /** By TMDB id: composer, collection. */
  readonly filmFacts: ReadonlyMap<number, FilmFacts>;
  /** In search-relevance order (a seeded shuffle). */
  readonly releases: readonly CatalogueRelease[];
  readonly truth: readonly SoundtrackTruth[];
}

/**
 * Builds the catalogue: films, their soundtracks (first pressings, reissues, the remake-year reissue trap),
 * then decoys, shuffled into search order.
 *
 * @example
 * const catalogue = buildCatalogue({ films: 10_000, seed: 7 }); // ~30,000 releases
 */
export function buildCatalogue(options: CatalogueOptions = {}): Catalogue {
  const seed = options.seed ?? DEFAULT_SEED;
  const random = createSeededRandom(seed);
  const ids = createIdAllocator(random);
  const filmFacts = new Map<number, FilmFacts>();
  const films = filmSpecs(random, options.films ?? 10_000).map((spec) => {
    const { film, facts } = buildFilm(random, ids, spec);
    filmFacts.set(film.id, facts);
    return film;
  });
  films.sort(byPopularity);
  const drafts: ReleaseDraft[] = [];
  const firstPressings = new Map<number, ReleaseDraft>();
  for (const film of films) {
    const own = soundtrackDrafts(random, ids, film, filmFacts.get(film.id)!.composer);
    if (own[0] !== undefined) firstPressings.set(film.id, own[0]);
    drafts.push(...own);
  }
  // A loop, not push(...): spreading 100k+ drafts as arguments overflows the stack at 10× scale.
  for (const draft of remakeYearReissues(random, films, firstPressings)) drafts.push(draft);
  for (const draft of decoyDrafts(random, ids, films, Math.round(films.length * (options.decoysPerFilm ?? 1.4)))) drafts.push(draft);
  const releases = drafts.map((draft) => buildRelease(random, ids, draft));
  const filmYears = new Map(films.map((film) => [film.id, yearOf(film.release_date)]));
  const truth = releases.flatMap((release, index) => truthOf(release, drafts[index]!, filmYears));
  return { seed, films, filmFacts, releases: random.shuffle(releases), truth };
}

/**
 * When a film is remade under the same title, half the time its soundtrack is reissued in the remake's year:
 * the trap a year-window match falls into (real case: Dune, 1984, reissued in 2021).
 */
function remakeYearReissues(random: SeededRandom, films: readonly TmdbListItem[], firstPressings: ReadonlyMap<number, ReleaseDraft>): ReleaseDraft[] {
  const byTitle = new Map<string, TmdbListItem[]>();
  for (const film of films) {
    if (yearOf(film.release_date) === null) continue;
    byTitle.set(film.title, [...(byTitle.get(film.title) ?? []), film]);
  }
  const reissues: ReleaseDraft[] = [];
  for (const group of byTitle.values()) {
    if (group.length < 2) continue;
    const [original, ...remakes] = [...group].sort((a, b) => a.release_date.localeCompare(b.release_date) || a.id - b.id);
    const pressing = firstPressings.get(original!.id);
    if (pressing === undefined || remakes.length === 0 || !random.chance(0.5)) continue;
    const remakeYear = yearOf(remakes[0]!.release_date)!;
    const reissue = reissueOf(random, pressing, yearOf(original!.release_date)!, remakeYear);
    reissues.push({ ...reissue, traits: [...(reissue.traits ?? []), 'remake-year-reissue'] });
  }
  return reissues;
}

function truthOf(release: CatalogueRelease, draft: ReleaseDraft, filmYears: ReadonlyMap<number, number | null>): SoundtrackTruth[] {
  if (draft.kind !== 'film-soundtrack' || draft.filmId === undefined) return [];
  const filmYear = filmYears.get(draft.filmId) ?? null;
  const traits = TRUTH_KINDS.filter((kind) => draft.traits?.includes(kind));
  return [{
    tmdb_id: draft.filmId,
    discogs_id: release.id,
    year_offset: filmYear === null || draft.year === null ? null : draft.year - filmYear,
    is_reissue: traits.includes('reissue'),
    kind: truthKindOf(traits),
    traits,
  }];
}
