import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pagefindTerm } from '../../src/scripts/search/pagefind-term.ts';

describe('pagefindTerm', () => {
  it('drops from each word what the indexer drops, so a pasted name is one index word', () => {
    expect(pagefindTerm('memcached_testapp.ep.CleanOrUnclean/PersistToTest')).toBe(
      'memcached_testappepCleanOrUncleanPersistToTest',
    );
    expect(pagefindTerm('  engine_testapp.cc  ')).toBe('engine_testappcc');
    expect(pagefindTerm('Cookie::getConnection() const')).toBe('CookiegetConnection const');
    expect(pagefindTerm('kv_engine/daemon/cookie.h:169')).toBe('kv_enginedaemoncookieh169');
    expect(pagefindTerm('MB-26887: C2440 heap-use-after-free')).toBe('MB26887 C2440 heapuseafterfree');
    expect(pagefindTerm('a+b x<y> $v ~t |p ^c `q` {r}')).toBe('ab xy v t p c q r');
  });

  it('keeps what is not ASCII punctuation, as the indexer does', () => {
    expect(pagefindTerm('Größe_1 naïve² uno×dos')).toBe('Größe_1 naïve² uno×dos');
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
        expect(term.replace(/^"|"$/g, '')).not.toMatch(/[!-/:-@[-^`{-~]|\s\s|^\s|\s$/);
      }),
    );
  });
});
