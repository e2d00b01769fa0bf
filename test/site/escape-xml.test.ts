import { describe, expect, it } from 'vitest';
import { escapeXml } from '../../src/site/escape-xml.ts';

describe('escapeXml', () => {
  it('escapes the five XML special characters', () => {
    expect(escapeXml(`<a href="x" title='y'>&amp;</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&apos;y&apos;&gt;&amp;amp;&lt;/a&gt;',
    );
  });

  it('leaves ordinary text, tabs, newlines and non-ASCII characters alone', () => {
    expect(escapeXml('MB-26887: Remove sendmsg\tü €\n— 😀\r')).toBe('MB-26887: Remove sendmsg\tü €\n— 😀\r');
  });

  it('replaces characters XML cannot hold with U+FFFD', () => {
    expect(escapeXml('nul\u0000 bell\u0007 esc\u001b[31m')).toBe('nul\uFFFD bell\uFFFD esc\uFFFD[31m');
    expect(escapeXml('lone \uD800 surrogate \uDFFF')).toBe('lone \uFFFD surrogate \uFFFD');
    expect(escapeXml('\uFFFE\uFFFF')).toBe('\uFFFD\uFFFD');
  });

  it('escapes an ampersand once, so escaped text escapes again as text', () => {
    expect(escapeXml('&lt;')).toBe('&amp;lt;');
  });

  it('gives the empty string for the empty string', () => {
    expect(escapeXml('')).toBe('');
  });
});
