/**
 * The raw row of one Discogs search result, as landed, shared by the bulk and the per-film landings.
 * Flattening is deliberately lenient: a record with a missing or wrongly typed field becomes a row that fails
 * this schema, which the framework quarantines with its reason while the rest of the page is kept.
 */
import { z } from 'zod';

export const rawDiscogsReleaseSchema = z.object({
  discogs_id: z.int(),
  /** As landed: "Artist - Title". */
  title: z.string(),
  /** As landed, a string; null when the item has no `year`. */
  year: z.string().nullable(),
  genre: z.array(z.string()),
  style: z.array(z.string()),
  format: z.array(z.string()),
  country: z.string().nullable(),
  /** 0 when Discogs knows no master. */
  master_id: z.int().nullable(),
  label: z.array(z.string()).nullable(),
  catno: z.string().nullable(),
  /** The search that found it (e.g. `style=Soundtrack year=1994`, `film=603`), the page and position it landed at. */
  query: z.string(),
  page: z.int32(),
  record_index: z.int32(),
});
export type RawDiscogsRelease = z.output<typeof rawDiscogsReleaseSchema>;

export function discogsRowOf(record: unknown, query: string, page: number, recordIndex: number): z.input<typeof rawDiscogsReleaseSchema> {
  const item = isObject(record) ? record : {};
  // Values pass through unchecked on purpose: the asset schema judges them (see the header).
  return {
    discogs_id: item.id,
    title: item.title,
    year: item.year ?? null,
    genre: item.genre,
    style: item.style,
    format: item.format,
    country: item.country ?? null,
    master_id: item.master_id ?? null,
    label: item.label ?? null,
    catno: item.catno ?? null,
    query,
    page,
    record_index: recordIndex,
  } as z.input<typeof rawDiscogsReleaseSchema>;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
