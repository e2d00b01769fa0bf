import type { SupersededPages } from '../../site/search-parts.ts';
import type { SearchResponse } from './pagefind-types.ts';

/** The superseded pages of one index (`SupersededPages`): Pagefind id → the filter values it was indexed with. */
export type Superseded = ReadonlyMap<string, ReadonlyArray<readonly [string, string]>>;

/** The table of `pagefind/parts.json` as a map; what is not of its shape is left out. */
export function readSuperseded(table: unknown): Superseded {
  const superseded = new Map<string, Array<[string, string]>>();
  if (typeof table !== 'object' || table === null) return superseded;
  const { values, pages } = table as Partial<Record<keyof SupersededPages, unknown>>;
  if (!Array.isArray(values) || !Array.isArray(pages)) return superseded;
  const isPair = (value: unknown): value is [string, string] =>
    Array.isArray(value) && value.length === 2 && value.every((part) => typeof part === 'string');
  for (const page of pages) {
    if (!Array.isArray(page) || typeof page[0] !== 'string' || !Array.isArray(page[1])) continue;
    const pairs = (page[1] as unknown[]).map((index) => (typeof index === 'number' ? values[index] : undefined));
    superseded.set(page[0], pairs.filter(isPair));
  }
  return superseded;
}

/**
 * One index's response without its superseded pages: their results dropped, and their filter values taken out
 * of the counts, which Pagefind gives per value over the results it returned. `unfilteredResultCount` and
 * `totalFilters` stay as Pagefind gave them: the search page shows neither.
 */
export function dropSuperseded(response: SearchResponse, superseded: Superseded): SearchResponse {
  if (superseded.size === 0) return response;
  const results = response.results.filter((result) => !superseded.has(result.id));
  if (results.length === response.results.length) return response;
  const filters = Object.fromEntries(Object.entries(response.filters).map(([name, counts]) => [name, { ...counts }]));
  for (const result of response.results) {
    for (const [name, value] of superseded.get(result.id) ?? []) {
      const counts = filters[name];
      if (counts?.[value] !== undefined) counts[value] = Math.max(0, counts[value] - 1);
    }
  }
  return { ...response, results, filters };
}
