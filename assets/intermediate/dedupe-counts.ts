/** The metadata every intermediate asset that dedupes a raw landing reports, counted one way. */
export function dedupeCounts(landed: readonly unknown[], rows: readonly { readonly year: number | null }[]): { rows_in: number; rows: number; duplicates_removed: number; missing_year: number } {
  return {
    rows_in: landed.length,
    rows: rows.length,
    duplicates_removed: landed.length - rows.length,
    missing_year: rows.filter((row) => row.year === null).length,
  };
}
