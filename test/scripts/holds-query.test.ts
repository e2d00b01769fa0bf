import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { holdsQuery, howTextHoldsQuery, matchedLetters } from '../../src/scripts/search/holds-query.ts';
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

  it('tells words Pagefind matches from words found only inside another', () => {
    const changesMeta = '[{"href":"/a/changes/I14f6/#run-1","subject":"MB-26887: Remove the use of sendmsg [4/7]"}]';
    expect(howTextHoldsQuery(words('MB-26887'), [changesMeta])).toBe('text');
    expect(howTextHoldsQuery(words('sendmsg'), [changesMeta])).toBe('words');
    expect(howTextHoldsQuery(words('MB-26887'), ['MB-26887: Remove the use of sendmsg'])).toBe('words');
    for (const query of [
      'PersistToTest',
      'CleanOrUnclean',
      'persist',
      'test',
      'kv_engine',
      'engine',
      'daemon',
      'timeouts',
    ])
      expect([query, howTextHoldsQuery(words(query), [signaturePage])]).toEqual([query, 'words']);
    expect(howTextHoldsQuery(words('cookie.h:1184'), [signaturePage])).toBe('text');
    expect(howTextHoldsQuery(words('zebra'), [signaturePage])).toBe('none');
  });

  it('counts the letters of the query that the highlighted words of a partial answer begin with', () => {
    const query = words('ep_testsuite.value_evictionXYZ');
    expect(matchedLetters(query, ['in <mark>ep_testsuite.value_eviction</mark> timed out'])).toBe(26);
    expect(matchedLetters(query, ['the <mark>ep-engine</mark> job', '<mark>EP</mark>'])).toBe(2);
    expect(matchedLetters(words('value_eviction zqx'), ['<mark>value_eviction</mark> and <mark>zq</mark>'])).toBe(16);
    expect(matchedLetters(query, ['no marks'])).toBe(0);
  });

  it('holds every query made of the text’s own words or their beginnings', () => {
    const word = fc.stringMatching(/^[A-Za-z0-9_.:/-]{1,12}$/);
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 12 }), fc.nat(), fc.nat(), (textWords, pick, cut) => {
        const chosen = textWords[pick % textWords.length] as string;
        const query = chosen.slice(0, 1 + (cut % chosen.length));
        expect(holdsQuery(words(query), [textWords.join(' ')])).toBe(true);
        // The beginning of a word, whole or of a part of it, is a word to Pagefind.
        if (/^[A-Za-z0-9]+$/.test(query)) expect(howTextHoldsQuery(words(query), [textWords.join(' ')])).toBe('words');
      }),
    );
  });
});
