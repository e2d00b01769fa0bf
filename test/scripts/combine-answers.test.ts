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
    expect(combineAnswers([{ response: own, holds: 'words', letters: 0 }])).toEqual({
      response: own,
      partial: false,
      lists: [own.results],
    });
    expect(combineAnswers([{ response: own, holds: 'none', letters: 0 }])).toEqual({
      response: own,
      partial: true,
      lists: [own.results],
    });
  });

  it('leaves out an index that answered a shorter word while another answers the whole query', () => {
    const whole = response([result('a', 2)], { change: 1 });
    const shorter = response([result('x', 9), result('y', 8)], { change: 2 });
    const combined = combineAnswers([
      { response: shorter, holds: 'none', letters: 0 },
      { response: whole, holds: 'words', letters: 0 },
      { response: response([]), holds: 'words', letters: 0 },
    ]);
    expect(combined.partial).toBe(false);
    expect(ids(combined)).toEqual(['a']);
    expect(combined.response.filters).toEqual({ type: { change: 1 } });
  });

  it('prefers an index whose first result holds the words as words to one holding them inside other words', () => {
    const glued = response([result('sig', 7)]);
    const words = response([result('change', 2)]);
    expect(
      ids(
        combineAnswers([
          { response: glued, holds: 'text', letters: 0 },
          { response: words, holds: 'words', letters: 0 },
        ]),
      ),
    ).toEqual(['change']);
    const alone = combineAnswers([
      { response: glued, holds: 'text', letters: 0 },
      { response: response([result('z', 1)]), holds: 'none', letters: 0 },
    ]);
    expect([ids(alone), alone.partial]).toEqual([['sig'], false]);
  });

  it('of indexes that each answered part of the query, keeps those that came closest', () => {
    const combined = combineAnswers([
      { response: response([result('ep-engine', 5), result('ep-other', 4)]), holds: 'none', letters: 2 },
      { response: response([result('value-eviction', 3)]), holds: 'none', letters: 26 },
      { response: response([result('timeout-value-eviction', 1)]), holds: 'none', letters: 26 },
    ]);
    expect([ids(combined), combined.partial]).toEqual([['value-eviction', 'timeout-value-eviction'], true]);
  });

  it('merges the indexes that answer the whole query by score, adding their counts', () => {
    const combined = combineAnswers([
      { response: response([result('a', 3), result('b', 1)], { change: 2 }), holds: 'words', letters: 0 },
      { response: response([result('c', 2)], { change: 1, failure: 0 }), holds: 'words', letters: 0 },
    ]);
    expect(ids(combined)).toEqual(['a', 'c', 'b']);
    expect(combined.response.unfilteredResultCount).toBe(3);
    expect(combined.response.filters).toEqual({ type: { change: 3, failure: 0 } });
    expect(combined.partial).toBe(false);
  });

  it('keeps every index’s results, as partial, when none answers the whole query; counts when none answers', () => {
    const combined = combineAnswers([
      { response: response([result('x', 1)]), holds: 'none', letters: 0 },
      { response: response([result('y', 4)]), holds: 'none', letters: 0 },
    ]);
    expect([ids(combined), combined.partial]).toEqual([['y', 'x'], true]);
    const none = combineAnswers([
      { response: response([], { change: 0 }), holds: 'words', letters: 0 },
      { response: response([], { change: 0, failure: 0 }), holds: 'words', letters: 0 },
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
