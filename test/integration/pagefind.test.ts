import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { readIndexedIds } from '../../src/integration/indexed-pages.ts';
import { indexFolder } from '../../src/integration/pagefind.ts';

const work = mkdtempSync(join(tmpdir(), 'review-reports-pagefind-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function site(name: string, slugs: readonly string[]): string {
  const root = join(work, name);
  mkdirSync(root, { recursive: true });
  for (const slug of slugs) {
    mkdirSync(join(root, 'changes', slug), { recursive: true });
    writeFileSync(
      join(root, 'changes', slug, 'index.html'),
      `<!doctype html><html lang="en"><body><main data-pagefind-body><h1>Change ${slug}</h1></main></body></html>`,
    );
  }
  return root;
}

describe('indexFolder', () => {
  const glob = process.env.PAGEFIND_GLOB;
  afterEach(() => {
    if (glob === undefined) delete process.env.PAGEFIND_GLOB;
    else process.env.PAGEFIND_GLOB = glob;
  });

  it('indexes every page of the folder, whatever Pagefind settings the environment holds', async () => {
    // Pagefind's command line reads its settings from the environment: this one would find no page at all.
    process.env.PAGEFIND_GLOB = 'nothing/**/*.html';
    const index = join(work, 'two-index');
    let ranWhileIndexing = false;
    const indexed = await indexFolder(site('two', ['a', 'b']), index, () => {
      ranWhileIndexing = !existsSync(join(index, 'pagefind-entry.json'));
    });
    expect(indexed).toEqual({ pages: 2 });
    expect(ranWhileIndexing).toBe(true);
    expect([...readIndexedIds(index).keys()].sort()).toEqual(['/changes/a/', '/changes/b/']);
  }, 60_000);

  it('writes an index of no pages for an empty folder, with the scripts the search page loads', async () => {
    const index = join(work, 'empty-index');
    expect(await indexFolder(site('empty', []), index)).toEqual({ pages: 0 });
    expect(readdirSync(index)).toContain('pagefind.js');
  }, 60_000);

  it('stops Pagefind when the build exits while it works', async () => {
    const pages = site(
      'exit',
      Array.from({ length: 400 }, (_, n) => `change-${n}`),
    );
    const index = join(work, 'exit-index');
    const script = join(work, 'exit.ts');
    writeFileSync(
      script,
      `import { indexFolder } from ${JSON.stringify(fileURLToPath(new URL('../../src/integration/pagefind.ts', import.meta.url)))};\n` +
        'await indexFolder(process.argv[2], process.argv[3], () => process.exit(3));\n',
    );
    expect(spawnSync(process.execPath, [script, pages, index]).status).toBe(3);
    // Left running, Pagefind writes this index of 400 small pages in about a second.
    await new Promise((resolve) => setTimeout(resolve, 4000));
    expect(existsSync(join(index, 'pagefind-entry.json'))).toBe(false);
  }, 60_000);

  it('abandons the index when what runs meanwhile fails', async () => {
    const index = join(work, 'failed-index');
    await expect(
      indexFolder(site('failed', ['a']), index, () => {
        throw new Error('the site lost a page');
      }),
    ).rejects.toThrow('the site lost a page');
  }, 60_000);
});
