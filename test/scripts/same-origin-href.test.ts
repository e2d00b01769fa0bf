import { describe, expect, it } from 'vitest';
import { sameOriginHref } from '../../src/scripts/search/same-origin-href.ts';

const page = { href: 'http://127.0.0.1:4321/reports/search/?q=x', origin: 'http://127.0.0.1:4321' };

describe('sameOriginHref', () => {
  it('keeps a link into the site as a path with its query and anchor', () => {
    expect(sameOriginHref('/reports/changes/I1/#m-abc', page)).toBe('/reports/changes/I1/#m-abc');
    expect(sameOriginHref('http://127.0.0.1:4321/reports/failures/x/', page)).toBe('/reports/failures/x/');
    expect(sameOriginHref('../changes/I1/', page)).toBe('/reports/changes/I1/');
  });

  it('refuses links that leave the site or run code', () => {
    expect(sameOriginHref('javascript:alert(1)', page)).toBeNull();
    expect(sameOriginHref(' JavaScript:alert(1)', page)).toBeNull();
    expect(sameOriginHref('data:text/html,<script>alert(1)</script>', page)).toBeNull();
    expect(sameOriginHref('https://example.com/', page)).toBeNull();
    expect(sameOriginHref('//example.com/x', page)).toBeNull();
    expect(sameOriginHref('http://[', page)).toBeNull();
  });
});
