import { describe, expect, it } from 'vitest';
import { dropSuperseded, readSuperseded } from '../../src/scripts/search/drop-superseded.ts';
import type { SearchResponse, SearchResult } from '../../src/scripts/search/pagefind-types.ts';

const result = (id: string, score: number): SearchResult => ({ id, score, data: () => Promise.reject(new Error(id)) });
const response = (results: SearchResult[]): SearchResponse => ({
  results,
  unfilteredResultCount: 9,
  filters: { type: { change: 3, signature: 1 }, kind: { gtest: 2, ctest: 1 } },
  totalFilters: { type: { change: 7, signature: 2 } },
});

describe('readSuperseded', () => {
  it('reads the table of parts.json into the filter values of each superseded page', () => {
    const table = {
      values: [
        ['type', 'change'],
        ['kind', 'gtest'],
      ],
      pages: [
        ['en_1', [0, 1]],
        ['en_2', [0]],
      ],
    };
    expect([...readSuperseded(table)]).toEqual([
      [
        'en_1',
        [
          ['type', 'change'],
          ['kind', 'gtest'],
        ],
      ],
      ['en_2', [['type', 'change']]],
    ]);
  });

  it('leaves out what is not of its shape', () => {
    expect(readSuperseded(undefined).size).toBe(0);
    expect(readSuperseded({ values: 'x', pages: [] }).size).toBe(0);
    const odd = readSuperseded({
      values: [['type', 'change'], ['kind']],
      pages: [['en_1', [0, 1, 7, 'x']], [3, [0]], 'en_2'],
    });
    expect([...odd]).toEqual([['en_1', [['type', 'change']]]]);
  });
});

describe('dropSuperseded', () => {
  const superseded = readSuperseded({
    values: [
      ['type', 'change'],
      ['kind', 'gtest'],
      ['kind', 'ctest'],
    ],
    pages: [
      ['en_b', [0, 1]],
      ['en_x', [0, 2]],
    ],
  });

  it('drops the superseded results and takes their filter values out of the counts', () => {
    const found = response([result('en_a', 3), result('en_b', 2), result('en_c', 1)]);
    const dropped = dropSuperseded(found, superseded);
    expect(dropped.results.map((each) => each.id)).toEqual(['en_a', 'en_c']);
    expect(dropped.filters).toEqual({ type: { change: 2, signature: 1 }, kind: { gtest: 1, ctest: 1 } });
    // Pagefind's counts are the index's: the response it gave is not changed.
    expect(found.filters.type).toEqual({ change: 3, signature: 1 });
    expect(dropped.totalFilters).toBe(found.totalFilters);
  });

  it('gives the response as it is when none of its results is superseded', () => {
    const found = response([result('en_a', 3), result('en_c', 1)]);
    expect(dropSuperseded(found, superseded)).toBe(found);
    expect(dropSuperseded(found, new Map())).toBe(found);
  });
});
