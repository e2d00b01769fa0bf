import type { Change, SignatureEntry } from '../lib/types.ts';
import { type SearchPageContext, searchPageFilters } from './search-page-filters.ts';

/**
 * Pages per filter value over every page of the search index, as Pagefind's `filters()` would count them:
 * what the search page shows before the first query, so it need not load Pagefind's filter index.
 */
export function searchFilterTotals(
  model: { changes: readonly Change[]; signatures: readonly SignatureEntry[] },
  context: SearchPageContext,
): Record<string, Record<string, number>> {
  const totals: Record<string, Record<string, number>> = {};
  const count = (filters: Record<string, string[]>) => {
    for (const [name, values] of Object.entries(filters)) {
      const counts = totals[name] ?? {};
      totals[name] = counts;
      for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
    }
  };
  for (const change of model.changes) count(searchPageFilters({ type: 'change', change }, context));
  for (const entry of model.signatures) count(searchPageFilters({ type: 'failure', entry }, context));
  return totals;
}
