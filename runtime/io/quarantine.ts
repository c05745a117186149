/**
 * Row validation at the data boundary: rows that fail their zod schema are set aside (quarantined) with
 * a short reason instead of failing the whole batch. The quarantine table has its own zod schema, so it
 * is written as Parquet with the same functions as the data.
 */
import { z } from 'zod';

/** The zod schema of the quarantine table. */
export const quarantineSchema = z.object({
  /** Position of the row in the input. */
  row_index: z.int(),
  /** The zod issues, e.g. `year: expected number, received string; genres[1]: expected string, received number`. */
  reason: z.string(),
  /** The rejected row as JSON (Dates as ISO strings; unserializable values as their string form). */
  row_json: z.string(),
});

/** A row that failed its schema, kept beside the data with the reason. */
export type QuarantinedRow = z.output<typeof quarantineSchema>;

/** Rows split by their schema: the valid ones, parsed, and the quarantined ones with their reasons. */
export interface ValidatedRows<Row> {
  /** zod's parsed output of every valid row, in input order. */
  readonly valid: Row[];
  readonly quarantined: QuarantinedRow[];
}

/**
 * Parses every row with `schema` (one `safeParse` per row), keeping the parsed output of the valid ones
 * and quarantining the rest.
 *
 * @example
 * const { valid, quarantined } = validateRows(apiRows, movieSchema);
 * // quarantined[0]: { row_index: 7, reason: 'year: expected number, received string', row_json: '{"year":"1999"}' }
 */
export function validateRows<S extends z.ZodObject>(rows: readonly unknown[], schema: S): ValidatedRows<z.output<S>> {
  const valid: z.output<S>[] = [];
  const quarantined: QuarantinedRow[] = [];
  for (let index = 0; index < rows.length; index++) {
    const result = schema.safeParse(rows[index]);
    if (result.success) valid.push(result.data);
    else quarantined.push({ row_index: index, reason: issuesReason(result.error.issues), row_json: rowJson(rows[index]) });
  }
  return { valid, quarantined };
}

/** A short human message for zod issues: `path: message`, joined with `; `. */
export function issuesReason(issues: readonly z.core.$ZodIssue[]): string {
  return issues.map((issue) => `${issuePath(issue.path)}: ${issue.message.replace(/^Invalid input: /, '')}`).join('; ');
}

function issuePath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'row';
  return path
    .map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`))
    .join('');
}

function rowJson(row: unknown): string {
  try {
    return JSON.stringify(row, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value)) ?? 'null';
  } catch {
    return JSON.stringify(String(row));
  }
}
