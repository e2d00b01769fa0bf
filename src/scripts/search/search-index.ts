import type { FilterCounts, PagefindFilters, SearchOptions, SearchResponse } from './pagefind-types.ts';
import type { SortOrder } from './search-query.ts';

/**
 * A rebuild's second index (`integration/plan-search-index.ts`): the pages of every epoch (the day of a page's
 * date) from the first one that changed on. The base index's pages of those epochs are stale or duplicates, and
 * are left out of its results.
 */
export interface SearchIndexDelta {
  /** The second index's bundle, relative to the site's base (`pagefind-delta/`). */
  bundle: string;
  /** Epochs whose pages only the second index answers for. */
  superseded: string[];
}

/** The synthetic filter Pagefind gives every page of the merged second index (`mergeIndex`'s `mergeFilter`). */
export const deltaFilter = { 'search index': 'delta' } as const;

/** `search-index.json`'s second index, checked: a bundle path inside the site and epochs as the build writes them. */
export function readSearchIndexDelta(json: unknown): SearchIndexDelta | null {
  const delta = (json as { delta?: unknown } | null)?.delta as Partial<SearchIndexDelta> | null | undefined;
  if (!delta || typeof delta.bundle !== 'string' || !/^[\w-]+\/$/.test(delta.bundle)) return null;
  if (!Array.isArray(delta.superseded)) return null;
  const superseded = delta.superseded.filter(
    (epoch): epoch is string => typeof epoch === 'string' && /^(\d{4}-\d{2}-\d{2}|undated)$/.test(epoch),
  );
  return { bundle: delta.bundle, superseded };
}

/**
 * The Pagefind searches that answer one query. With a second index, a relevance search takes the second index's
 * pages and the base's pages of other epochs in one search (Pagefind merges them by score); a date-sorted one asks
 * each index apart, since a merged search orders results by each index's own sort position, not by date.
 */
export function searchesFor(options: SearchOptions, delta: SearchIndexDelta | null): SearchOptions[] {
  if (!delta) return [options];
  const filters = options.filters ?? {};
  const base: PagefindFilters = { 'search index': { none: ['delta'] }, epoch: { none: delta.superseded } };
  if (!options.sort) return [{ ...options, filters: { ...filters, any: [deltaFilter, base] } }];
  return [
    { ...options, filters: { ...filters, ...deltaFilter } },
    { ...options, filters: { ...filters, ...base } },
  ];
}

/**
 * One response from the responses of {@link searchesFor}: a date-sorted query lists the second index's results
 * first when newest come first (its epochs are all later than the base's), last when oldest come first.
 */
export function combineResponses(responses: readonly SearchResponse[], sort: SortOrder): SearchResponse {
  const [delta, base] = responses;
  if (!delta) throw new Error('no search response');
  if (!base) return delta;
  const [first, second] = sort === 'oldest' ? [base, delta] : [delta, base];
  return {
    results: [...first.results, ...second.results],
    unfilteredResultCount: first.unfilteredResultCount + second.unfilteredResultCount,
    filters: addCounts(first.filters, second.filters),
    totalFilters: addCounts(first.totalFilters, second.totalFilters),
  };
}

function addCounts(a: FilterCounts, b: FilterCounts): FilterCounts {
  const sum: FilterCounts = {};
  for (const counts of [a, b]) {
    for (const [name, values] of Object.entries(counts)) {
      const into = sum[name] ?? {};
      sum[name] = into;
      for (const [value, count] of Object.entries(values)) into[value] = (into[value] ?? 0) + count;
    }
  }
  return sum;
}
