import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sitePages } from '../../src/data/site-pages.ts';
import { parseExport } from '../../src/lib/parse-export.ts';

const seeds = fileURLToPath(new URL('../fixtures/seeds', import.meta.url));
const model = parseExport(seeds);

describe('sitePages on the seed export', () => {
  const pages = sitePages(model);
  const paths = pages.map((page) => page.path);

  it('lists the dashboard, the change list, each change, each failure view and signature, /new/ and search', () => {
    expect(paths.slice(0, 4)).toEqual([
      '/',
      '/changes/',
      '/changes/I14f6e1718976b9f792fe28ab8aa309e4a61fdf32/',
      '/changes/I6418b9a8557b4ac978218706243e97523f95355d/',
    ]);
    expect(
      paths.filter(
        (path) => path.startsWith('/failures/') && !model.signatures.some((entry) => path.endsWith(`/${entry.slug}/`)),
      ),
    ).toEqual([
      '/failures/',
      '/failures/by-occurrences/',
      '/failures/by-changes/',
      '/failures/by-last-seen/',
      '/failures/newest/',
      '/failures/flaky/',
      '/failures/known/',
      '/failures/unknown/',
      '/failures/kind/compile/',
      '/failures/kind/ctest/',
      '/failures/kind/ctest-timeout/',
      '/failures/kind/gtest/',
      '/failures/kind/sanitizer/',
    ]);
    expect(paths.slice(-2)).toEqual(['/new/', '/search/']);
    expect(pages).toHaveLength(1 + 1 + 2 + 13 + 12 + 1 + 1);
    expect(new Set(paths).size).toBe(paths.length);
  });

  it('dates change and signature pages by their last activity', () => {
    expect(pages[0]).toEqual({ path: '/', lastmod: '2018-05-29T05:20:39.000Z' });
    expect(pages[2]).toEqual({
      path: '/changes/I14f6e1718976b9f792fe28ab8aa309e4a61fdf32/',
      lastmod: '2018-05-29T05:20:39.000Z',
    });
    expect(pages.find((page) => page.path === '/search/')).toEqual({ path: '/search/' });
  });
});
