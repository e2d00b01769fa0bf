import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveCommand } from '../../src/cli/serve-command.ts';
import { projectRoot, runCli } from './support/build-site.ts';
import { hasChromium, launchChromium } from './support/chromium.ts';
import { inCI } from './support/ci.ts';
import { watchPage } from './support/watch-page.ts';

const cropChange = 'Ie1f2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4';
const seedChange = 'I14f6e1718976b9f792fe28ab8aa309e4a61fdf32';

if (!hasChromium() && inCI()) throw new Error('sharded-site tests need /usr/bin/chromium in CI');

/**
 * Two shards built independently (as two CI jobs would), published side by side under one host: `/a/` from the
 * seed dumps, `/b/` from a CROP-layout dump. Each shard's search merges the other's index.
 */
describe.skipIf(!hasChromium())('a site built in two shards', () => {
  const work = mkdtempSync(join(tmpdir(), 'review-reports-shards-'));
  const root = join(work, 'site');
  let url = '';
  let close: (() => Promise<void>) | undefined;
  let browser: Browser;

  beforeAll(async () => {
    const shardB = join(work, 'export-b');
    mkdirSync(shardB, { recursive: true });
    copyFileSync(join(projectRoot, 'test/fixtures/dumps/crop-build/input.txt'), join(shardB, 'crop-build.txt'));
    const shards = '/a/,/b/';
    const builds = await Promise.all([
      runCli([
        'build',
        'test/fixtures/seeds',
        '--out',
        join(root, 'a'),
        '--base',
        '/a/',
        '--search-shards',
        shards,
        '--cache-dir',
        join(work, 'cache-a'),
        '--quiet',
      ]),
      runCli([
        'build',
        shardB,
        '--out',
        join(root, 'b'),
        '--base',
        '/b/',
        '--search-shards',
        shards,
        '--cache-dir',
        join(work, 'cache-b'),
        '--quiet',
      ]),
    ]);
    for (const build of builds) expect(build.stderr).toBe('');
    expect(builds.map((build) => build.code)).toEqual([0, 0]);
    const served = await serveCommand(root, { port: 0, base: '/' }, { stdout: () => {}, stderr: () => {} });
    url = (served.url ?? '').replace(/\/$/, '');
    close = served.close;
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await close?.();
    rmSync(work, { recursive: true, force: true });
  });

  it("finds the other shard's change from one shard's search, and its link works", async () => {
    const context = await browser.newContext();
    const { page, problems } = await watchPage(context, url);
    await page.goto(`${url}/a/search/?q=portable`);
    await page.locator('[data-search-results][aria-busy="false"]').waitFor({ state: 'attached' });
    const links = await page
      .locator('[data-search-results] > li h3 a')
      .evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href')));
    // The change, and the signature of the compile error whose cause says it (failures are searched there).
    expect(links.filter((link) => link?.includes('/changes/'))).toEqual([`/b/changes/${cropChange}/`]);
    await page.locator(`[data-search-results] > li h3 a[href="/b/changes/${cropChange}/"]`).click();
    await expect(page.locator('h1').textContent()).resolves.toBe('MB-29800: Windows: use the portable socket close');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('answers with the shard that holds a word, not with the pages of a shorter word in the other', async () => {
    const context = await browser.newContext();
    const { page, problems } = await watchPage(context, url);
    // Only shard a has MB-26887; shard b's index, which has MB-29800, answers it with the shorter word `mb`.
    await page.goto(`${url}/b/search/?q=MB-26887`);
    await page.locator('[data-search-results][aria-busy="false"]').waitFor({ state: 'attached' });
    expect(await page.locator('[data-search-status]').textContent()).toBe('1 result for “MB-26887”.');
    const links = await page
      .locator('[data-search-results] > li h3 a')
      .evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href') ?? ''));
    expect(links).toEqual([`/a/changes/${seedChange}/`]);
    expect(await page.locator('.result-partial').count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("finds each shard's own and the other shard's failures with one query", async () => {
    const context = await browser.newContext();
    const { page, problems } = await watchPage(context, url);
    await page.goto(`${url}/b/search/?q=windows`);
    await page.locator('[data-search-results][aria-busy="false"]').waitFor({ state: 'attached' });
    const links = await page
      .locator('[data-search-results] > li h3 a')
      .evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href') ?? ''));
    // Failures are searched on their signature pages: one shard's and the other's.
    expect(links.some((link) => link.startsWith('/a/failures/'))).toBe(true);
    expect(links.some((link) => link.startsWith('/b/failures/'))).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });
});
