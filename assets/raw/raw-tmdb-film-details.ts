/**
 * `raw/tmdb_film_details`: each landed film's details from TMDB (`/movie/{id}?append_to_response=
 * credits,alternative_titles`), fetched in batches of films, each batch one durable step whose raw JSON is
 * attached (`details/batch-NNNN.json`), so an interrupted run fetches only the batches not attached yet; then
 * one row per film: who is credited for its music, and the other titles it goes by. The matcher reads both: a
 * reissue decades later by the film's composer is the film's, and "Harry Potter And The Sorcerer's Stone" is
 * "… Philosopher's Stone" in another market.
 *
 * Incremental: a materialization keeps the previous version's rows (`ctx.previous()`) of films still listed
 * and fetched within the age limit, and asks TMDB only about the others, so a daily run costs the films new
 * to the listing, not 10,000 requests.
 */
import { z } from 'zod';
import { defineAsset, type JsonValue } from 'medallion';
import { isNotFound } from '../sources/http/request-errors.ts';
import type { FilmSource } from '../sources/source.ts';
import { isObject } from './discogs-search-rows.ts';
import { DAY_MS, dueItems, fetchLogBody, landBatches, nextDueAt, readFetchLog, type FetchedItem } from './incremental-landing.ts';
import { mapConcurrently } from './land-listing.ts';
import { rawTmdbMoviesEntry, type RawTmdbMoviesAsset } from './raw-tmdb-movies.ts';
import { pipelineAsset } from '../pipeline-asset.ts';

export const rawTmdbFilmDetailSchema = z.object({
  tmdb_id: z.int(),
  /** Crew credited for the music ("Original Music Composer", "Music", "Composer"), as TMDB names them. */
  composers: z.array(z.string()),
  /** `alternative_titles.titles[].title`: the film's titles in other markets, working titles. */
  alternative_titles: z.array(z.string()),
  /** TMDB no longer knows the id (404): the film left the catalogue after it was listed. */
  missing: z.boolean(),
  /** The batch (attachment) the record was landed in, in the version that fetched it. */
  batch: z.int32(),
});

export const DETAIL_RESOURCES = ['credits', 'alternative_titles'] as const;
const MUSIC_JOBS = new Set(['Original Music Composer', 'Music', 'Composer', 'Music Score', 'Original Score Composer']);

export interface RawTmdbFilmDetailsOptions {
  /** Films per durable step and attachment: the resume granularity. */
  readonly batchSize?: number;
  /** Requests in flight (the client still enforces TMDB's rate). */
  readonly concurrency?: number;
  /** Days after which a film's details are fetched again. */
  readonly maxAgeDays?: number;
  /** The clock that dates fetches and decides which are due (tests move it). */
  readonly now?: () => number;
}

