import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pagefindTerm } from '../../src/scripts/search/pagefind-term.ts';

describe('pagefindTerm', () => {
  it('drops from each word what the indexer drops, so a pasted name is one index word', () => {
    expect(pagefindTerm('memcached_testapp.ep.CleanOrUnclean/PersistToTest')).toBe(
      'memcachedtestappepCleanOrUncleanPersistToTest',
    );
    expect(pagefindTerm('  engine_testapp.cc  ')).toBe('enginetestappcc');
    expect(pagefindTerm('Cookie::getConnection() const')).toBe('CookiegetConnection const');
    expect(pagefindTerm('kv_engine/daemon/cookie.h:169')).toBe('kvenginedaemoncookieh169');
    expect(pagefindTerm('MB-26887: C2440 heap-use-after-free')).toBe('MB26887 C2440 heapuseafterfree');
  });

  it('keeps letters and digits of any script', () => {
    expect(pagefindTerm('Größe_1 naïve²')).toBe('Größe1 naïve²');
  });

  it('keeps a quoted query a phrase, and a query of punctuation only is empty', () => {
    expect(pagefindTerm('"use after free"')).toBe('"use after free"');
    expect(pagefindTerm(':: -- //')).toBe('');
  });

  it('is idempotent and leaves only letters, digits and single spaces', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (query) => {
        const term = pagefindTerm(query);
        expect(pagefindTerm(term)).toBe(term);
        expect(term.replace(/^"|"$/g, '')).toMatch(/^(?:[\p{Alphabetic}\p{N}]+(?: [\p{Alphabetic}\p{N}]+)*)?$/u);
      }),
    );
  });
});
