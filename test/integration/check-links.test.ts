import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { checkLinks, type PageLinkMemo, type PageLinks, readPageLinks } from '../../src/integration/check-links.ts';

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

describe('checkLinks on the bytes of a page', () => {
  const site = join(root, 'bytes');
  const page = (bytes: Buffer) => {
    rmSync(site, { recursive: true, force: true });
    mkdirSync(site, { recursive: true });
    writeFileSync(join(site, 'index.html'), bytes);
    return checkLinks(site, '/base/');
  };

  it('finds links and ids after any whitespace, in any text, as in the decoded page', () => {
    const html = [
      '<p id="x\u00e9">',
      '<a\u00a0href="/elsewhere/\u00e9">',
      '<a\u3000href="#x\u00e9">',
      '<a\u2028href="#nope">',
      // Not whitespace: "à" ends in the byte of U+00A0's second half, and U+200B is no space for `\s`.
      '<a \u00e0href="/not-a-link/">',
      '<a\u200bhref="/not-a-link/">',
    ].join('');
    expect(page(Buffer.from(html))).toEqual([
      { page: 'index.html', href: '/elsewhere/\u00e9', reason: 'no such page' },
      { page: 'index.html', href: '#nope', reason: 'no such anchor' },
    ]);
    expect(page(Buffer.concat([Buffer.from(' href="/x/'), Buffer.from([0xe2, 0x80]), Buffer.from('"')]))).toEqual([
      { page: 'index.html', href: '/x/\ufffd', reason: 'no such page' },
    ]);
  });

  it('reads every page as the text it decodes to (property)', () => {
    const pieces = [
      ' ',
      '\t',
      '\u00a0',
      '\u1680',
      '\u2000',
      '\u200a',
      '\u200b',
      '\u2028',
      '\u202f',
      '\u205f',
      '\u3000',
      '\ufeff',
      '\u00e0',
      '\u00c2',
      '\u20ac',
      'x',
      '"',
      '<a',
      'href="/elsewhere/',
      'src="/elsewhere/',
    ].map((text) => Buffer.from(text));
    const bytes = [[0xe2, 0x80], [0xc2], [0xa0], [0xe3, 0x80], [0xef, 0xbb], [0xff], [0x80]].map((b) => Buffer.from(b));
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces, ...bytes), { maxLength: 40 }), (parts) => {
        const buffer = Buffer.concat(parts);
        // What the check found in the decoded text: every link here leads outside the base.
        const expected = Array.from(buffer.toString('utf8').matchAll(/\s(href|src)="([^"]*)"/g), (match) => ({
          page: 'index.html',
          href: match[2] as string,
          reason: 'no such page',
        }));
        expect(page(buffer)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});

describe('checkLinks across pages', () => {
  const site = join(root, 'across');
  const pages: Record<string, string> = {
    // Listed first: its anchors on the later pages are checked once every page has been read.
    'a/index.html': '<h2 id="top">A</h2><a href="/b/#m-1">ok</a><a href="/b/#m-9">gone</a><a href="/c/#x">gone too</a>',
    'b/index.html': '<h3 id="m-1">one</h3><a href="/a/#top">ok</a><a href="/a/#bottom">gone</a><a href="#m-1">self</a>',
    'c/index.html': '<p id="y">c</p><a href="/b/#m-1">ok</a><a href="#x">not here</a><a href="/b/#m-2">gone</a>',
  };
  for (const [path, html] of Object.entries(pages)) {
    mkdirSync(dirname(join(site, path)), { recursive: true });
    writeFileSync(join(site, path), html);
  }

  it('checks every anchor on another page, whichever is read first, and says so in the order of the pages', () => {
    const broken = [
      { page: 'a/index.html', href: '/b/#m-9', reason: 'no such anchor' },
      { page: 'a/index.html', href: '/c/#x', reason: 'no such anchor' },
      { page: 'b/index.html', href: '/a/#bottom', reason: 'no such anchor' },
      { page: 'c/index.html', href: '#x', reason: 'no such anchor' },
      { page: 'c/index.html', href: '/b/#m-2', reason: 'no such anchor' },
    ];
    expect(checkLinks(site, '/', Object.keys(pages))).toEqual(broken);
    // Read in the other order, the same links are broken, in that order of pages.
    const reversed = Object.keys(pages).reverse();
    expect(checkLinks(site, '/', reversed)).toEqual([...broken.slice(3), broken[2], ...broken.slice(0, 2)]);
  });
});

