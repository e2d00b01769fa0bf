/** Rows per page of the change list: small enough for a phone, few enough pages for 10k changes. */
export const CHANGES_PER_PAGE = 100;

/** How many pages the change list has: always at least one, so `/changes/` exists for an empty export. */
export function changeListPageCount(changes: number): number {
  return Math.max(1, Math.ceil(changes / CHANGES_PER_PAGE));
}
