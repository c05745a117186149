/**
 * Splits landed records into those the source's record schema accepts and a count (with a few examples)
 * of those it rejects. A bad record is kept out of the raw layer, never fatal to the extraction.
 */
import type { z } from 'zod';
import { type JsonObject } from 'medallion';
import { issuesReason } from 'medallion/internal';

const EXAMPLES_KEPT = 5;

export interface RecordRejections {
  count: number;
  /** The first few, with where they landed and why they were rejected. */
  examples: JsonObject[];
}

export function createRecordRejections(): RecordRejections {
  return { count: 0, examples: [] };
}

/** The parsed record, or undefined after counting the rejection under `where` (e.g. `pages/popular-0003.json#7`). */
export function acceptRecord<S extends z.ZodType>(schema: S, record: unknown, where: string, rejections: RecordRejections): z.output<S> | undefined {
  const result = schema.safeParse(record);
  if (result.success) return result.data;
  rejections.count++;
  if (rejections.examples.length < EXAMPLES_KEPT) rejections.examples.push({ where, reason: issuesReason(result.error.issues) });
  return undefined;
}
