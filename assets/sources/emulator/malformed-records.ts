/**
 * The `malformed` fault's record damage: which records of a page come out broken and how. Chosen by
 * (seed, record id), so a test can predict exactly which ids a given rate damages.
 */
import type { ApiName } from './request-info.ts';
import { idUnit } from './id-random.ts';

export const RECORD_DEFECTS = ['id-as-string', 'title-missing', 'list-as-string', 'date-retyped'] as const;
/**
 * `id-as-string`: `id: "123"`. `title-missing`: no `title` key. `list-as-string`: TMDB `genre_ids: "28,12"`,
 * Discogs `genre: "Rock"`. `date-retyped`: TMDB `release_date: null`, Discogs `year: 1999` (a number).
 */
export type RecordDefect = (typeof RECORD_DEFECTS)[number];

export interface MalformedRecord {
  readonly api: ApiName;
  readonly path: string;
  readonly page: number | null;
  readonly id: number;
  readonly defect: RecordDefect;
}

/** The defect record `id` gets at this rate, or undefined when it is served intact. */
export function recordDefect(seed: number, api: ApiName, id: number, rate: number): RecordDefect | undefined {
  const salt = api === 'tmdb' ? 11 : 13;
  if (idUnit(seed, id, salt) >= rate) return undefined;
  return RECORD_DEFECTS[Math.floor(idUnit(seed, id, salt + 1) * RECORD_DEFECTS.length)];
}

/** A damaged copy of a list record. */
export function malformRecord(api: ApiName, record: Readonly<Record<string, unknown>>, defect: RecordDefect): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...record };
  switch (defect) {
    case 'id-as-string':
      copy.id = String(record.id);
      break;
    case 'title-missing':
      delete copy.title;
      break;
    case 'list-as-string': {
      const field = api === 'tmdb' ? 'genre_ids' : 'genre';
      copy[field] = Array.isArray(record[field]) ? (record[field] as unknown[]).join(',') : '';
      break;
    }
    case 'date-retyped':
      if (api === 'tmdb') copy.release_date = null;
      else copy.year = typeof record.year === 'string' ? Number(record.year) : 0;
      break;
  }
  return copy;
}
