/** The epoch of a page without a sort date (a change with no dated message, a signature never seen). */
export const UNDATED_EPOCH = 'undated';

/**
 * The epoch of a search page: the UTC day (`YYYY-MM-DD`) of the date it is sorted by (`data-pagefind-sort`).
 * Each page carries it as the `epoch` filter, so that the search page can leave out of an older index every page
 * of a day that a newer, smaller index covers (`integration/plan-search-index.ts`): days compare as the dates do.
 */
export function searchEpoch(date: string | null): string {
  return date ? date.slice(0, 10) : UNDATED_EPOCH;
}
