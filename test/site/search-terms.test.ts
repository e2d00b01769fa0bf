import { describe, expect, it } from 'vitest';
import { searchTerms } from '../../src/site/search-terms.ts';

describe('searchTerms', () => {
  it('gives every run of consecutive parts of a test name', () => {
    expect(searchTerms({ test: 'memcached_testapp.ep.CleanOrUnclean/PersistToTest' })).toEqual([
      'memcached_testapp',
      'memcached_testapp.ep',
      'memcached_testapp.ep.CleanOrUnclean',
      'memcached_testapp.ep.CleanOrUnclean/PersistToTest',
      'ep',
      'ep.CleanOrUnclean',
      'ep.CleanOrUnclean/PersistToTest',
      'CleanOrUnclean',
      'CleanOrUnclean/PersistToTest',
      'PersistToTest',
    ]);
  });

  it('keeps a GoogleTest parameter with its case, never alone', () => {
    expect(searchTerms({ test: 'Suite.Case/3' })).toEqual(['Suite', 'Suite.Case', 'Suite.Case/3', 'Case', 'Case/3']);
  });

  it('gives a file by each path suffix, with and without its line, then its directories and its stem', () => {
    expect(searchTerms({ file: 'kv_engine/daemon/cookie.h', line: 169 })).toEqual([
      'kv_engine/daemon/cookie.h',
      'kv_engine/daemon/cookie.h:169',
      'daemon/cookie.h',
      'daemon/cookie.h:169',
      'cookie.h',
      'cookie.h:169',
      'kv_engine',
      'daemon',
      'cookie',
    ]);
    expect(searchTerms({ file: 'engine_testapp.cc' })).toEqual(['engine_testapp.cc', 'engine_testapp']);
  });

  it('gives a name of many parts only by its parts and whole, not quadratically many runs', () => {
    const name = Array.from({ length: 20 }, (_, index) => `p${index}`).join('.');
    const terms = searchTerms({ test: name });
    expect(terms).toHaveLength(21);
    expect(terms.at(-1)).toBe(name);
  });

  it('gives nothing for a signature without test or file', () => {
    expect(searchTerms({})).toEqual([]);
  });
});
