/**
 * Bronze `raw/tmdb_movies`: TMDB's popular list, landed page by page (raw JSON attached beside the data)
 * and flattened to one row per film with its fields as landed.
 */
import { z } from 'zod';
import { defineAsset, type JsonValue, type MaterializeContext } from '../../runtime/index.ts';
import type { FilmSource } from '../sources/source.ts';
import { TMDB_MAX_PAGE, tmdbListItemSchema, tmdbListPageSchema } from '../sources/tmdb-schemas.ts';
import { assertPagingOptions, landPages, readStagedPage, type LandedPage } from './land-pages.ts';
import { profileLandedFields } from './landed-field-profile.ts';
import { acceptRecord, createRecordRejections, type RecordRejections } from './validate-records.ts';

export const rawTmdbMovieSchema = z.object({
  tmdb_id: z.int(),
  title: z.string(),
  original_title: z.string().nullable(),
  original_language: z.string().nullable(),
  /** As landed: "YYYY-MM-DD", or "" when TMDB has no date. */
  release_date: z.string(),
  genre_ids: z.array(z.int()),
  popularity: z.number().nullable(),
  vote_average: z.number().nullable(),
  vote_count: z.int().nullable(),
  adult: z.boolean().nullable(),
  /** The list page the film landed on. */
  page: z.int32(),
});
export type RawTmdbMovie = z.output<typeof rawTmdbMovieSchema>;

export interface RawTmdbMoviesOptions {
  /** Defaults to 500, the last page `/movie/popular` serves (10,000 films). */
  maxPages?: number;
  /** Pages per durable step: the resume granularity. */
  pagesPerStep?: number;
}

export function defineRawTmdbMovies(films: FilmSource, options: RawTmdbMoviesOptions = {}) {
  const maxPages = Math.min(options.maxPages ?? TMDB_MAX_PAGE, TMDB_MAX_PAGE);
  const pagesPerStep = options.pagesPerStep ?? 5;
  assertPagingOptions('raw/tmdb_movies', { pagesPerStep, maxPages });
  return defineAsset({
    key: 'raw/tmdb_movies',
    group: 'bronze',
    description: 'Films from TMDB /movie/popular, one row per film as landed; the raw JSON pages are attached as pages/popular-NNNN.json.',
    schema: rawTmdbMovieSchema,
    codeVersion: '1',
    tags: { source: 'tmdb' },
    // TMDB allows ~40 req/s; a failed attempt resumes from its last journaled batch, so retries are cheap.
    retry: { maxAttempts: 5, initialDelayMs: 500, maxDelayMs: 30_000 },
    async materialize(ctx) {
      const listing = await landPages(ctx, {
        stepPrefix: 'popular',
        pagesPerStep,
        maxPages,
        stagingName: (page) => `popular/page-${String(page).padStart(4, '0')}.json`,
        async fetchPage(page) {
          const body = await films.popularPage(page);
          // The page is parsed JSON from the wire; its envelope was validated by the source.
          return { body: body as JsonValue, records: body.results.length, totalPages: body.total_pages, totalRecords: body.total_results };
        },
      });
      const { rows, records, rejections } = await flattenPages(ctx, listing.pages);
      if (listing.totalPages > maxPages) {
        ctx.log(`TMDB reports ${listing.totalPages} pages; only ${maxPages} were landed (the list endpoint stops at 500).`);
      }
      return {
        rows,
        metadata: {
          pages_fetched: listing.pages.length,
          total_pages: listing.totalPages,
          total_results: listing.totalRecords,
          truncated: listing.totalPages > maxPages,
          records: records.length,
          rows: rows.length,
          rejected_records: rejections.count,
          rejected_examples: rejections.examples,
          field_profile: profileLandedFields(records),
        },
      };
    },
  });
}

export type RawTmdbMoviesAsset = ReturnType<typeof defineRawTmdbMovies>;

async function flattenPages(ctx: MaterializeContext, pages: readonly LandedPage[]) {
  const rows: z.input<typeof rawTmdbMovieSchema>[] = [];
  const rejections: RecordRejections = createRecordRejections();
  const records: unknown[] = [];
  for (const landed of pages) {
    const body = tmdbListPageSchema.parse(await readStagedPage(ctx, landed));
    const attachment = `pages/popular-${String(landed.page).padStart(4, '0')}.json`;
    await ctx.attachments.putJson(attachment, body as JsonValue);
    body.results.forEach((record, index) => {
      records.push(record);
      const film = acceptRecord(tmdbListItemSchema, record, `${attachment}#${index}`, rejections);
      if (film !== undefined) rows.push(rowOf(film, landed.page));
    });
  }
  return { rows, records, rejections };
}

function rowOf(film: z.output<typeof tmdbListItemSchema>, page: number): z.input<typeof rawTmdbMovieSchema> {
  return {
    tmdb_id: film.id,
    title: film.title,
    original_title: film.original_title ?? null,
    original_language: film.original_language ?? null,
    release_date: film.release_date,
    genre_ids: film.genre_ids,
    popularity: film.popularity ?? null,
    vote_average: film.vote_average ?? null,
    vote_count: film.vote_count ?? null,
    adult: film.adult ?? null,
    page,
  };
}
