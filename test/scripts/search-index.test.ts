import { describe, expect, it } from 'vitest';
import type { SearchResponse, SearchResult } from '../../src/scripts/search/pagefind-types.ts';
import { combineResponses, readSearchIndexDelta, searchesFor } from '../../src/scripts/search/search-index.ts';

const delta = { bundle: 'pagefind-delta/', superseded: ['2019-01-20', '2019-01-21'] };
const result = (id: string): SearchResult => ({ id, score: 1, data: async () => Promise.reject(new Error(id)) });
const response = (ids: string[], kinds: Record<string, number>): SearchResponse => ({
  results: ids.map(result),
  unfilteredResultCount: ids.length,
  filters: { kind: kinds },
  totalFilters: { kind: kinds },
});

describe('readSearchIndexDelta', () => {
  it('reads the second index the build wrote, and nothing that is not one', () => {
    expect(readSearchIndexDelta({ delta })).toEqual(delta);
    expect(readSearchIndexDelta({ delta: null })).toBeNull();
    expect(readSearchIndexDelta(null)).toBeNull();
    expect(readSearchIndexDelta({ delta: { bundle: 'https://elsewhere.example/', superseded: [] } })).toBeNull();
    expect(readSearchIndexDelta({ delta: { bundle: '../up/', superseded: [] } })).toBeNull();
    expect(readSearchIndexDelta({ delta: { bundle: 'pagefind-delta/', superseded: ['2019-01-20', 'x', 3] } })).toEqual({
      bundle: 'pagefind-delta/',
      superseded: ['2019-01-20'],
    });
  });
});

describe('searchesFor', () => {
  const chosen = { filters: { kind: { any: ['ctest'] } } };

  it('asks once, as asked, without a second index', () => {
    expect(searchesFor(chosen, null)).toEqual([chosen]);
  });

  it('asks once by relevance: the second index, or the base without its superseded days', () => {
    expect(searchesFor(chosen, delta)).toEqual([
      {
        filters: {
          kind: { any: ['ctest'] },
          any: [
            { 'search index': 'delta' },
            { 'search index': { none: ['delta'] }, epoch: { none: ['2019-01-20', '2019-01-21'] } },
          ],
        },
      },
    ]);
  });

  it('asks each index apart when sorted by date', () => {
    expect(searchesFor({ ...chosen, sort: { date: 'desc' } }, delta)).toEqual([
      { sort: { date: 'desc' }, filters: { kind: { any: ['ctest'] }, 'search index': 'delta' } },
      {
        sort: { date: 'desc' },
        filters: {
          kind: { any: ['ctest'] },
          'search index': { none: ['delta'] },
          epoch: { none: ['2019-01-20', '2019-01-21'] },
        },
      },
    ]);
  });
});

describe('combineResponses', () => {
  const fromDelta = response(['d1', 'd2'], { ctest: 2 });
  const fromBase = response(['b1', 'b2', 'b3'], { ctest: 1, gtest: 2 });

  it('lists the second index first when newest come first, last when oldest do, and adds the counts', () => {
    const newest = combineResponses([fromDelta, fromBase], 'newest');
    expect(newest.results.map((r) => r.id)).toEqual(['d1', 'd2', 'b1', 'b2', 'b3']);
    expect(newest.filters).toEqual({ kind: { ctest: 3, gtest: 2 } });
    expect(newest.unfilteredResultCount).toBe(5);
    expect(combineResponses([fromDelta, fromBase], 'oldest').results.map((r) => r.id)).toEqual([
      'b1',
      'b2',
      'b3',
      'd1',
      'd2',
    ]);
  });

  it('passes a single response through', () => {
    expect(combineResponses([fromBase], 'relevance')).toBe(fromBase);
  });
});
