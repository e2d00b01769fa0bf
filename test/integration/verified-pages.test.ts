import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openVerifiedPages } from '../../src/integration/verified-pages.ts';

const work = mkdtempSync(join(tmpdir(), 'review-reports-verified-pages-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('openVerifiedPages', () => {
  const file = join(work, 'review-reports', 'verified-pages.json');

  it('knows no entry before a build saved some, then those of the last build only', () => {
    const first = openVerifiedPages(file);
    expect(first.has('a.html')).toBe(false);
    first.save(['a.html', 'b.html']);
    const second = openVerifiedPages(file);
    expect([second.has('a.html'), second.has('b.html'), second.has('c.html')]).toEqual([true, true, false]);
    second.save(['b.html', 'c.html']);
    const third = openVerifiedPages(file);
    expect([third.has('a.html'), third.has('b.html'), third.has('c.html')]).toEqual([false, true, true]);
  });

  it('knows none from a file it cannot read, and only the names in one it can', () => {
    writeFileSync(file, '{"a.html": true');
    expect(openVerifiedPages(file).has('a.html')).toBe(false);
    writeFileSync(file, '{"a.html": true}');
    expect(openVerifiedPages(file).has('a.html')).toBe(false);
    writeFileSync(file, '["a.html", 7]');
    const mixed = openVerifiedPages(file);
    expect([mixed.has('a.html'), mixed.has('7')]).toEqual([true, false]);
  });
});
