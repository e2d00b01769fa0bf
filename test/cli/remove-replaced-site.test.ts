import { linkSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listSiteFiles } from '../../src/cli/list-site-files.ts';
import { manifestFile } from '../../src/cli/read-output-manifest.ts';
import { removeReplacedSite } from '../../src/cli/remove-replaced-site.ts';
import { siteSize } from '../../src/cli/site-size.ts';

const work = mkdtempSync(join(tmpdir(), 'review-reports-replaced-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let count = 0;

function write(root: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

/** Every path under `root`, folders with a trailing `/` (symbolic links are not followed). */
function tree(root: string, relative = ''): string[] {
  return readdirSync(join(root, relative), { withFileTypes: true })
    .flatMap((entry) => {
      const path = relative ? `${relative}/${entry.name}` : entry.name;
      return entry.isDirectory() ? [`${path}/`, ...tree(root, path)] : [path];
    })
    .sort();
}

/** A replaced site whose manifest lists `ours`, and the published site beside it. */
function sites(ours: string[]): { replaced: string; out: string } {
  count++;
  const replaced = join(work, `old-${count}`);
  const out = join(work, `out-${count}`);
  mkdirSync(replaced);
  mkdirSync(out);
  writeFileSync(join(replaced, manifestFile), JSON.stringify({ generator: 'review-reports', version: 1, files: ours }));
  return { replaced, out };
}

describe('removeReplacedSite', () => {
  it('removes every file and folder of a site its manifest lists, and the folder', async () => {
    const pages = Array.from({ length: 300 }, (_, n) => `changes/c${n}/index.html`);
    const { replaced, out } = sites([...pages, 'index.html', 'api/changes/a.json']);
    write(replaced, Object.fromEntries([...pages, 'index.html', 'api/changes/a.json'].map((path) => [path, path])));
    expect(await removeReplacedSite(replaced, out)).toBe(0);
    expect(readdirSync(work)).not.toContain(`old-${count}`);
  });

  it('keeps what is not provably no loss, with its folders and only those', async () => {
    const { replaced, out } = sites(['index.html', 'changes/a/index.html']);
    write(replaced, {
      'index.html': 'ours',
      'changes/a/index.html': 'ours',
      // The user's, replaced by a different page of the new site: kept.
      'notes/index.html': 'mine',
      // The user's, with the same bytes as the published copy: no loss.
      'copied/same.txt': 'same',
      // The user's, hard-linked into the published site by the swap: no loss.
      'linked/file.txt': 'linked',
    });
    write(out, { 'notes/index.html': 'the new site', 'copied/same.txt': 'same' });
    mkdirSync(join(out, 'linked'));
    linkSync(join(replaced, 'linked/file.txt'), join(out, 'linked/file.txt'));
    mkdirSync(join(replaced, 'empty'));
    expect(await removeReplacedSite(replaced, out)).toBe(1);
    expect(tree(replaced)).toEqual(['notes/', 'notes/index.html']);
  });

  it('does not follow a symbolic link where the manifest lists a folder', async () => {
    const elsewhere = join(work, `elsewhere-${count}`);
    write(elsewhere, { 'index.html': 'not the site' });
    const { replaced, out } = sites(['changes/a/index.html']);
    mkdirSync(join(replaced, 'changes'));
    symlinkSync(elsewhere, join(replaced, 'changes', 'a'));
    expect(await removeReplacedSite(replaced, out)).toBe(1);
    expect(tree(elsewhere)).toEqual(['index.html']);
    expect(tree(replaced)).toEqual(['changes/', 'changes/a']);
  });

  it('removes the manifest last: a folder emptied halfway is finished by the next call', async () => {
    const pages = Array.from({ length: 50 }, (_, n) => `p${n}/index.html`);
    const { replaced, out } = sites(pages);
    write(replaced, Object.fromEntries(pages.map((path) => [path, path])));
    // What a removal stopped midway leaves: some pages gone, the manifest still there.
    for (const path of pages.slice(0, 20)) rmSync(join(replaced, dirname(path)), { recursive: true });
    expect(await removeReplacedSite(replaced, out)).toBe(0);
    expect(readdirSync(work)).not.toContain(`old-${count}`);
  });
});

describe('listSiteFiles and siteSize', () => {
  it('list every file but the manifest, sorted, and count the regular ones and the search index', () => {
    const site = join(work, 'listed');
    write(site, { 'b.html': '12345', 'a/z.txt': '1', 'pagefind/x.pf': '123', [manifestFile]: '{}' });
    symlinkSync('b.html', join(site, 'link.html'));
    const files = listSiteFiles(site);
    expect(files).toEqual([
      { path: 'a/z.txt', regular: true },
      { path: 'b.html', regular: true },
      { path: 'link.html', regular: false },
      { path: 'pagefind/x.pf', regular: true },
    ]);
    expect(siteSize(site, files)).toEqual({ outputBytes: 9, searchIndexBytes: 3 });
  });
});
