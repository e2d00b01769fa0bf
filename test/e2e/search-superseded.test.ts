import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateExport } from '../../scripts/generate-export.ts';
import { serveCommand } from '../../src/cli/serve-command.ts';
import { readSearchBase } from '../../src/integration/search-base.ts';
import { parseExport } from '../../src/lib/parse-export.ts';
import { cachedBuild } from './support/build-site.ts';
import { hasChromium, launchChromium } from './support/chromium.ts';
import { inCI } from './support/ci.ts';
import { fileTree } from './support/site-differences.ts';

interface Summary {
  searchPages: number;
  searchPagesReused: number;
}

/** What the search page shows for a query: its status line, every result (all pages of them), the counts. */
interface Shown {
  status: string;
  results: string[];
  counts: string[];
}

function writeExport(dir: string, changes: number, seed: number): void {
  for (const file of generateExport({ changes, seed })) {
    mkdirSync(join(dir, file.path, '..'), { recursive: true });
    writeFileSync(join(dir, file.path), file.content);
  }
}

/**
 * A rebuild that keeps the site's own search index and indexes only the pages that changed beside it
 * (README § Search): the search page must answer as the index of a clean build of the same export does, with no
 * page twice, none from before it changed, and none the export lost.
 */
describe.skipIf(!hasChromium() && !inCI())('search after a rebuild that kept its index', () => {
  const work = mkdtempSync(join(tmpdir(), 'review-reports-superseded-'));
  const exportDir = join(work, 'export');
  const config = join(work, 'review-reports.config.json');
  const build = cachedBuild(work, exportDir, config);
  let browser: Browser;
  const servers: Array<() => Promise<void>> = [];
  const urls = { kept: '', clean: '' };
  let rebuild: Summary;
  let rewrittenSlug = '';
  let rewrittenId = '';
  let removedSlug = '';
  let removedId = '';
  let baseIdsAfterFirst: Record<string, string> | undefined;
  let baseIdsAfterAgain: Record<string, string> | undefined;

  beforeAll(async () => {
    writeExport(exportDir, 40, 5);
    // Half the index may be superseded, so that this small export's changes stay within it.
    writeFileSync(config, JSON.stringify({ searchSuperseded: 0.5 }));
    const first = await build('site', 'cache', 'first.json');
    if (first.code !== 0) throw new Error(`build failed:\n${first.stderr}`);
    // Written whole by the first build, the base has no ids; a rebuild of the same export records them, read from
    // its fragments while it renders, so that the rebuild below that keeps the base finds them.
    const baseFile = join(work, 'cache', 'review-reports', 'search-base.json');
    baseIdsAfterFirst = readSearchBase(baseFile)?.ids;
    const again = await build('site', 'cache', 'again.json');
    if (again.code !== 0) throw new Error(`build failed:\n${again.stderr}`);
    baseIdsAfterAgain = readSearchBase(baseFile)?.ids;
    mkdirSync(join(work, 'previous', 'api'), { recursive: true });
    cpSync(join(work, 'site', 'api', 'failures.json'), join(work, 'previous', 'api', 'failures.json'));

    // The export moves on: two changes come, one goes, and one's commit message gets a word no page had.
    const before = parseExport(exportDir).changes;
    writeExport(join(exportDir, 'added'), 2, 99);
    const files = [...fileTree(exportDir).keys()].filter((file) => !file.startsWith('added/')).sort();
    const removedDir = dirname(join(exportDir, files[0] as string));
    const rewrittenDir = dirname(join(exportDir, files.at(-1) as string));
    const idIn = (dir: string) =>
      /^Change-Id: (I[0-9a-f]{40})$/m.exec(readFileSync(join(dir, readdirSync(dir)[0] as string), 'utf8'))?.[1] ?? '';
    removedId = idIn(removedDir);
    rewrittenId = idIn(rewrittenDir);
    rmSync(removedDir, { recursive: true });
    for (const name of readdirSync(rewrittenDir)) {
      const file = join(rewrittenDir, name);
      writeFileSync(
        file,
        readFileSync(file, 'utf8').replace('the shape of a real commit', 'the shape of a zanzibarquux commit'),
      );
    }
    removedSlug = before.find((change) => change.id === removedId)?.slug ?? '';
    rewrittenSlug = before.find((change) => change.id === rewrittenId)?.slug ?? '';

    const kept = await build('site', 'cache', 'rebuild.json');
    if (kept.code !== 0) throw new Error(`rebuild failed:\n${kept.stderr}`);
    rebuild = JSON.parse(readFileSync(join(work, 'rebuild.json'), 'utf8'));
    const clean = await build('clean', 'clean-cache', 'clean.json', '--previous', join(work, 'previous'));
    if (clean.code !== 0) throw new Error(`clean build failed:\n${clean.stderr}`);

    for (const name of ['kept', 'clean'] as const) {
      const served = await serveCommand(
        join(work, name === 'kept' ? 'site' : 'clean'),
        { port: 0, base: '/' },
        { stdout: () => {}, stderr: () => {} },
      );
      urls[name] = served.url ?? '';
      if (served.close) servers.push(served.close);
    }
    browser = await launchChromium();
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    for (const close of servers) await close();
    rmSync(work, { recursive: true, force: true });
  });

  async function shown(page: Page, base: string, query: string): Promise<Shown> {
    await page.goto(`${base}search/?${query}`);
    const list = page.locator('[data-search-results][aria-busy="false"]');
    await list.waitFor({ state: 'attached' });
    const more = page.locator('[data-search-more]');
    while (await more.isVisible()) {
      await more.click();
      await list.waitFor({ state: 'attached' });
    }
    const results = await page
      .locator('[data-search-results] > li h3 a')
      .evaluateAll((links) => links.map((a) => new URL(a.getAttribute('href') ?? '', location.href).pathname));
    const counts = await page
      .locator('fieldset[data-filter] label')
      .evaluateAll((labels) => labels.map((label) => label.textContent?.replace(/\s+/g, ' ').trim() ?? ''));
    return { status: (await page.locator('[data-search-status]').textContent()) ?? '', results, counts };
  }

  it('keeps the index and indexes only the changed pages beside it', () => {
    const parts = JSON.parse(readFileSync(join(work, 'site', 'pagefind', 'parts.json'), 'utf8'));
    expect(parts.version).toBe(2);
    expect(parts.parts).toEqual(['part/base/']);
    // The rewritten change, the removed one, and the signature pages whose occurrences moved.
    const superseded = parts.superseded['part/base/'].pages.length;
    expect(superseded).toBeGreaterThanOrEqual(2);
    expect(rebuild.searchPagesReused).toBeGreaterThan(rebuild.searchPages / 2);
    // Pagefind's ids of the kept index's pages were read once, and are kept for the next rebuild.
    const base = readSearchBase(join(work, 'cache', 'review-reports', 'search-base.json'));
    expect(Object.keys(base?.ids ?? {}).length).toBe(Object.keys(base?.pages ?? {}).length);
    expect(baseIdsAfterFirst).toBeUndefined();
    expect(Object.keys(baseIdsAfterAgain ?? {}).sort()).toEqual(Object.keys(base?.pages ?? {}).sort());
    // The clean build writes its index whole.
    expect(JSON.parse(readFileSync(join(work, 'clean', 'pagefind', 'parts.json'), 'utf8'))).toEqual({
      version: 2,
      parts: [],
      superseded: {},
    });
  });

  it('answers as the clean build’s index does', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const queries = [
      'q=zanzibarquux',
      `q=${rewrittenId}`,
      'type=change',
      'type=change&sort=newest',
      'type=change&sort=oldest',
      'q=memcached&kind=gtest',
      'q=real&type=change',
      'type=signature',
    ];
    for (const query of queries) {
      const [kept, clean] = [await shown(page, urls.kept, query), await shown(page, urls.clean, query)];
      // Relevance ranks by each index's word statistics, which two indexes do not share: the same pages, in
      // some order. Sorted by date, the same order.
      if (query.includes('sort=')) expect({ query, ...kept }).toEqual({ query, ...clean });
      else
        expect({ query, ...kept, results: kept.results.toSorted() }).toEqual({
          query,
          ...clean,
          results: clean.results.toSorted(),
        });
    }
    await context.close();
  }, 300_000);

  it('shows a changed page once, as it is now, and no page the export lost', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    expect((await shown(page, urls.kept, 'q=zanzibarquux')).results).toEqual([`/changes/${rewrittenSlug}/`]);
    expect((await shown(page, urls.kept, `q=${rewrittenId}`)).results).toEqual([`/changes/${rewrittenSlug}/`]);
    const all = await shown(page, urls.kept, 'type=change');
    expect(all.results).toHaveLength(41);
    expect(new Set(all.results).size).toBe(41);
    expect(all.results).not.toContain(`/changes/${removedSlug}/`);
    expect((await shown(page, urls.kept, `q=${removedId}`)).results).not.toContain(`/changes/${removedSlug}/`);
    await context.close();
  }, 120_000);
});