const CODE_VERSION = '2';
export const DETAILS_LOG = 'details.json';
export function defineRawTmdbFilmDetails(films: FilmSource, movies: RawTmdbMoviesAsset, options: RawTmdbFilmDetailsOptions = {}) {
  const batchSize = options.batchSize ?? 100;
  const concurrency = options.concurrency ?? 8;
  const maxAgeDays = options.maxAgeDays ?? 90;
  const now = options.now ?? Date.now;
  return defineAsset({
    key: 'raw/tmdb_film_details',
    description: `Each landed film's TMDB details (credits, alternative titles), incrementally: films new to the listing, or fetched over ${maxAgeDays} days ago, in batches of ${batchSize}, raw JSON attached as details/batch-NNNN.json; one row per film with its composers and alternative titles.`,
    schema: rawTmdbFilmDetailSchema,
    deps: { movies },
    codeVersion: CODE_VERSION,
    tags: { source: 'tmdb' },
    retry: { maxAttempts: 3, initialDelayMs: 2_000, maxDelayMs: 60_000 },
    async materialize(ctx, inputs) {
      const ids = [...new Set((await inputs.movies.rows()).map((film) => film.tmdb_id))];
      // Rows of other code may not fit today's schema: everything is fetched again.
      const last = await ctx.previous();
      const previous = last?.codeVersion === CODE_VERSION ? last : undefined;
      const log = await readFetchLog(previous, DETAILS_LOG);
      const status = dueItems(ids, log ?? new Map(), now() - maxAgeDays * DAY_MS, (id) => ({ id, asked: '' }));
      const keptIds = new Set(status.kept.map((entry) => entry.id));
      const kept = ((await previous?.rows()) ?? []).filter((row) => keptIds.has(row.tmdb_id));
      const due = await ctx.step('plan', () => [...status.unfetched, ...status.overdue]);
      const { batches, fetched } = await landBatches(ctx, due, {
        folder: 'details',
        batchSize,
        unit: 'films',
        now,
        fetch: (batch) => mapConcurrently(batch, concurrency, async (id): Promise<JsonValue> => {
          try {
            return (await films.movie(id, { appendToResponse: DETAIL_RESOURCES, signal: ctx.signal })) as JsonValue;
          } catch (error) {
            if (isNotFound(error)) return { id, missing: true };
            throw error;
          }
        }),
      });
      const rows: z.input<typeof rawTmdbFilmDetailSchema>[] = [...kept];
      const logged: FetchedItem[] = [...status.kept];
      for (const [index, batch] of batches.entries()) {
        for (const record of batch.answers) {
          const row = detailRowOf(record, index + 1);
          rows.push(row);
          if (typeof row.tmdb_id === 'number') logged.push({ id: row.tmdb_id, asked: '', fetched_at: batch.fetched_at, records: 1 });
        }
      }
      rows.sort((a, b) => Number(a.tmdb_id) - Number(b.tmdb_id));
      await ctx.attachments.putJson(DETAILS_LOG, fetchLogBody(logged));
      const dueAt = nextDueAt(logged, maxAgeDays);
      return {
        rows,
        metadata: {
          films: ids.length,
          fetched: due.length,
          kept: kept.length,
          max_age_days: maxAgeDays,
          batches: batches.length,
          batches_fetched: fetched,
          batches_resumed: batches.length - fetched,
          missing: rows.filter((row) => row.missing === true).length,
          with_composers: rows.filter((row) => Array.isArray(row.composers) && row.composers.length > 0).length,
          with_alternative_titles: rows.filter((row) => Array.isArray(row.alternative_titles) && row.alternative_titles.length > 0).length,
        },
        ...(dueAt === undefined ? {} : { backlog: { pending: 0, unit: 'films', dueAt } }),
      };
    },
  });
}

export type RawTmdbFilmDetailsAsset = ReturnType<typeof defineRawTmdbFilmDetails>;

/** Values pass through unchecked where they are not what TMDB documents: the schema quarantines the row. */
export function detailRowOf(record: unknown, batch: number): z.input<typeof rawTmdbFilmDetailSchema> {
  const film = isObject(record) ? record : {};
  const credits = isObject(film.credits) ? film.credits : {};
  const crew = Array.isArray(credits.crew) ? credits.crew : [];
  const composers = [...new Set(crew.filter((member) => isObject(member) && MUSIC_JOBS.has(String(member.job))).map((member) => (member as { name?: unknown }).name))];
  const alternatives = isObject(film.alternative_titles) && Array.isArray(film.alternative_titles.titles) ? film.alternative_titles.titles : [];
  const titles = [...new Set(alternatives.map((entry: unknown) => (isObject(entry) ? entry.title : entry)))];
  return {
    tmdb_id: film.id,
    composers: composers as string[],
    alternative_titles: titles as string[],
    missing: film.missing === true,
    batch,
  } as z.input<typeof rawTmdbFilmDetailSchema>;
}

/** In the pipeline: the details of every film `raw/tmdb_movies` landed. */
export const rawTmdbFilmDetailsEntry = pipelineAsset((scope) => {
  const { filmsPerStep, detailsInFlight } = scope.options.plan.pacing;
  return defineRawTmdbFilmDetails(scope.options.films, scope.upstream(rawTmdbMoviesEntry), { batchSize: filmsPerStep, concurrency: detailsInFlight, ...scope.concurrency });
});
