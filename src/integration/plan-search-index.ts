import { UNDATED_EPOCH } from '../data/search-epoch.ts';
import type { SearchIndexPage } from '../data/search-index-pages.ts';

/** The index a full build wrote, as the cache remembers it: what a later build's pages are compared with. */
export interface SearchBase {
  /** Pagefind's version and everything else besides the pages that decides the index's bytes. */
  basis: string;
  /** Page → [its page-cache entry when it was indexed, its epoch then]. */
  pages: Record<string, [entry: string, epoch: string]>;
}

/** A page of this build, with the page-cache entry that holds its bytes (none: it has no entry). */
export interface PageToIndex extends SearchIndexPage {
  entry: string | undefined;
}

/**
 * How this build's search index is made:
 * - `full`: Pagefind indexes the whole site, which becomes the base of later builds;
 * - `base`: no page changed since the base: it is the index as it is;
 * - `delta`: the base, plus a second index of `pages` (every page of the epochs from the first one that changed
 *   on), which the search page merges; the base's pages of the epochs in `superseded` are left out of its results.
 */
export type SearchIndexPlan =
  | { kind: 'full'; reason: string }
  | { kind: 'base' }
  | { kind: 'delta'; pages: string[]; superseded: string[] };

/**
 * Plans the search index of a rebuild. Pagefind cannot update an index in place, and an index per month would
 * cost each query a request per month. So a build adds to the last full index (the base) one index of every page
 * from the earliest day on which any page changed, was added or went away: a day is then in exactly one of the
 * two, which keeps "newest first" exact (the search page lists the second index's results before the base's,
 * see `scripts/search/search-index.ts`) and leaves no stale page of the base in any result. Once that second
 * index would hold more than `maxShare` of the pages, the whole site is indexed again.
 */
export function planSearchIndex(
  base: SearchBase | null,
  basis: string,
  pages: readonly PageToIndex[],
  maxShare = 0.25,
): SearchIndexPlan {
  if (!base) return { kind: 'full', reason: 'no earlier index in the cache' };
  if (base.basis !== basis) return { kind: 'full', reason: 'the pages or Pagefind changed since the cached index' };
  const changed = new Set<string>();
  const current = new Set<string>();
  for (const page of pages) {
    current.add(page.page);
    const indexed = base.pages[page.page];
    if (indexed && page.entry !== undefined && indexed[0] === page.entry && indexed[1] === page.epoch) continue;
    changed.add(page.epoch);
    if (indexed) changed.add(indexed[1]);
  }
  for (const [page, [, epoch]] of Object.entries(base.pages)) if (!current.has(page)) changed.add(epoch);
  if (changed.size === 0) return { kind: 'base' };

  const dated = [...changed].filter((epoch) => epoch !== UNDATED_EPOCH).sort();
  const from = dated[0];
  const covered = (epoch: string) =>
    epoch === UNDATED_EPOCH ? changed.has(UNDATED_EPOCH) : from !== undefined && epoch >= from;
  const delta = pages.filter((page) => covered(page.epoch)).map((page) => page.page);
  if (delta.length > maxShare * pages.length) {
    return { kind: 'full', reason: `${delta.length} of ${pages.length} pages would be indexed again` };
  }
  const superseded = [...new Set(Object.values(base.pages).map(([, epoch]) => epoch))].filter(covered).sort();
  return { kind: 'delta', pages: delta, superseded };
}
