import { describe, expect, it } from 'vitest';
import {
  isEmptyQuery,
  readSearchQuery,
  searchQueryToParams,
  toPagefindOptions,
} from '../../src/scripts/search/search-query.ts';

const filters = ['kind', 'platform', 'job result'];

describe('readSearchQuery', () => {
  it('reads the term, the order and the filters of a shared URL', () => {
    const params = new URLSearchParams(
      'q=+ep_testsuite.value_eviction+&sort=newest&kind=ctest&kind=gtest&job+result=FAILURE',
    );
    expect(readSearchQuery(params, filters)).toEqual({
      term: 'ep_testsuite.value_eviction',
      sort: 'newest',
      filters: { kind: ['ctest', 'gtest'], 'job result': ['FAILURE'] },
    });
  });

  it('ignores unknown filters and orders, empty and repeated values', () => {
    const params = new URLSearchParams('sort=random&colour=red&kind=&kind=ctest&kind=ctest');
    expect(readSearchQuery(params, filters)).toEqual({ term: '', sort: 'relevance', filters: { kind: ['ctest'] } });
  });
});

describe('searchQueryToParams', () => {
  it('writes the query back in a stable order, leaving out what is empty', () => {
    const query = { term: 'cookie.h', sort: 'oldest' as const, filters: { platform: ['windows', 'linux'] } };
    expect(searchQueryToParams(query).toString()).toBe('q=cookie.h&sort=oldest&platform=windows&platform=linux');
    expect(searchQueryToParams({ term: '', sort: 'relevance', filters: {} }).toString()).toBe('');
  });

  it('round-trips through readSearchQuery', () => {
    const query = { term: 'a b&c', sort: 'newest' as const, filters: { 'job result': ['NOT_BUILT'] } };
    expect(readSearchQuery(searchQueryToParams(query), filters)).toEqual(query);
  });
});

describe('toPagefindOptions', () => {
  it('accepts any value of one filter and requires every filter', () => {
    expect(
      toPagefindOptions({ term: 'x', sort: 'relevance', filters: { kind: ['ctest', 'gtest'], platform: ['windows'] } }),
    ).toEqual({
      filters: { kind: { any: ['ctest', 'gtest'] }, platform: { any: ['windows'] } },
    });
  });

  it('sorts by the date key, newest or oldest first', () => {
    expect(toPagefindOptions({ term: 'x', sort: 'newest', filters: {} })).toEqual({
      filters: {},
      sort: { date: 'desc' },
    });
    expect(toPagefindOptions({ term: 'x', sort: 'oldest', filters: {} })).toEqual({
      filters: {},
      sort: { date: 'asc' },
    });
  });
});

describe('isEmptyQuery', () => {
  it('is empty with neither a term nor a filter', () => {
    expect(isEmptyQuery({ term: '', sort: 'newest', filters: {} })).toBe(true);
    expect(isEmptyQuery({ term: '', sort: 'relevance', filters: { kind: ['ctest'] } })).toBe(false);
    expect(isEmptyQuery({ term: 'x', sort: 'relevance', filters: {} })).toBe(false);
  });
});
