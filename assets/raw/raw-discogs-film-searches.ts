/**
 * `raw/discogs_film_searches`: Discogs searched once per film (`q=<title>`, `type=release`, first page),
 * incrementally. Searching per film finds what the bulk style × year pass misses (soundtracks filed outside
 * Stage & Screen, releases without a year), but costs a request a film: 10,000 films are 2.8 h at Discogs'
 * 60 requests a minute. So each materialization builds on the last one (`ctx.previous()`): it keeps the
 * results of films searched within the age limit and spends its request budget on the films due, never
 * searched first (those the bulk pass found nothing for before the rest, most popular first), then the
 * oldest searches. What the budget did not reach is the backlog, which keeps the asset stale until a later
 * run has done it; a search older than the age limit makes it stale again.
 *
 * Each batch of searches is one durable step whose raw JSON pages are attached (`searches/batch-NNNN.json`,
 * each film's search and the page Discogs answered);
 * `searches.json` is the log of every film's last search, which the next materialization reads.
 */
import type { z } from 'zod';
import { defineAsset, type JsonValue } from 'medallion';
import { normalizeTitle } from '../matching/normalize-title.ts';
import { parseYear } from '../matching/parse-year.ts';
import { splitDiscogsTitle, titleForms } from '../matching/split-discogs-title.ts';
import type { DiscogsPlan } from '../sources/query-plan.ts';
import type { ReleaseSource } from '../sources/source.ts';
import { tmdbMoviesEntry, type TmdbMovie, type TmdbMoviesAsset } from '../intermediate/tmdb-movies.ts';
import { discogsRowOf, rawDiscogsReleaseSchema, type RawDiscogsRelease } from './discogs-search-rows.ts';
import { DAY_MS, dueItems, fetchLogBody, landBatches, nextDueAt, readFetchLog, type FetchedItem } from './incremental-landing.ts';
import { mapConcurrently } from './land-listing.ts';
import { searchResultsOf, type RawDiscogsReleasesAsset } from './raw-discogs-releases.ts';
import { pipelineAsset } from '../pipeline-asset.ts';
import { rawDiscogsReleasesEntry } from './raw-discogs-releases.ts';

/** A bulk release within this many years of a film (or with a year unknown) counts as found for it. */
export const COVERED_YEAR_WINDOW = 2;
const RESULTS_PER_FILM = 50;
export const SEARCH_LOG = 'searches.json';

export interface RawDiscogsFilmSearchesOptions {
  readonly plan: DiscogsPlan;
  /** Requests in flight (the client still enforces Discogs' rate). */
  readonly concurrency?: number;
  /** Films per durable step and attachment: the resume granularity. */
  readonly batchSize?: number;
  /** The clock that dates searches and decides which are due (tests move it). */
  readonly now?: () => number;
}

