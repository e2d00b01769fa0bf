/**
 * Rows per page of a signature's occurrence list. The signature page shows the newest; at 50k changes one
 * generic GoogleTest signature listed 25,375 job runs on one page of 11 MB, which a browser takes seconds to lay
 * out and nobody reads to the end.
 */
export const OCCURRENCES_PER_PAGE = 500;

/** How many pages a list of `occurrences` takes: the signature page is the first, always there. */
export function occurrencePageCount(occurrences: number): number {
  return Math.max(1, Math.ceil(occurrences / OCCURRENCES_PER_PAGE));
}

/** The rows of page `page` (from 1), as `[start, end)` indexes into the list. */
export function occurrencePageRange(page: number): [number, number] {
  return [(page - 1) * OCCURRENCES_PER_PAGE, page * OCCURRENCES_PER_PAGE];
}
