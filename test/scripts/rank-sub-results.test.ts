import { describe, expect, it } from 'vitest';
import type { SubResult } from '../../src/scripts/search/pagefind-types.ts';
import { rankSubResults } from '../../src/scripts/search/rank-sub-results.ts';

const page = '/changes/I1/';

function sub(id: string | null, scores: number[]): SubResult {
  return {
    title: id ?? 'page',
    url: id ? `${page}#${id}` : page,
    excerpt: '',
    locations: scores.map((_, index) => index),
    weighted_locations: scores.map((balanced_score, location) => ({ weight: 1, balanced_score, location })),
    ...(id ? { anchor: { element: 'h4', id, location: 0 } } : {}),
  };
}

describe('rankSubResults', () => {
  it('puts the heading with the best-scoring matches first and leaves out the page top', () => {
    const ranked = rankSubResults({
      url: page,
      sub_results: [sub(null, [9]), sub('m-1', [1]), sub('run-a-1-f1', [2, 3]), sub('m-2', [4])],
    });
    expect(ranked.map((entry) => entry.url)).toEqual([`${page}#run-a-1-f1`, `${page}#m-2`, `${page}#m-1`]);
  });

  it('keeps page order between equal scores, counts matches without weights, and stops at the limit', () => {
    const plain = (id: string, count: number): SubResult => ({
      ...sub(id, new Array(count).fill(0)),
      weighted_locations: [],
    });
    const ranked = rankSubResults({ url: page, sub_results: [plain('a', 1), plain('b', 2), plain('c', 1)] }, 2);
    expect(ranked.map((entry) => entry.title)).toEqual(['b', 'a']);
  });

  it('gives nothing when only the page top matched', () => {
    expect(rankSubResults({ url: page, sub_results: [sub(null, [1])] })).toEqual([]);
  });
});
