import { linkSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serialize } from 'node:v8';
import { afterAll, describe, expect, it } from 'vitest';
import { openPageLinkMemo } from '../../src/cli/page-link-memo.ts';
import { checkLinks } from '../../src/integration/check-links.ts';

const root = mkdtempSync(join(tmpdir(), 'review-reports-link-memo-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('openPageLinkMemo', () => {
  const site = join(root, 'site');
  const cache = join(root, 'cache');
  mkdirSync(site, { recursive: true });
  mkdirSync(cache, { recursive: true });
  const file = join(cache, 'review-reports', 'page-links.bin');

  it('names a page the same while it is the same file, hard-linked anywhere, and anew once written again', () => {
    writeFileSync(join(cache, 'entry.html'), '<p id="a">a</p>');
    linkSync(join(cache, 'entry.html'), join(site, 'kept.html'));
    const memo = openPageLinkMemo(file, site);
    const kept = memo.identity('kept.html');
    expect(kept).toMatch(/^\d+:\d+:15:\d+$/);
    // The next build links the same cached file again.
    rmSync(join(site, 'kept.html'));
    linkSync(join(cache, 'entry.html'), join(site, 'kept.html'));
    expect(memo.identity('kept.html')).toBe(kept);
    rmSync(join(site, 'kept.html'));
    writeFileSync(join(site, 'kept.html'), '<p id="b">bb</p>');
    expect(memo.identity('kept.html')).not.toBe(kept);
    expect(memo.identity('missing.html')).toBeUndefined();
  });

  it('keeps what a check took for the next build, and only that', () => {
    const first = openPageLinkMemo(file, site);
    expect(first.known.size).toBe(0);
    first.next.set('1:2:3:4', { ids: 'm-1\u0000m-2', links: '/changes/I1/#m-1' });
    first.next.set('1:5:6:7', { ids: '', links: '' });
    first.save();
    const second = openPageLinkMemo(file, site);
    expect(Object.fromEntries(second.known)).toEqual({
      '1:2:3:4': { ids: 'm-1\u0000m-2', links: '/changes/I1/#m-1' },
      '1:5:6:7': { ids: '', links: '' },
    });
    second.next.set('1:5:6:7', { ids: '', links: '' });
    second.save();
    expect([...openPageLinkMemo(file, site).known.keys()]).toEqual(['1:5:6:7']);
  });

  it('starts empty from a file it cannot read, or of another version', () => {
    writeFileSync(file, 'not a memo');
    expect(openPageLinkMemo(file, site).known.size).toBe(0);
    writeFileSync(file, serialize({ version: 2, entries: [['1:2:3:4', '', '']] }));
    expect(openPageLinkMemo(file, site).known.size).toBe(0);
    writeFileSync(
      file,
      serialize({
        version: 1,
        entries: [
          ['1:2:3:4', '', ''],
          ['bad', 1, ''],
        ],
      }),
    );
    expect([...openPageLinkMemo(file, site).known.keys()]).toEqual(['1:2:3:4']);
  });
});

describe('openPageLinkMemo reading pages ahead of the check', () => {
  const site = join(root, 'ahead');
  mkdirSync(join(site, 'changes', 'I1'), { recursive: true });
  writeFileSync(join(site, 'index.html'), '<a href="/changes/I1/#m-1">one</a><a href="/pagefind/pagefind.js">js</a>');
  writeFileSync(join(site, 'changes', 'I1', 'index.html'), '<h3 id="m-1">m</h3><a href="#m-2">own, missing</a>');

  it('holds what the check takes from each page it could read, and the check resolves it against the site as it is then', () => {
    const memo = openPageLinkMemo(undefined, site);
    memo.readAhead(['index.html', 'changes/I1/index.html']);
    const index = memo.identity('index.html') as string;
    expect(Object.fromEntries(memo.known)).toEqual({
      [index]: { ids: '', links: '/changes/I1/#m-1\u0000/pagefind/pagefind.js' },
    });
    // Written after the pages were read, as Pagefind's index is.
    mkdirSync(join(site, 'pagefind'));
    writeFileSync(join(site, 'pagefind', 'pagefind.js'), '');
    // Read by the check itself, the page with a broken anchor of its own is reported.
    expect(checkLinks(site, '/', undefined, memo)).toEqual([
      { page: 'changes/I1/index.html', href: '#m-2', reason: 'no such anchor' },
    ]);
    // Without a file, nothing is kept for the next build.
    memo.save();
    expect(openPageLinkMemo(undefined, site).known.size).toBe(0);
  });

  it('does not read again a page an earlier check read', () => {
    const file = join(root, 'ahead-memo.bin');
    const first = openPageLinkMemo(file, site);
    const index = first.identity('index.html') as string;
    first.next.set(index, { ids: 'kept', links: '' });
    first.save();
    const second = openPageLinkMemo(file, site);
    second.readAhead(['index.html']);
    expect(second.known.get(index)).toEqual({ ids: 'kept', links: '' });
  });
});
