import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  indexedUrl,
  readIndexedIds,
  readIndexedIdsOnThread,
  readIndexedPage,
} from '../../src/integration/indexed-pages.ts';
import { indexFolder } from '../../src/integration/pagefind.ts';

const work = mkdtempSync(join(tmpdir(), 'review-reports-indexed-pages-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const page = (title: string, kinds: string[]) =>
  `<!doctype html><html lang="en"><body><main data-pagefind-body><h1>${title}</h1>${kinds
    .map((kind) => `<span data-pagefind-filter="kind">${kind}</span>`)
    .join('')}<p>words of ${title}</p></main></body></html>`;

describe('the pages of an index Pagefind wrote', () => {
  it('are found by URL, with the filter values they were indexed with', async () => {
    const site = join(work, 'site');
    for (const [slug, kinds] of [
      ['a', ['gtest']],
      ['b', ['ctest', 'gtest']],
    ] as const) {
      mkdirSync(join(site, 'changes', slug), { recursive: true });
      writeFileSync(join(site, 'changes', slug, 'index.html'), page(slug, [...kinds]));
    }
    const index = join(work, 'index');
    expect((await indexFolder(site, index)).pages).toBe(2);
    const ids = readIndexedIds(index);
    expect([...ids.keys()].sort()).toEqual([indexedUrl('changes/a/index.html'), indexedUrl('changes/b/index.html')]);
    expect(indexedUrl('changes/a/index.html')).toBe('/changes/a/');
    const b = ids.get('/changes/b/') as string;
    expect(b).toMatch(/^en_[0-9a-f]+$/);
    expect(readIndexedPage(index, b)).toEqual({ id: b, filters: { kind: ['ctest', 'gtest'] } });
    expect(() => readIndexedPage(index, 'en_0000000')).toThrow(/ENOENT/);
    // The same, read on a thread of its own.
    expect(await readIndexedIdsOnThread(index)).toEqual(ids);
    writeFileSync(join(index, 'fragment', 'en_bad.pf_fragment'), 'not gzip');
    expect(() => readIndexedIds(index)).toThrow();
    await expect(readIndexedIdsOnThread(index)).rejects.toThrow(/incorrect header check/);
  }, 60_000);
});
