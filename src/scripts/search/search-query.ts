import type { PagefindFilters, SearchOptions } from './pagefind-types.ts';

export type SortOrder = 'relevance' | 'newest' | 'oldest';

/** What the reader asked for; it lives in the page's URL, so a search can be shared and reloaded. */
export interface SearchQuery {
  term: string;
  sort: SortOrder;
  /** Filter name → chosen values (a page passes with any one of them). */
  filters: Record<string, string[]>;
}

const sorts: readonly SortOrder[] = ['relevance', 'newest', 'oldest'];

/** Reads `?q=…&sort=newest&kind=ctest&kind=gtest&job+result=FAILURE`; unknown parameters are ignored. */
export function readSearchQuery(params: URLSearchParams, filterNames: readonly string[]): SearchQuery {
  const sort = params.get('sort') ?? '';
  const filters: Record<string, string[]> = {};
  for (const name of filterNames) {
    const values = [...new Set(params.getAll(name).filter((value) => value !== ''))];
    if (values.length > 0) filters[name] = values;
  }
  return {
    term: (params.get('q') ?? '').trim(),
    sort: (sorts as readonly string[]).includes(sort) ? (sort as SortOrder) : 'relevance',
    filters,
  };
}

/** The URL parameters of a query: `q` first, then `sort` unless relevance, then the filters; nothing empty. */
export function searchQueryToParams(query: SearchQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.term) params.set('q', query.term);
  if (query.sort !== 'relevance') params.set('sort', query.sort);
  for (const [name, values] of Object.entries(query.filters)) {
    for (const value of values) params.append(name, value);
  }
  return params;
}

/** Pagefind's search options: values of one filter are alternatives, different filters all apply. */
export function toPagefindOptions(query: SearchQuery): SearchOptions {
  const filters: PagefindFilters = {};
  for (const [name, values] of Object.entries(query.filters)) {
    if (values.length > 0) filters[name] = { any: values };
  }
  const options: SearchOptions = { filters };
  if (query.sort !== 'relevance') options.sort = { date: query.sort === 'newest' ? 'desc' : 'asc' };
  return options;
}

/** A query with neither a term nor a filter lists nothing. */
export function isEmptyQuery(query: SearchQuery): boolean {
  return query.term === '' && Object.keys(query.filters).length === 0;
}
