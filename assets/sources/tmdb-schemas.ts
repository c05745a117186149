/**
 * TMDB v3 records as the service sends them: the list page of `/movie/popular` (and discover/search) and
 * its list item. Shapes from the OpenAPI spec examples (research/tmdb-discogs-apis.md §1.4).
 */
import { z } from 'zod';
import type { JsonValue } from 'medallion';

/**
 * One film in a list page. Fields the pipeline relies on are required; the rest are documented and always
 * sent today but optional here, so their disappearance is reported by schema alignment instead of
 * rejecting every record.
 */
export const tmdbListItemSchema = z.object({
  id: z.int(),
  title: z.string(),
  // "YYYY-MM-DD", or "" when TMDB has no date (seen in the spec's search and latest examples).
  release_date: z.string(),
  genre_ids: z.array(z.int()),
  adult: z.boolean().optional(),
  backdrop_path: z.string().nullable().optional(),
  original_language: z.string().optional(),
  original_title: z.string().optional(),
  overview: z.string().optional(),
  popularity: z.number().optional(),
  poster_path: z.string().nullable().optional(),
  video: z.boolean().optional(),
  vote_average: z.number().optional(),
  vote_count: z.int().optional(),
});
export type TmdbListItem = z.output<typeof tmdbListItemSchema>;

/**
 * A list page. `results` stay raw JSON here: each record is validated on its own in the raw layer, so one bad
 * record is counted and kept out rather than failing the page. `total_pages` is not capped at 500 (§1.3).
 */
export const tmdbListPageSchema = z.looseObject({
  page: z.int(),
  // Parsed from JSON, so already JSON: checking each value again with z.json() cost ~0.5 s per full run.
  results: z.array(z.custom<JsonValue>()),
  total_pages: z.int(),
  total_results: z.int(),
});
export type TmdbListPage = z.output<typeof tmdbListPageSchema>;

/** `/movie/popular` and discover refuse pages beyond 500 (error 22), whatever `total_pages` says. */
export const TMDB_MAX_PAGE = 500;
