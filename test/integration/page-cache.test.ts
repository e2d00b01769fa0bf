import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openPageCache } from '../../src/integration/page-cache.ts';

const work = mkdtempSync(join(tmpdir(), 'review-reports-page-cache-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const cacheDir = join(work, 'cache');
const pageA = 'changes/Ia/index.html';
const pageB = 'failures/b/index.html';

/** What Astro does for a page its route did not leave out: writes it. */
function render(root: string, page: string, html: string): void {
  mkdirSync(dirname(join(root, page)), { recursive: true });
  writeFileSync(join(root, page), html);
}
const entries = () =>
  readdirSync(cacheDir)
    .filter((name) => name.endsWith('.html'))
    .sort();

describe('the page cache', () => {
  it('keeps rendered pages and places them in a later build with the same keys, as links', () => {
    const first = join(work, 'first');
    const cache = openPageCache(cacheDir, 'basis-1');
    expect(cache.restore(pageA, 'a1')).toBe(false);
    expect(cache.restore(pageB, 'b1')).toBe(false);
    cache.prepare(first);
    render(first, pageA, '<p>A one</p>');
    render(first, pageB, '<p>B one</p>');
    expect(cache.finish(first)).toEqual({ restored: 0, stored: 2 });
    expect(entries()).toHaveLength(2);

    const second = join(work, 'second');
    const again = openPageCache(cacheDir, 'basis-1');
    expect(again.restore(pageA, 'a1')).toBe(true);
    expect(again.restore(pageB, 'b2')).toBe(false);
    again.prepare(second);
    render(second, pageB, '<p>B two</p>');
    expect(again.finish(second)).toEqual({ restored: 1, stored: 1 });
    // What the page is placed from: the entry the first build kept, whose name it had then.
    expect(again.restoredEntry(pageA)).toBe(cache.entryOf(pageA));
    expect(again.restoredEntry(pageA)).toMatch(/^[0-9a-f]{32}\.html$/);
    expect(again.restoredEntry(pageB)).toBeUndefined();
    expect(again.entryOf(pageB)).toMatch(/^[0-9a-f]{32}\.html$/);
    expect(readFileSync(join(second, pageA), 'utf8')).toBe('<p>A one</p>');
    expect(statSync(join(second, pageA)).ino).toBe(statSync(join(first, pageA)).ino);
    expect(readFileSync(join(second, pageB), 'utf8')).toBe('<p>B two</p>');
    // B's entry under its old key is gone; the first site's copy of it is not.
    expect(entries()).toHaveLength(2);
    expect(readFileSync(join(first, pageB), 'utf8')).toBe('<p>B one</p>');
  });

  it('finds nothing under another basis, and keeps files of the cache folder that are not its own', () => {
    writeFileSync(join(cacheDir, 'notes.html'), 'mine');
    const third = join(work, 'third');
    const cache = openPageCache(cacheDir, 'basis-2');
    expect(cache.restore(pageA, 'a1')).toBe(false);
    cache.prepare(third);
    render(third, pageA, '<p>A in another layout</p>');
    expect(cache.finish(third)).toEqual({ restored: 0, stored: 1 });
    expect(entries().filter((name) => name !== 'notes.html')).toEqual([expect.stringMatching(/^[0-9a-f]{32}\.html$/)]);
    expect(readFileSync(join(cacheDir, 'notes.html'), 'utf8')).toBe('mine');
  });

  it('keeps nothing of a page its route failed to write', () => {
    const cache = openPageCache(cacheDir, 'basis-2');
    expect(cache.restore(pageA, 'a1')).toBe(true);
    expect(cache.restore(pageB, 'b9')).toBe(false);
    const fourth = join(work, 'fourth');
    cache.prepare(fourth);
    expect(cache.finish(fourth)).toEqual({ restored: 1, stored: 0 });
    expect(entries()).toHaveLength(2);
  });

  it('unlinks its placed pages before a plain astro build writes into the same folder, so the cache keeps its bytes', () => {
    // A plain `astro build` renders into the dist/ of the build before, writing each page in place.
    const dist = join(work, 'dist');
    const cached = () => entries().map((name) => readFileSync(join(cacheDir, name), 'utf8'));
    const first = openPageCache(cacheDir, 'basis-3');
    first.restore(pageA, 'a1');
    first.prepare(dist);
    render(dist, pageA, '<p>A one</p>');
    first.finish(dist);
    writeFileSync(join(dist, 'mine.html'), 'mine');

    const second = openPageCache(cacheDir, 'basis-3');
    expect(second.restore(pageA, 'a2')).toBe(false);
    second.prepare(dist);
    render(dist, pageA, '<p>A two</p>');
    expect(cached()).toContain('<p>A one</p>');
    expect(cached()).not.toContain('<p>A two</p>');
    expect(second.finish(dist)).toEqual({ restored: 0, stored: 1 });
    expect(readFileSync(join(dist, pageA), 'utf8')).toBe('<p>A two</p>');
    expect(readFileSync(join(dist, 'mine.html'), 'utf8')).toBe('mine');

    const third = openPageCache(cacheDir, 'basis-3');
    expect(third.restore(pageA, 'a2')).toBe(true);
    third.prepare(dist);
    expect(third.finish(dist)).toEqual({ restored: 1, stored: 0 });
    expect(readFileSync(join(dist, pageA), 'utf8')).toBe('<p>A two</p>');
  });

  it('places and keeps many pages at a time, each whole, in folders shared between pages', () => {
    const manyDir = join(work, 'many-cache');
    // 120 pages in 30 folders of two levels: folders that several pages placed at once have to make.
    const pages = Array.from({ length: 120 }, (_, index) => `p${index % 3}/f${index % 30}/page-${index}.html`);
    const first = join(work, 'many-first');
    const cache = openPageCache(manyDir, 'basis-many');
    for (const page of pages) expect(cache.restore(page, 'one')).toBe(false);
    cache.prepare(first);
    for (const page of pages) render(first, page, `<p>${page} one</p>`);
    expect(cache.finish(first)).toEqual({ restored: 0, stored: 120 });

    const second = join(work, 'many-second');
    const again = openPageCache(manyDir, 'basis-many');
    // Every third page has a new key: rendered again; the others are placed from the cache.
    expect(pages.map((page, index) => again.restore(page, index % 3 === 0 ? 'two' : 'one'))).toEqual(
      pages.map((_, index) => index % 3 !== 0),
    );
    again.prepare(second);
    pages.forEach((page, index) => {
      if (index % 3 === 0) render(second, page, `<p>${page} two</p>`);
    });
    expect(again.finish(second)).toEqual({ restored: 80, stored: 40 });
    pages.forEach((page, index) => {
      expect(readFileSync(join(second, page), 'utf8')).toBe(`<p>${page} ${index % 3 === 0 ? 'two' : 'one'}</p>`);
    });
    expect(readdirSync(manyDir).filter((name) => name.endsWith('.html'))).toHaveLength(120);
    expect(readdirSync(manyDir).filter((name) => name.endsWith('.partial'))).toEqual([]);
  });
});