export function defineRawDiscogsFilmSearches(releases: ReleaseSource, films: TmdbMoviesAsset, bulk: RawDiscogsReleasesAsset, options: RawDiscogsFilmSearchesOptions) {
  const { targetedBudget: budget, searchMaxAgeDays: maxAgeDays } = options.plan;
  const batchSize = options.batchSize ?? 100;
  const now = options.now ?? Date.now;
  return defineAsset({
    key: 'raw/discogs_film_searches',
    description: `Discogs searched per film (q=<title>), incrementally: at most ${budget.toLocaleString('en-US')} requests a run, films never searched first, a search redone after ${maxAgeDays} days; raw JSON pages attached, the log in ${SEARCH_LOG}.`,
    schema: rawDiscogsReleaseSchema,
    deps: { films, bulk },
    codeVersion: '2',
    tags: { source: 'discogs' },
    retry: { maxAttempts: 3, initialDelayMs: 5_000, maxDelayMs: 120_000 },
    async materialize(ctx, inputs) {
      const catalogue = await inputs.films.rows();
      const previous = await ctx.previous();
      const log = await readFetchLog(previous, SEARCH_LOG);
      if (previous !== undefined && log === undefined) ctx.log(`The previous version has no readable ${SEARCH_LOG}: every film is due.`);
      const due = dueItems(catalogue, log ?? new Map(), now() - maxAgeDays * DAY_MS, (film) => ({ id: film.tmdb_id, asked: film.title }));
      // The bulk landing orders the never-searched films only when the budget cannot take them all.
      const ordered = due.unfetched.length > budget ? uncoveredFirst(due.unfetched, await inputs.bulk.rows()) : due.unfetched;
      const wanted = [...ordered, ...due.overdue].slice(0, budget);
      const taken = await ctx.step('plan', () => wanted.map((film) => ({ tmdb_id: film.tmdb_id, q: film.title })));

      const { batches, fetched } = await landBatches(ctx, taken, {
        folder: 'searches',
        batchSize,
        unit: 'films',
        now,
        fetch: (batch) => mapConcurrently(batch, options.concurrency ?? 4, async (film) => ({
          ...film,
          page: (await releases.search({ q: film.q, type: 'release', per_page: RESULTS_PER_FILM }, 1, { signal: ctx.signal })) as unknown as JsonValue,
        })),
      });

      // Every earlier search of a listed film not searched again now is kept, an overdue one too: its results
      // stand until the budget reaches it.
      const searched = new Set(taken.map((film) => film.tmdb_id));
      const listed = new Set(catalogue.map((film) => film.tmdb_id));
      const kept = [...(log?.values() ?? [])].filter((entry) => listed.has(entry.id) && !searched.has(entry.id));
      const keptIds = new Set(kept.map((entry) => entry.id));
      const rows: z.input<typeof rawDiscogsReleaseSchema>[] = ((await previous?.rows()) ?? []).filter((row) => keptIds.has(filmOfQuery(row.query)));
      const logged: FetchedItem[] = [...kept];
      for (const batch of batches) {
        for (const search of batch.answers) {
          const results = searchResultsOf(search.page);
          results.forEach((record, position) => rows.push(discogsRowOf(record, `film=${search.tmdb_id}`, 1, position)));
          logged.push({ id: search.tmdb_id, asked: search.q, fetched_at: batch.fetched_at, records: results.length });
        }
      }
      rows.sort((a, b) => filmOfQuery(a.query) - filmOfQuery(b.query) || a.record_index - b.record_index);
      await ctx.attachments.putJson(SEARCH_LOG, fetchLogBody(logged));

      // A budget of 0 turns the search off: nothing is due, so nothing is left over.
      const pending = budget === 0 ? 0 : due.unfetched.length + due.overdue.length - taken.length;
      const dueAt = nextDueAt(logged, maxAgeDays);
      return {
        rows,
        metadata: {
          films: catalogue.length,
          searched: taken.length,
          kept: kept.length,
          results: rows.length,
          never_searched: due.unfetched.length,
          overdue: due.overdue.length,
          backlog: pending,
          budget,
          max_age_days: maxAgeDays,
          batches_fetched: fetched,
          batches_resumed: batches.length - fetched,
        },
        backlog: { pending, unit: 'films', ...(dueAt === undefined ? {} : { dueAt }) },
      };
    },
  });
}

export type RawDiscogsFilmSearchesAsset = ReturnType<typeof defineRawDiscogsFilmSearches>;

function filmOfQuery(query: string): number {
  return Number(query.slice('film='.length));
}

/** Films the bulk landing has no release for first (most popular first), then the rest, most popular first. */
export function uncoveredFirst(films: readonly TmdbMovie[], bulk: readonly RawDiscogsRelease[]): TmdbMovie[] {
  const uncovered = new Set(uncoveredFilms(films, bulk));
  const byPopularity = (a: TmdbMovie, b: TmdbMovie) => (b.popularity ?? 0) - (a.popularity ?? 0) || a.tmdb_id - b.tmdb_id;
  return [...uncovered, ...films.filter((film) => !uncovered.has(film)).sort(byPopularity)];
}

/** Films with no bulk release of the same normalized title within the year window, most popular first. */
export function uncoveredFilms(films: readonly TmdbMovie[], bulk: readonly RawDiscogsRelease[]): TmdbMovie[] {
  const yearsByTitle = new Map<string, (number | null)[]>();
  for (const release of bulk) {
    const year = parseYear(release.year);
    for (const form of titleForms(splitDiscogsTitle(release.title).title)) {
      if (form === null) continue;
      const norm = normalizeTitle(form);
      if (norm !== '') yearsByTitle.set(norm, [...(yearsByTitle.get(norm) ?? []), year]);
    }
  }
  const covered = (film: TmdbMovie) =>
    [film.title_norm, film.original_title_norm].some((norm) =>
      (yearsByTitle.get(norm ?? '') ?? []).some((year) => year === null || film.year === null || Math.abs(year - film.year) <= COVERED_YEAR_WINDOW),
    );
  return films.filter((film) => !covered(film)).sort((a, b) => (b.popularity ?? 0) - (a.popularity ?? 0) || a.tmdb_id - b.tmdb_id);
}

/** In the pipeline: per-film searches within the plan's budget, for films the bulk landing has no release for first. */
export const rawDiscogsFilmSearchesEntry = pipelineAsset((scope) =>
  defineRawDiscogsFilmSearches(scope.options.releases, scope.upstream(tmdbMoviesEntry), scope.upstream(rawDiscogsReleasesEntry), {
    plan: scope.options.plan.discogs,
    batchSize: scope.options.plan.pacing.filmsPerStep,
    concurrency: scope.options.plan.pacing.searchesInFlight,
    ...scope.concurrency,
  }));
