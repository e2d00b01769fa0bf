import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ownString } from '../../src/lib/own-string.ts';

describe('ownString', () => {
  it('returns a string equal to its input, for any UTF-16 text (lone surrogates too)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(ownString(text)).toBe(text);
      }),
    );
  });

  it('gives equal inputs one shared copy, and a copy of a substring equal to it', () => {
    const file = `Author: ${'x'.repeat(40)}\n`.repeat(3);
    const first = file.slice(8, 48);
    const again = file.slice(57, 97);
    expect(ownString(first)).toBe('x'.repeat(40));
    expect(ownString(again)).toBe(ownString(first));
    expect(ownString('\ud800 lone')).toBe('\ud800 lone');
  });
});