describe('checkLinks with a memo of earlier checks', () => {
  const site = join(root, 'memo');
  const put = (path: string, html: string) => {
    mkdirSync(dirname(join(site, path)), { recursive: true });
    writeFileSync(join(site, path), html);
  };
  put('index.html', '<a href="/changes/I1/#m-1">one</a><a href="/changes/I2/">two</a><a id="top" href="#top">top</a>');
  put('changes/I1/index.html', '<h3 id="m-1">m</h3><a href="#m-1">self</a><a href="/changes/I1/#m-1">self by path</a>');
  put('changes/I2/index.html', '<h3 id="m-5">m</h3><a href="/">home</a>');
  /** Names each page by a version the test sets: a page keeps its name while the test says its bytes did not change. */
  const versions = new Map<string, number>();
  const memoOf = (known: ReadonlyMap<string, PageLinks>): PageLinkMemo => ({
    identity: (page) => `${page}@${versions.get(page) ?? 0}`,
    known,
    next: new Map(),
  });

  it('takes from each page its ids and its links to files, not those to its own anchors', () => {
    const memo = memoOf(new Map());
    expect(checkLinks(site, '/', undefined, memo)).toEqual([]);
    expect(Object.fromEntries(memo.next)).toEqual({
      'changes/I1/index.html@0': { ids: 'm-1', links: '/changes/I1/#m-1' },
      'changes/I2/index.html@0': { ids: 'm-5', links: '/' },
      'index.html@0': { ids: 'top', links: '/changes/I1/#m-1\u0000/changes/I2/' },
    });
  });

  it("reads only the pages whose name changed, and checks a kept page's links against the site as it is now", () => {
    const first = memoOf(new Map());
    checkLinks(site, '/', undefined, first);
    // A broken link written into a page whose name stays is not read: the memo stands for its bytes.
    put('index.html', '<a href="/nowhere/">gone</a>');
    rmSync(join(site, 'changes/I2'), { recursive: true });
    put('changes/I1/index.html', '<h3 id="m-2">m</h3>');
    versions.set('changes/I1/index.html', 1);
    const second = memoOf(first.next);
    expect(checkLinks(site, '/', undefined, second)).toEqual([
      { page: 'index.html', href: '/changes/I1/#m-1', reason: 'no such anchor' },
      { page: 'index.html', href: '/changes/I2/', reason: 'no such page' },
    ]);
    expect([...second.next.keys()]).toEqual(['changes/I1/index.html@1', 'index.html@0']);
    // Read, the page is what it now is.
    versions.set('index.html', 1);
    expect(checkLinks(site, '/', undefined, memoOf(first.next))).toEqual([
      { page: 'index.html', href: '/nowhere/', reason: 'no such page' },
    ]);
  });
});

describe('readPageLinks', () => {
  const site = join(root, 'ahead');
  const put = (path: string, html: string) => {
    mkdirSync(dirname(join(site, path)), { recursive: true });
    writeFileSync(join(site, path), html);
  };

  it("takes a page's ids and its links to files, as the check would", () => {
    put(
      'changes/I1/index.html',
      '<h3 id="m-1">m</h3><a href="#m-1">self</a><a href="/pagefind/pagefind.js">x</a><a href="https://ci.example/">ci</a><a href="../../">up</a>',
    );
    expect(readPageLinks(site, 'changes/I1/index.html')).toEqual({
      ids: 'm-1',
      links: '/pagefind/pagefind.js\u0000../../',
    });
  });

  it('leaves to the check a page with a link to an anchor of its own that it lacks, and one with a NUL in a link', () => {
    put('own.html', '<h3 id="m-1">m</h3><a href="#m-2">missing</a>');
    expect(readPageLinks(site, 'own.html')).toBeNull();
    put('nul.html', '<a href="/a\u0000b/">nul</a>');
    expect(readPageLinks(site, 'nul.html')).toBeNull();
  });
});
