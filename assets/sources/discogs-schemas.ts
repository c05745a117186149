/**
 * Discogs v2 records as the service sends them: a `/database/search` page and its release item
 * (research/tmdb-discogs-apis.md §2.2). `title` is "Artist - Title"; `year` is a string that may be absent.
 */
import { z } from 'zod';
import type { JsonValue } from 'medallion';

/**
 * One search result of `type=release`. Required: what the pipeline reads and every item carries. The
 * rest is optional: older items lack `master_id`, `country` or `year`, and newer fields come and go.
 */
export const discogsSearchItemSchema = z.object({
  id: z.int(),
  type: z.string(),
  title: z.string(),
  genre: z.array(z.string()),
  style: z.array(z.string()),
  format: z.array(z.string()),
  year: z.string().optional(),
  country: z.string().optional(),
  // 0 with a null `master_url` when the release has no master.
  master_id: z.int().optional(),
  master_url: z.string().nullable().optional(),
  label: z.array(z.string()).optional(),
  catno: z.string().optional(),
  barcode: z.array(z.string()).optional(),
  uri: z.string().optional(),
  resource_url: z.string().optional(),
  thumb: z.string().optional(),
  cover_image: z.string().optional(),
  community: z.object({ want: z.int(), have: z.int() }).optional(),
  format_quantity: z.int().optional(),
});
export type DiscogsSearchItem = z.output<typeof discogsSearchItemSchema>;

/** On page 1 `urls` has only `last` and `next`; with a single page it is `{}`. */
export const discogsPaginationSchema = z.looseObject({
  page: z.int(),
  pages: z.int(),
  per_page: z.int(),
  items: z.int(),
  urls: z.object({
    first: z.string().optional(),
    prev: z.string().optional(),
    next: z.string().optional(),
    last: z.string().optional(),
  }),
});

/** A search page; `results` stay raw JSON and are validated one by one in the raw layer. */
export const discogsSearchPageSchema = z.looseObject({
  pagination: discogsPaginationSchema,
  // Parsed from JSON, so already JSON: checking each value again with z.json() cost ~0.5 s per full run.
  results: z.array(z.custom<JsonValue>()),
});
export type DiscogsSearchPage = z.output<typeof discogsSearchPageSchema>;

/** `per_page` defaults to 50 and is clamped to 100; search depth is observed clamped to 100 pages. */
export const DISCOGS_MAX_PER_PAGE = 100;
export const DISCOGS_MAX_SEARCH_PAGES = 100;
