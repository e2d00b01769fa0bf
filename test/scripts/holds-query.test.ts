import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { holdsQuery } from '../../src/scripts/search/holds-query.ts';
import { pagefindTerm } from '../../src/scripts/search/pagefind-term.ts';

const words = (query: string) => pagefindTerm(query).split(' ');
const signaturePage =
  'ctest-timeout: memcached_testapp.ep.CleanOrUnclean/PersistToTest Timed out in kv_engine/daemon/cookie.h:1184 Tickets MB-20020: Fix it';

describe('holdsQuery', () => {
  it('holds what Pagefind finds by a word or its beginning', () => {
    for (const query of [
      'memcached_testapp.ep.CleanOrUnclean/PersistToTest',
      'PersistToTest',
      'persist',
      'cookie.h:1184',
      'kv_engine/daemon/cookie.h',
      'MB-20020',
      'mb-2002',
      'timed out',
      'ctest-timeout',
    ])
      expect([query, holdsQuery(words(query), [signaturePage])]).toEqual([query, true]);
  });

  it('holds a word by its stem and by meta values, where Pagefind also matches', () => {
    expect(holdsQuery(words('timeouts'), ['ctest timeout'])).toBe(true);
    expect(holdsQuery(words('failing tests'), ['a test failed'])).toBe(true);
    expect(holdsQuery(words('happiness'), ['happy'])).toBe(true);
    expect(holdsQuery(words('naïve Größe'), ['NAIVE größe'])).toBe(true);
    expect(holdsQuery(words('Rigby'), ['body text', 'Dave Rigby'])).toBe(true);
  });

  it('does not hold a word Pagefind answered with a shorter one, or dropped', () => {
    expect(holdsQuery(words('PersistToTestXYZ'), [signaturePage])).toBe(false);
    expect(holdsQuery(words('cookie.h:9999'), [signaturePage])).toBe(false);
    expect(holdsQuery(words('MB-29999'), [signaturePage])).toBe(false);
    expect(holdsQuery(words('timed zebra'), [signaturePage])).toBe(false);
    expect(holdsQuery(words('I800e6ad826db866c5193e8412356e4ad50a7b243'), [signaturePage])).toBe(false);
  });

  it('holds every query made of the text’s own words or their beginnings', () => {
    const word = fc.stringMatching(/^[A-Za-z0-9_.:/-]{1,12}$/);
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 12 }), fc.nat(), fc.nat(), (textWords, pick, cut) => {
        const chosen = textWords[pick % textWords.length] as string;
        const query = chosen.slice(0, 1 + (cut % chosen.length));
        expect(holdsQuery(words(query), [textWords.join(' ')])).toBe(true);
      }),
    );
  });
});
