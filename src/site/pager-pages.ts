/** A page number to link to, or a gap standing for the page numbers left out. */
export type PagerItem = number | 'gap';

/**
 * The page numbers a pager shows: the first and last page, and `around` pages either side of the current one,
 * with gaps for the rest, so a list of a hundred pages still has a pager that fits on a phone.
 */
export function pagerPages(current: number, last: number, around = 2): PagerItem[] {
  const shown = new Set<number>([1, last]);
  for (let page = current - around; page <= current + around; page++) {
    if (page >= 1 && page <= last) shown.add(page);
  }
  const pages = [...shown].sort((a, b) => a - b);
  const items: PagerItem[] = [];
  pages.forEach((page, index) => {
    const previous = pages[index - 1];
    // A gap of one page is shown as that page: a "…" would take as much room.
    if (previous !== undefined && page - previous === 2) items.push(previous + 1);
    else if (previous !== undefined && page - previous > 2) items.push('gap');
    items.push(page);
  });
  return items;
}
