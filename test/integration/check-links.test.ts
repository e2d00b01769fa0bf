import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkLinks } from '../../src/integration/check-links.ts';

const root = mkdtempSync(join(tmpdir(), 'review-reports-links-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function write(path: string, text: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

// Beside the site, a file that a link climbing out of it would reach: it must not count as a page of the site.
writeFileSync(join(root, 'outside.html'), '');
write(
  'site/index.html',
  '<a href="/base/changes/I1/#m-1">ok</a> <a href="/base/">home</a> <a id="top" href="#top">t</a>',
);
write(
  'site/changes/I1/index.html',
  [
    '<h3 id="m-1">m</h3>',
    '<a href="../../">up</a>',
    '<a href="messages.txt">text</a>',
    '<a href="/base/changes/I1/#m-2">no anchor</a>',
    '<a href="/base/changes/I2/">no page</a>',
    '<a href="/elsewhere/">outside base</a>',
    '<a href="../../../outside.html">climbs out</a>',
    '<a href="https://ci.example/job/1/">external</a>',
    '<a href="/base/changes/I1/#m-1&amp;x">escaped</a>',
  ].join(''),
);
write('site/changes/I1/messages.txt', 'text');

describe('checkLinks', () => {
  it('finds each link to a missing page or anchor, and nothing else', () => {
    expect(checkLinks(join(root, 'site'), '/base/')).toEqual([
      { page: 'changes/I1/index.html', href: '/base/changes/I1/#m-2', reason: 'no such anchor' },
      { page: 'changes/I1/index.html', href: '/base/changes/I2/', reason: 'no such page' },
      { page: 'changes/I1/index.html', href: '/elsewhere/', reason: 'no such page' },
      { page: 'changes/I1/index.html', href: '../../../outside.html', reason: 'no such page' },
      { page: 'changes/I1/index.html', href: '/base/changes/I1/#m-1&x', reason: 'no such anchor' },
    ]);
  });
});
