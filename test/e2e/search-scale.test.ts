import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { benchQueries } from '../../bench/search-queries.ts';
import { generateExport } from '../../scripts/generate-export.ts';
import { serveCommand } from '../../src/cli/serve-command.ts';
import { parseExport } from '../../src/lib/parse-export.ts';
import { runCli } from './support/build-site.ts';
import { hasChromium, launchChromium } from './support/chromium.ts';
import { inCI } from './support/ci.ts';

/**
 * The size where search first lost words: built with `includeCharacters: '_-./:#'` and failures indexed on
 * change pages, a generated export of 1,000 changes already answered `C2440` and `engine_testapp` with
 * nothing, as the 10k export did `PersistToTest` too (Pagefind matches a query word only among the words of
 * the one index chunk its range falls in; README § Search). The 302-change sample still found them.
 */
const changes = 1000;
const classes = [
  'test name, whole',
  'test name, last part',
  'test name, middle part',
  'test name, first part',
  'signature (timeout)',
  'source file',
  'source file, no extension',
  'path',
  'file:line',
  'compiler error code',
  'sanitizer issue type',
  'function',
  'job name',
  'ticket',
  'Change-Id, first 9 characters',
];

describe.skipIf(!hasChromium() && !inCI())(`search on a ${changes}-change export, in Chromium`, () => {
  const work = mkdtempSync(join(tmpdir(), 'review-reports-search-scale-'));
  const exportDir = join(work, 'export');
  let browser: Browser;
  let url = '';
  let close: (() => Promise<void>) | undefined;
  let site = '';

  beforeAll(async () => {
    for (const file of generateExport({ changes, seed: 7 })) {
      mkdirSync(join(exportDir, file.path, '..'), { recursive: true });
      writeFileSync(join(exportDir, file.path), file.content);
    }
    const out = join(work, 'site');
    // Parts far smaller than the default, so that this export's index is made of seven (README § Search).
    const config = join(work, 'review-reports.config.json');
    writeFileSync(config, JSON.stringify({ searchParts: { large: 256, small: 64 } }));
    const built = await runCli([
      'build',
      exportDir,
      '--out',
      out,
      '--config',
      config,
      '--cache-dir',
      join(work, 'cache'),
      '--quiet',
    ]);
    if (built.code !== 0) throw new Error(`build failed:\n${built.stderr}`);
    const served = await serveCommand(out, { port: 0, base: '/' }, { stdout: () => {}, stderr: () => {} });
    url = served.url ?? '';
    close = served.close;
    browser = await launchChromium();
    site = out;
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await close?.();
    rmSync(work, { recursive: true, force: true });
  });

  it('answers every kind of query with its page, signatures with their newest changes', async () => {
    const queries = benchQueries(parseExport(exportDir)).filter((query) => classes.includes(query.what));
    expect(queries.map((query) => query.what)).toEqual(classes);
    const context = await browser.newContext();
    const page = await context.newPage();
    const missed: string[] = [];
    for (const query of queries) {
      await page.goto(`${url}search/?q=${encodeURIComponent(query.query)}`);
      await page.locator('[data-search-results][aria-busy="false"]').waitFor({ state: 'attached' });
      const results = page.locator('[data-search-results] > li');
      const paths = (
        await results.locator('h3 a').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''))
      ).map((href) => new URL(href, url).pathname.slice(1));
      const rank = paths.findIndex((path) => query.answers.includes(path)) + 1;
      if (query.answers.length === 0 || rank === 0 || rank > query.within)
        missed.push(`${query.query}: ${paths.slice(0, 5).join(', ')}`);
      const expectedRows = query.newestChanges[paths[0] ?? ''];
      if (expectedRows) {
        const rows = await results
          .first()
          .locator('.sub-results a')
          .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
        const listed = rows.map((href) => new URL(href, url).pathname.slice(1));
        if (listed.join() !== expectedRows.join()) missed.push(`${query.query}: rows ${listed.join(', ')}`);
      }
    }
    await context.close();
    expect(missed).toEqual([]);
  }, 300_000);

  it('is indexed in parts, and sorts by date across them as one index would', async () => {
    expect(JSON.parse(readFileSync(join(site, 'pagefind/parts.json'), 'utf8'))).toEqual({
      version: 2,
      parts: ['part/c0/', 'part/c256/', 'part/c512/', 'part/c768/', 'part/c832/', 'part/c896/'],
      superseded: {},
    });
    const model = parseExport(exportDir);
    const dateOf = new Map(model.changes.map((change) => [change.slug, change.lastActivity ?? '']));
    const dates = [...dateOf.values()].sort();
    const context = await browser.newContext();
    const page = await context.newPage();
    // The newest changes are in the site's own index, the oldest in the part merged first: neither order is the
    // indexes' order.
    for (const [sort, expected] of [
      ['newest', dates.toReversed().slice(0, 10)],
      ['oldest', dates.slice(0, 10)],
    ] as const) {
      await page.goto(`${url}search/?type=change&sort=${sort}`);
      await page.locator('[data-search-results][aria-busy="false"]').waitFor({ state: 'attached' });
      const slugs = (
        await page
          .locator('[data-search-results] > li h3 a')
          .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''))
      ).map((href) => decodeURIComponent(new URL(href, url).pathname.split('/')[2] ?? ''));
      expect(await page.locator('[data-search-status]').textContent()).toBe(
        `${changes.toLocaleString('en-US')} results with the chosen filters, ${sort} first.`,
      );
      expect(slugs.map((slug) => dateOf.get(slug))).toEqual(expected);
    }
    await context.close();
  }, 120_000);

  it('answers a name, a file:line and a ticket that no page holds with no results, and the pages that match part', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const statuses: string[] = [];
    // Each begins with an index word (a test name, a header, the ticket prefix) that Pagefind falls back to.
    for (const query of ['CleanOrUnclean/PersistToTestXyz', 'cookie.h:99999', 'MB-999999']) {
      await page.goto(`${url}search/?q=${encodeURIComponent(query)}`);
      await page.locator('[data-search-results][aria-busy="false"]').waitFor({ state: 'attached' });
      statuses.push(((await page.locator('[data-search-status]').textContent()) ?? '').replace(/\d[\d,]*/g, 'N'));
    }
    await context.close();
    expect(statuses).toEqual([
      'No results for “CleanOrUnclean/PersistToTestXyz”. N pages match part of it.',
      'No results for “cookie.h:N”. N pages match part of it.',
      'No results for “MB-N”. N pages match part of it.',
    ]);
  }, 120_000);
});
