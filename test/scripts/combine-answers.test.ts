import { describe, expect, it } from 'vitest';
import { addCounts, combineAnswers } from '../../src/scripts/search/combine-answers.ts';
import type { SearchResponse, SearchResult } from '../../src/scripts/search/pagefind-types.ts';

const result = (id: string, score: number): SearchResult => ({ id, score, data: () => Promise.reject(new Error(id)) });
const response = (results: SearchResult[], counts: Record<string, number> = {}): SearchResponse => ({
  results,
  unfilteredResultCount: results.length,
  filters: { type: counts },
  totalFilters: { type: counts },
});
const ids = (answer: { response: SearchResponse }) => answer.response.results.map((each) => each.id);

describe('combineAnswers', () => {
  it('keeps one index’s answer as it is, in its own order', () => {
    const own = response([result('a', 1), result('b', 5)]);
    expect(combineAnswers([{ response: own, holds: true }])).toEqual({ response: own, partial: false });
    expect(combineAnswers([{ response: own, holds: false }])).toEqual({ response: own, partial: true });
  });

  it('leaves out an index that answered a shorter word while another answers the whole query', () => {
    const whole = response([result('a', 2)], { change: 1 });
    const shorter = response([result('x', 9), result('y', 8)], { change: 2 });
    const combined = combineAnswers([
      { response: shorter, holds: false },
      { response: whole, holds: true },
      { response: response([]), holds: true },
    ]);
    expect(combined.partial).toBe(false);
    expect(ids(combined)).toEqual(['a']);
    expect(combined.response.filters).toEqual({ type: { change: 1 } });
  });

  it('merges the indexes that answer the whole query by score, adding their counts', () => {
    const combined = combineAnswers([
      { response: response([result('a', 3), result('b', 1)], { change: 2 }), holds: true },
      { response: response([result('c', 2)], { change: 1, failure: 0 }), holds: true },
    ]);
    expect(ids(combined)).toEqual(['a', 'c', 'b']);
    expect(combined.response.unfilteredResultCount).toBe(3);
    expect(combined.response.filters).toEqual({ type: { change: 3, failure: 0 } });
    expect(combined.partial).toBe(false);
  });

  it('keeps every index’s results, as partial, when none answers the whole query; counts when none answers', () => {
    const combined = combineAnswers([
      { response: response([result('x', 1)]), holds: false },
      { response: response([result('y', 4)]), holds: false },
    ]);
    expect([ids(combined), combined.partial]).toEqual([['y', 'x'], true]);
    const none = combineAnswers([
      { response: response([], { change: 0 }), holds: true },
      { response: response([], { change: 0, failure: 0 }), holds: true },
    ]);
    expect([ids(none), none.partial, none.response.filters]).toEqual([[], false, { type: { change: 0, failure: 0 } }]);
  });

  it('adds filter counts value by value', () => {
    expect(addCounts([{ a: { x: 1 } }, { a: { x: 2, y: 1 }, b: { z: 3 } }])).toEqual({
      a: { x: 3, y: 1 },
      b: { z: 3 },
    });
  });
});
