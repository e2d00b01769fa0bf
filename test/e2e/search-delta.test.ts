import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateExport } from '../../scripts/generate-export.ts';
import { serveCommand } from '../../src/cli/serve-command.ts';
import { parseExport } from '../../src/lib/parse-export.ts';
import { runCli } from './support/build-site.ts';
import { hasChromium, launchChromium } from './support/chromium.ts';
import { inCI } from './support/ci.ts';
import { watchPage } from './support/watch-page.ts';

/** Every file of the export that holds a dump of the change with this Change-Id. */
function dumpsOf(exportDir: string, changeId: string): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (readFileSync(path, 'utf8').includes(`Change-Id: ${changeId}`)) files.push(path);
    }
  };
  walk(exportDir);
  return files;
}

function rewrite(files: readonly string[], from: RegExp, to: string): void {
  for (const file of files) writeFileSync(file, readFileSync(file, 'utf8').replace(from, to));
}

/**
 * A rebuild with a kept cache indexes only the pages of the days that changed and merges that index with the
 * cached one in the browser (README § Search, "Rebuilds"). Whatever a reader asks, the rebuilt site must answer
 * as a clean build of the same export does: the same pages, in the same order when sorted by date, no stale word.
 */
describe.skipIf(!hasChromium() && !inCI())('search after a rebuild that indexed only what changed', () => {
  const work = mkdtempSync(join(tmpdir(), 'review-reports-search-delta-'));
  const exportDir = join(work, 'export');
  const sites: Record<'rebuilt' | 'clean', string> = { rebuilt: '', clean: '' };
  const closers: Array<() => Promise<void>> = [];
  let browser: Browser;
  let searchIndex: unknown;
  let changedPage = '';

  beforeAll(async () => {
    for (const file of generateExport({ changes: 60, seed: 11 })) {
      mkdirSync(join(exportDir, file.path, '..'), { recursive: true });
      writeFileSync(join(exportDir, file.path), file.content);
    }
    // The newest change on which nothing failed: editing its description changes its page alone.
    const quiet = parseExport(exportDir)
      .changes.filter((change) => change.runs.every((run) => run.failures.length === 0) && change.lastActivity)
      .sort((a, b) => ((a.lastActivity ?? '') < (b.lastActivity ?? '') ? 1 : -1))[0];
    if (!quiet) throw new Error('the generated export has no change without failures');
    changedPage = `changes/${quiet.slug}/`;
    const dumps = dumpsOf(exportDir, quiet.id);
    rewrite(dumps, /This is change (\d+)/g, 'This is change $1 quaggaword');

    const build = async (out: string, cache: string) => {
      const built = await runCli(['build', exportDir, '--out', out, '--cache-dir', cache, '--quiet']);
      if (built.code !== 0) throw new Error(`build failed:\n${built.stderr}`);
    };
    await build(join(work, 'rebuilt'), join(work, 'cache'));
    rewrite(dumps, /quaggaword/g, 'quokkaword');
    await build(join(work, 'rebuilt'), join(work, 'cache'));
    await build(join(work, 'clean'), join(work, 'clean-cache'));
    searchIndex = JSON.parse(readFileSync(join(work, 'rebuilt', 'search-index.json'), 'utf8'));

    for (const name of ['rebuilt', 'clean'] as const) {
      const served = await serveCommand(
        join(work, name),
        { port: 0, base: '/' },
        { stdout: () => {}, stderr: () => {} },
      );
      sites[name] = served.url ?? '';
      if (served.close) closers.push(served.close);
    }
    browser = await launchChromium();
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    for (const close of closers) await close();
    rmSync(work, { recursive: true, force: true });
  });

  /** Every result of a query, in order (all pages of results), and the status line. */
  async function search(page: Page, site: string, params: string): Promise<{ status: string; paths: string[] }> {
    await page.goto(`${site}search/?${params}`);
    const list = page.locator('[data-search-results][aria-busy="false"]');
    await list.waitFor({ state: 'attached' });
    const more = page.locator('[data-search-more]');
    while (!(await more.evaluate((button) => (button as HTMLButtonElement).hidden))) {
      const shown = await page.locator('[data-search-results] > li').count();
      await more.evaluate((button) => (button as HTMLButtonElement).click());
      await page.waitForFunction(
        (count) =>
          document.querySelectorAll('[data-search-results] > li').length > count &&
          document.querySelector('[data-search-results]')?.getAttribute('aria-busy') === 'false',
        shown,
      );
    }
    const paths = (
      await page
        .locator('[data-search-results] > li h3 a')
        .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''))
    ).map((href) => new URL(href, site).pathname.slice(1));
    return { status: (await page.locator('[data-search-status]').textContent()) ?? '', paths };
  }

  it('indexed apart only the pages of the days that changed', () => {
    expect(searchIndex).toMatchObject({ delta: { bundle: 'pagefind-delta/' } });
    const superseded = (searchIndex as { delta: { superseded: string[] } }).delta.superseded;
    expect(superseded.length).toBeGreaterThan(0);
    expect(superseded.every((epoch) => /^\d{4}-\d{2}-\d{2}$/.test(epoch))).toBe(true);
  });

  it('answers every query as a clean build of the same export does', async () => {
    const queries = [
      'q=quokkaword',
      'q=quaggaword',
      'q=generated+export',
      'q=generated+export&sort=newest',
      'q=generated+export&sort=oldest',
      'type=change&sort=newest',
      'type=change&sort=oldest',
      'q=windows&sort=newest',
    ];
    const context = await browser.newContext();
    const { page, problems } = await watchPage(context, sites.rebuilt);
    const cleanContext = await browser.newContext();
    const clean = await cleanContext.newPage();
    for (const query of queries) {
      const rebuilt = await search(page, sites.rebuilt, query);
      const expected = await search(clean, sites.clean, query);
      if (query.includes('sort=')) expect(rebuilt, query).toEqual(expected);
      else
        expect({ ...rebuilt, paths: [...rebuilt.paths].sort() }, query).toEqual({
          ...expected,
          paths: [...expected.paths].sort(),
        });
    }
    expect((await search(page, sites.rebuilt, 'q=quokkaword')).paths).toEqual([changedPage]);
    expect((await search(page, sites.rebuilt, 'q=quaggaword')).paths).toEqual([]);
    expect((await search(page, sites.rebuilt, 'q=generated+export')).paths.length).toBe(60);
    expect(problems).toEqual([]);
    await context.close();
    await cleanContext.close();
  }, 300_000);
});
