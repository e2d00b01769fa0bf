import type { SignatureEntry } from '../lib/types.ts';

/**
 * The lists of a signature page that go on over pages of their own: every job run that failed with it, and the
 * rebuilds that disagreed about it. At 50k changes one generic GoogleTest signature listed 25,375 job runs and
 * 10,000 rebuilds on one page of 11 MB, which a browser takes seconds to lay out and nobody reads to the end.
 * Each name is also the list's section id on the signature page and its folder under the signature's.
 */
export const SIGNATURE_LISTS = ['occurrences', 'disagreed'] as const;
export type SignatureList = (typeof SIGNATURE_LISTS)[number];

/** What each list is, for the names of its pagers and the title of its further pages. */
export const listLabels: Record<SignatureList, string> = {
  occurrences: 'the occurrence list',
  disagreed: 'the rebuilds that disagreed',
};

/** Rows per page of a list. The signature page shows the first page of each. */
export const ROWS_PER_PAGE = 500;

/** How many rows `list` has for `entry`. */
export function listLength(entry: SignatureEntry, list: SignatureList): number {
  return list === 'occurrences' ? entry.occurrences.length : entry.flakyEvidence.length;
}

/** How many pages a list of `rows` takes: the signature page is the first, always there. */
export function listPageCount(rows: number): number {
  return Math.max(1, Math.ceil(rows / ROWS_PER_PAGE));
}

/** The rows of page `page` (from 1), as `[start, end)` indexes into the list. */
export function listPageRange(page: number): [number, number] {
  return [(page - 1) * ROWS_PER_PAGE, page * ROWS_PER_PAGE];
}
