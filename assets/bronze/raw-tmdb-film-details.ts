/**
 * Bronze `raw/tmdb_film_details`: each landed film's details from TMDB (`/movie/{id}?append_to_response=
 * credits,alternative_titles`), fetched in batches of films, each batch one durable step whose raw JSON is
 * attached (`details/batch-NNNN.json`), so an interrupted run fetches only the batches not attached yet; then
 * one row per film: who is credited for its music, and the other titles it goes by. The matcher reads both: a
 * reissue decades later by the film's composer is the film's, and "Harry Potter And The Sorcerer's Stone" is
 * "… Philosopher's Stone" in another market.
 */
import { z } from 'zod';
import { defineAsset, type JsonValue } from '../../runtime/index.ts';
import { isNotFound } from '../sources/http/request-errors.ts';
import type { FilmSource } from '../sources/source.ts';
import { isObject } from './discogs-search-rows.ts';
import { mapConcurrently } from './land-listing.ts';
import type { RawTmdbMoviesAsset } from './raw-tmdb-movies.ts';

export const rawTmdbFilmDetailSchema = z.object({
  tmdb_id: z.int(),
  /** Crew credited for the music ("Original Music Composer", "Music", "Composer"), as TMDB names them. */
  composers: z.array(z.string()),
  /** `alternative_titles.titles[].title`: the film's titles in other markets, working titles. */
  alternative_titles: z.array(z.string()),
  /** TMDB no longer knows the id (404): the film left the catalogue after it was listed. */
  missing: z.boolean(),
  /** The batch (attachment) the record was landed in. */
  batch: z.int32(),
});
export type RawTmdbFilmDetail = z.output<typeof rawTmdbFilmDetailSchema>;

export const DETAIL_RESOURCES = ['credits', 'alternative_titles'] as const;
const MUSIC_JOBS = new Set(['Original Music Composer', 'Music', 'Composer', 'Music Score', 'Original Score Composer']);

export interface RawTmdbFilmDetailsOptions {
  /** Films per durable step and attachment: the resume granularity. */
  readonly batchSize?: number;
  /** Requests in flight (the client still enforces TMDB's rate). */
  readonly concurrency?: number;
}

export function defineRawTmdbFilmDetails(films: FilmSource, movies: RawTmdbMoviesAsset, options: RawTmdbFilmDetailsOptions = {}) {
  const batchSize = options.batchSize ?? 100;
  const concurrency = options.concurrency ?? 8;
  return defineAsset({
    key: 'raw/tmdb_film_details',
    group: 'bronze',
    description: `Each landed film's TMDB details (credits, alternative titles) in batches of ${batchSize}, raw JSON attached as details/batch-NNNN.json; one row per film with its composers and alternative titles.`,
    schema: rawTmdbFilmDetailSchema,
    deps: { movies },
    codeVersion: '1',
    tags: { source: 'tmdb' },
    retry: { maxAttempts: 3, initialDelayMs: 2_000, maxDelayMs: 60_000 },
    async materialize(ctx, inputs) {
      const ids = [...new Set((await inputs.movies.rows()).map((film) => film.tmdb_id))];
      const batches = Array.from({ length: Math.ceil(ids.length / batchSize) }, (_, index) => ids.slice(index * batchSize, (index + 1) * batchSize));
      const attached = new Set(await ctx.attachments.list());
      const fetched = new Map<string, JsonValue>();
      let fetchedBatches = 0;
      let done = 0;
      for (const [index, batch] of batches.entries()) {
        const name = batchAttachment(index);
        await ctx.step(`details-batch-${index + 1}`, async () => {
          if (attached.has(name)) return { films: batch.length, reused: true };
          const records = await mapConcurrently(batch, concurrency, async (id) => {
            try {
              return (await films.movie(id, { appendToResponse: DETAIL_RESOURCES })) as JsonValue;
            } catch (error) {
              if (isNotFound(error)) return { id, missing: true };
              throw error;
            }
          });
          await ctx.attachments.putJson(name, records);
          fetched.set(name, records);
          fetchedBatches++;
          return { films: batch.length, reused: false };
        });
        done += batch.length;
        ctx.progress({ done, total: ids.length, unit: 'films' });
      }
      const rows: z.input<typeof rawTmdbFilmDetailSchema>[] = [];
      for (const [index] of batches.entries()) {
        const name = batchAttachment(index);
        const body = fetched.get(name) ?? (await ctx.attachments.getJson(name));
        if (!Array.isArray(body)) throw new Error(`Landed batch ${name} is missing from the version's attachments although its step completed.`);
        for (const record of body) rows.push(detailRowOf(record, index + 1));
      }
      return {
        rows,
        metadata: {
          films: ids.length,
          batches: batches.length,
          batches_fetched: fetchedBatches,
          batches_resumed: batches.length - fetchedBatches,
          missing: rows.filter((row) => row.missing === true).length,
          with_composers: rows.filter((row) => Array.isArray(row.composers) && row.composers.length > 0).length,
          with_alternative_titles: rows.filter((row) => Array.isArray(row.alternative_titles) && row.alternative_titles.length > 0).length,
        },
      };
    },
  });
}

export type RawTmdbFilmDetailsAsset = ReturnType<typeof defineRawTmdbFilmDetails>;

/** The attachment of batch `index` (0-based): `details/batch-0001.json` for the first. */
function batchAttachment(index: number): string {
  return `details/batch-${String(index + 1).padStart(4, '0')}.json`;
}

/** Values pass through unchecked where they are not what TMDB documents: the schema quarantines the row. */
export function detailRowOf(record: unknown, batch: number): z.input<typeof rawTmdbFilmDetailSchema> {
  const film = isObject(record) ? record : {};
  const credits = isObject(film.credits) ? film.credits : {};
  const crew = Array.isArray(credits.crew) ? credits.crew : [];
  const composers = [...new Set(crew.filter((member) => isObject(member) && MUSIC_JOBS.has(String(member.job))).map((member) => (member as { name?: unknown }).name))];
  const alternatives = isObject(film.alternative_titles) && Array.isArray(film.alternative_titles.titles) ? film.alternative_titles.titles : [];
  const titles = [...new Set(alternatives.map((entry) => (isObject(entry) ? entry.title : entry)))];
  return {
    tmdb_id: film.id,
    composers: composers as string[],
    alternative_titles: titles as string[],
    missing: film.missing === true,
    batch,
  } as z.input<typeof rawTmdbFilmDetailSchema>;
}
