import { describe, expect, it } from 'vitest';
import type { ResultData, SearchResult } from '../../src/scripts/search/pagefind-types.ts';
import { listOf, mergeSorted } from '../../src/scripts/search/result-list.ts';

/** A result whose data is its date; counts how often its data was loaded. */
function dated(id: string, date: string, loads: string[]): SearchResult {
  return {
    id,
    score: 1,
    data: async () => {
      loads.push(id);
      return { url: id, excerpt: '', content: '', meta: { date }, filters: {}, sub_results: [] } satisfies ResultData;
    },
  };
}

describe('result lists', () => {
  it('takes a page of results already in order', async () => {
    const loads: string[] = [];
    const list = listOf([dated('a', '1', loads), dated('b', '2', loads), dated('c', '3', loads)]);
    expect(list.length).toBe(3);
    expect((await list.take(1, 5)).map((result) => result.id)).toEqual(['b', 'c']);
    expect(loads).toEqual([]);
  });

  it('merges indexes sorted by date into one order, loading only the next result of each', async () => {
    const loads: string[] = [];
    const older = [dated('o3', '2017-03', loads), dated('o2', '2017-02', loads), dated('o1', '2017-01', loads)];
    const newer = [dated('n2', '2018-02', loads), dated('s', '2017-02', loads), dated('n1', '2016-12', loads)];
    const newest = mergeSorted([older, newer], (data) => data.meta.date ?? '', 'desc');
    expect(newest.length).toBe(6);
    expect((await newest.take(0, 2)).map((result) => result.id)).toEqual(['n2', 'o3']);
    expect(new Set(loads)).toEqual(new Set(['o3', 'n2', 's']));
    // Ties keep the indexes' order; a later page continues the same merge.
    expect((await newest.take(2, 10)).map((result) => result.id)).toEqual(['o2', 's', 'o1', 'n1']);
    const oldest = mergeSorted([[...older].reverse(), [...newer].reverse()], (data) => data.meta.date ?? '', 'asc');
    expect((await oldest.take(0, 6)).map((result) => result.id)).toEqual(['n1', 'o1', 'o2', 's', 'o3', 'n2']);
  });
});
