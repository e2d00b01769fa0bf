import { linkSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serialize } from 'node:v8';
import { afterAll, describe, expect, it } from 'vitest';
import { openPageLinkMemo } from '../../src/cli/page-link-memo.ts';

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
