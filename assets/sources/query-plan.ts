/**
 * The query plan: what the raw assets ask the services for. The default reproduces the original system's
 * scale (research/anchors-dagster-and-seed.md §4.1) without its silent gaps:
 *  - TMDB: `/movie/popular`, pages 1–500 (the endpoint's last page): 10,000 films.
 *  - Discogs bulk: `/database/search?type=release&genre=Stage & Screen&style=<S>&year=<Y>` for each style and
 *    year, so that no query reaches the 100-page search cap; partitioned by decade.
 *  - Discogs per film: `q=<title>` for every film, incrementally: within a request budget a run, films never
 *    searched first, each search redone after an age limit (finds soundtracks filed outside Stage & Screen,
 *    and year-less releases). The in-process sample has no rate limit, so its budget takes every film.
 */
import { ConfigError } from 'medallion';
import { integerSetting } from './env-settings.ts';

export interface QueryPlan {
  readonly tmdb: TmdbPlan;
  readonly discogs: DiscogsPlan;
  readonly pacing: PacingPlan;
}

/**
 * How the landings pace themselves: what one durable step lands (the most a resumed run asks again), and the
 * requests each keeps in flight (the clients still hold the services' rates). Live, a step of 100 searches is
 * 100 s of Discogs' 60 a minute; the sample's emulator answers in microseconds, so there the same steps would be
 * mostly their own bookkeeping, and a few requests in flight would leave its thread waiting on the pipeline's.
 */
export interface PacingPlan {
  /** TMDB listing pages per step, and in flight. */
  readonly listingPagesPerStep: number;
  readonly listingInFlight: number;
  /** Discogs bulk searches (a year and a style each, paged) in flight per decade. */
  readonly bulkSearchesInFlight: number;
  /** Films per step of the per-film landings (TMDB details, Discogs searches), and requests in flight for each. */
  readonly filmsPerStep: number;
  readonly detailsInFlight: number;
  readonly searchesInFlight: number;
}

export type TmdbPlan =
  | { readonly kind: 'popular'; readonly pages: number }
  | { readonly kind: 'discover-by-year'; readonly fromYear: number; readonly toYear: number; readonly pagesPerYear: number };

export interface DiscogsPlan {
  readonly genre: string;
  readonly styles: readonly string[];
  readonly fromYear: number;
  readonly toYear: number;
  readonly perPage: number;
  /** Requests the per-film search may spend in one run; 0 turns it off. */
  readonly targetedBudget: number;
  /** Days after which a film's search is due again. */
  readonly searchMaxAgeDays: number;
  /** Masters (`/masters/{id}`) the matcher may look up for releases far in time from every candidate film. */
  readonly mastersBudget: number;
}

export const DEFAULT_QUERY_PLAN: QueryPlan = {
  tmdb: { kind: 'popular', pages: 500 },
  discogs: { genre: 'Stage & Screen', styles: ['Soundtrack', 'Score'], fromYear: 1930, toYear: 2025, perPage: 100, targetedBudget: 1_000, searchMaxAgeDays: 30, mastersBudget: 100 },
  pacing: { listingPagesPerStep: 25, listingInFlight: 8, bulkSearchesInFlight: 4, filmsPerStep: 100, detailsInFlight: 8, searchesInFlight: 4 },
};

/**
 * The sample emulator's plan: no rate limit, so the per-film search takes every film in one run; larger steps
 * and more requests in flight, since the emulator answers beside the pipeline, on its own thread.
 */
export const SAMPLE_QUERY_PLAN: QueryPlan = {
  ...DEFAULT_QUERY_PLAN,
  discogs: { ...DEFAULT_QUERY_PLAN.discogs, targetedBudget: 1_000_000 },
  pacing: { listingPagesPerStep: 100, listingInFlight: 32, bulkSearchesInFlight: 12, filmsPerStep: 1_000, detailsInFlight: 32, searchesInFlight: 32 },
};

/** Decade partitions of the bulk Discogs landing, e.g. `1930s` … `2020s`. */
export function discogsDecades(plan: DiscogsPlan): string[] {
  const decades: string[] = [];
  for (let decade = Math.floor(plan.fromYear / 10) * 10; decade <= plan.toYear; decade += 10) decades.push(`${decade}s`);
  return decades;
}

/** The years of one decade partition that the plan covers. */
export function yearsOf(plan: DiscogsPlan, decade: string): number[] {
  const start = Number(decade.slice(0, 4));
  const years: number[] = [];
  for (let year = Math.max(start, plan.fromYear); year <= Math.min(start + 9, plan.toYear); year++) years.push(year);
  return years;
}

/**
 * The default plan with overrides from the environment: `MEDALLION_TMDB_PAGES` (1–500),
 * `MEDALLION_DISCOGS_YEARS` (`1930-2025`), `MEDALLION_DISCOGS_TARGETED_BUDGET` (per-film searches a run, 0 = off),
 * `MEDALLION_DISCOGS_SEARCH_MAX_AGE_DAYS` (days before a film is searched again),
 * `MEDALLION_DISCOGS_MASTERS_BUDGET` (master lookups, 0 = off).
 */
export function queryPlanFromEnvironment(env: Readonly<Record<string, string | undefined>>, base: QueryPlan = DEFAULT_QUERY_PLAN): QueryPlan {
  const pages = integerSetting(env, 'MEDALLION_TMDB_PAGES', 1, 500);
  const budget = integerSetting(env, 'MEDALLION_DISCOGS_TARGETED_BUDGET', 0, 1_000_000);
  const mastersBudget = integerSetting(env, 'MEDALLION_DISCOGS_MASTERS_BUDGET', 0, 1_000_000);
  const searchMaxAgeDays = integerSetting(env, 'MEDALLION_DISCOGS_SEARCH_MAX_AGE_DAYS', 1, 36_500);
  const years = env.MEDALLION_DISCOGS_YEARS?.trim();
  let range: { fromYear: number; toYear: number } | undefined;
  if (years) {
    const match = /^(\d{4})-(\d{4})$/.exec(years);
    if (match === null || Number(match[1]) > Number(match[2])) {
      throw new ConfigError(`MEDALLION_DISCOGS_YEARS must look like 1930-2025 (first year ≤ last), not "${years}".`);
    }
    range = { fromYear: Number(match[1]), toYear: Number(match[2]) };
  }
  return {
    ...base,
    tmdb: pages === undefined || base.tmdb.kind !== 'popular' ? base.tmdb : { kind: 'popular', pages },
    discogs: { ...base.discogs, ...range, ...(budget === undefined ? {} : { targetedBudget: budget }), ...(mastersBudget === undefined ? {} : { mastersBudget }), ...(searchMaxAgeDays === undefined ? {} : { searchMaxAgeDays }) },
  };
}
