/**
 * The parts of Pagefind's browser API (`pagefind/pagefind.js`, written by the build) that the search page uses.
 * Pagefind publishes no types for it; these follow `pagefind_web_js/types/index.d.ts` of Pagefind 1.x.
 */
export interface Pagefind {
  options(options: { baseUrl?: string; excerptLength?: number }): Promise<void>;
  /**
   * Searches another site's index too (Pagefind's multisite search); its results link under `baseUrl`, and its
   * pages get the filter values of `mergeFilter`.
   */
  mergeIndex(indexPath: string, options?: { baseUrl?: string; mergeFilter?: Record<string, string> }): Promise<void>;
  init(): Promise<void>;
  /** Every filter and value in the index, with the number of pages that have it. */
  filters(): Promise<FilterCounts>;
  preload(term: string, options?: SearchOptions): Promise<void>;
  /** `term` null lists every page that passes the filters. */
  search(term: string | null, options?: SearchOptions): Promise<SearchResponse | null>;
}

/** Filter name → value → number of pages. */
export type FilterCounts = Record<string, Record<string, number>>;

/** Groups are combined with AND; `any` accepts a page with one of the values, `none` one with none of them. */
export type PagefindFilters = Record<string, { any: string[] } | { none: string[] }>;

export interface SearchOptions {
  filters?: PagefindFilters;
  /** Sort key (`data-pagefind-sort`) → direction; pages without the key are left out. */
  sort?: Record<string, 'asc' | 'desc'>;
}

export interface SearchResponse {
  results: SearchResult[];
  unfilteredResultCount: number;
  /** Remaining results per filter value, given the query and the filters applied. */
  filters: FilterCounts;
  totalFilters: FilterCounts;
}

export interface SearchResult {
  id: string;
  score: number;
  data(): Promise<ResultData>;
}

export interface ResultData {
  /** The page's URL, with `baseUrl` prefixed. */
  url: string;
  /** Text around the best match; matching words are wrapped in `<mark>`, the page text is escaped. */
  excerpt: string;
  /** The page's indexed text, plain. */
  content: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[]>;
  sub_results: SubResult[];
}

/** A region of the page under a heading with an id. */
export interface SubResult {
  title: string;
  /** The page URL plus `#<heading id>`; the page URL alone for text before the first such heading. */
  url: string;
  excerpt: string;
  locations: number[];
  weighted_locations?: Array<{ weight: number; balanced_score: number; location: number }>;
  /** Absent for the region before the first heading with an id. */
  anchor?: { element: string; id: string; text?: string; location: number };
}
