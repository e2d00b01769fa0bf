import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { signatureSlug } from '../../src/lib/slug.ts';
import { launchChromium } from './support/chromium.ts';
import { e2eSite } from './support/site.ts';
import { openVisit, type Visit } from './support/visit.ts';

const site = e2eSite();
const changeId = 'I14f6e1718976b9f792fe28ab8aa309e4a61fdf32';
const valueEviction = `failures/${signatureSlug('ctest:ep_testsuite.value_eviction')}/`;
const hostileId = 'I99999999aaaabbbbccccddddeeeeffff00001111';

/**
 * Waits until the latest search has drawn its results, and returns its announcement. The results list is
 * `aria-busy` from the moment the query changes (in the same task as the change event), so an earlier search's
 * results are never taken for the new ones.
 */
async function settledStatus(page: Page): Promise<string> {
  await page.locator('[data-search-results][aria-busy="false"]').waitFor({ state: 'attached' });
  return (await page.locator('[data-search-status]').textContent()) ?? '';
}

/** The result linking to a page, by the page's path under the site. */
function resultFor(page: Page, path: string) {
  return page.locator('[data-search-results] > li', { has: page.locator(`h3 a[href="${path}"]`) });
}

function filterBox(page: Page, filter: string, label: string) {
  return page.locator(`fieldset[data-filter="${filter}"] label`, { hasText: label }).locator('input');
}

describe.skipIf(site.url === null)('the search page, in Chromium', () => {
  const url = site.url ?? '';
  const base = site.url === null ? '/' : site.base;
  let browser: Browser;
  let visit: Visit;

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    await visit.close();
    expect(visit.problems).toEqual([]);
  });

  it('takes the query from ?q= and finds the signature of a test, with the changes it failed on linking to the failure', async () => {
    visit = await openVisit(browser, url);
    const { page } = visit;
    const bundle = page.waitForRequest(`${url}pagefind/pagefind.js`);
    await page.goto(`${url}search/?q=ep_testsuite.value_eviction`);
    await bundle;
    expect(await page.getByLabel('Search changes, failures and review messages').inputValue()).toBe(
      'ep_testsuite.value_eviction',
    );
    expect(await settledStatus(page)).toMatch(/^\d+ results? for “ep_testsuite\.value_eviction”\.$/);
    expect(await page.locator('h1').allTextContents()).toEqual(['Search']);
    expect(await page.getByRole('search').count()).toBe(1);
    expect(await page.getByLabel('Sort by').inputValue()).toBe('');
    // Pagefind's filter index is loaded when the reader first filters: until then a query shows no counts.
    const platform = page.getByRole('group', { name: 'Platform' });
    expect(await platform.getByRole('checkbox', { name: /^windows$/ }).count()).toBe(1);
    expect(await page.locator('[data-search-status]').getAttribute('aria-live')).toBe('polite');

    const result = page.locator('[data-search-results] > li').first();
    expect(await result.locator('h3 a').getAttribute('href')).toBe(`${base}${valueEviction}`);
    expect(await result.locator('h3').textContent()).toBe('CTest failure: ep_testsuite.value_eviction');
    expect(await result.locator('.result-type').textContent()).toBe('CTest failure signature · 1 change');
    expect(await result.locator('.sub-result').allTextContents()).toEqual([
      'MB-26887: Remove the use of sendmsg [4/7] · patch set 25 · kv_engine-windows-master #9403 · 2018-05-25',
    ]);
    const best = result.locator('.sub-result.best a');
    expect(await best.getAttribute('href')).toBe(`${base}changes/${changeId}/#run-kv_engine-windows-master-9403-f1`);
    expect(await result.locator('mark').allTextContents()).toContain('ep_testsuite.value_eviction');
    expect(await result.locator('.result-partial').count()).toBe(0);
  });

  it('says so when no page holds a word of the query, and Pagefind answered with a shorter word', async () => {
    visit = await openVisit(browser, url);
    const { page } = visit;
    // No page has `ep_testsuite.value_evictionXYZ`; the signature pages' index answers with the page of
    // `ep_testsuitevalue_eviction`, the change pages' with pages of a word of two or three letters: only the
    // closest answer is shown.
    await page.goto(`${url}search/?q=ep_testsuite.value_evictionXYZ`);
    expect(await settledStatus(page)).toBe(
      'No results for “ep_testsuite.value_evictionXYZ”. 1 page matches part of it.',
    );
    const result = page.locator('[data-search-results] > li');
    expect(await result.locator('h3 a').getAttribute('href')).toBe(`${base}${valueEviction}`);
    expect(await result.locator('.result-partial').textContent()).toBe('Holds only part of the query');
    // A word that no page has at all is dropped by Pagefind, which then answers with the other words' pages.
    await page.goto(`${url}search/?q=${encodeURIComponent('value_eviction zqxjkvw')}`);
    expect(await settledStatus(page)).toMatch(
      /^No results for “value_eviction zqxjkvw”\. \d+ pages? match(es)? part of it\.$/,
    );
  });

  it('searches as the reader types, applies filters and sorting, and keeps them in the URL', async () => {
    visit = await openVisit(browser, url);
    const { page } = visit;
    await page.goto(`${url}search/`);
    await page.locator('[data-search-status]', { hasText: 'Type a test name' }).waitFor();
    // Before a query, the counts of the whole index, written into the page by the build.
    const windows = page.getByRole('group', { name: 'Platform' }).getByRole('checkbox', { name: /^windows/ });
    expect(await windows.getAttribute('value')).toBe('windows');
    expect(await page.locator('fieldset[data-filter="type"] label', { hasText: 'Changes' }).textContent()).toMatch(
      /^ Changes \(\d+\)$/,
    );
    await page.locator('#search-query').fill('ep_testsuite.value_eviction');
    await page.waitForFunction(() => window.location.search === '?q=ep_testsuite.value_eviction');
    expect(await settledStatus(page)).toContain('for “ep_testsuite.value_eviction”');

    await filterBox(page, 'platform', 'windows').check();
    await page.waitForFunction(() => new URLSearchParams(window.location.search).get('platform') === 'windows');
    expect(await settledStatus(page)).toMatch(/with the chosen filters\.$/);
    expect(await resultFor(page, `${base}${valueEviction}`).count()).toBe(1);
    expect(await page.locator('[data-search-filter-summary]').textContent()).toBe('Filters (1 chosen)');
    expect(
      await page
        .getByRole('group', { name: 'Page' })
        .getByRole('checkbox')
        .evaluateAll((boxes) => boxes.map((box) => box.parentElement?.textContent)),
    ).toEqual([' Changes (0)', ' Failure signatures (1)']);

    await filterBox(page, 'outcome', 'Merged').check();
    expect(await settledStatus(page)).toMatch(
      /^No results for “ep_testsuite\.value_eviction” with the chosen filters\.$/,
    );
    expect(await page.locator('[data-search-results] > li').count()).toBe(0);
    await filterBox(page, 'outcome', 'Merged').uncheck();
    await settledStatus(page);
    expect(await resultFor(page, `${base}${valueEviction}`).count()).toBe(1);

    await page.locator('#search-sort').selectOption('newest');
    await page.waitForFunction(() => new URLSearchParams(window.location.search).get('sort') === 'newest');
    expect(await settledStatus(page)).toMatch(/, newest first\.$/);
    expect(new URL(page.url()).search).toBe('?q=ep_testsuite.value_eviction&sort=newest&platform=windows');

    // The URL is shareable: opening it restores the query, the filter and the order.
    await page.goto(page.url());
    expect(await page.locator('#search-query').inputValue()).toBe('ep_testsuite.value_eviction');
    expect(await page.locator('#search-sort').inputValue()).toBe('newest');
    await settledStatus(page);
    expect(await filterBox(page, 'platform', 'windows').isChecked()).toBe(true);
    expect(await resultFor(page, `${base}${valueEviction}`).count()).toBe(1);
  });

  it('lists pages by filter alone, with the counts of the index', async () => {
    visit = await openVisit(browser, url);
    const { page } = visit;
    await page.goto(`${url}search/?flaky=yes&type=change`);
    expect(await settledStatus(page)).toMatch(/ with the chosen filters\.$/);
    expect(await resultFor(page, `${base}changes/${changeId}/`).count()).toBe(1);
    expect(await resultFor(page, `${base}changes/${hostileId}/`).count()).toBe(0);
    const flaky = page.locator('fieldset[data-filter="flaky"] label', { hasText: 'Flaky' }).first();
    expect(await flaky.locator('.filter-count').textContent()).toMatch(/^\(\d+\)$/);
  });

  it('follows the newest change of a signature to the failure on its change page', async () => {
    visit = await openVisit(browser, url);
    const { page } = visit;
    await page.goto(`${url}search/?q=ep_testsuite.value_eviction&type=failure`);
    await settledStatus(page);
    await resultFor(page, `${base}${valueEviction}`).locator('.sub-result.best a').click();
    await page.waitForURL(`${url}changes/${changeId}/#run-kv_engine-windows-master-9403-f1`);
    const target = page.locator(':target');
    expect(await target.evaluate((element) => element.tagName)).toBe('H4');
    expect(await target.locator('code').textContent()).toBe('ctest:ep_testsuite.value_eviction');
    expect(await target.locator('.badge.flaky').textContent()).toBe('flaky');
  });

  it.runIf(site.url !== null && site.failurePages)('follows a result to its failure page', async () => {
    visit = await openVisit(browser, url);
    const { page } = visit;
    await page.goto(`${url}search/?q=ep_testsuite.value_eviction&type=failure`);
    await settledStatus(page);
    const link = page.locator('[data-search-results] > li h3 a').first();
    expect(await link.getAttribute('href')).toMatch(new RegExp(`^${base}failures/[a-z0-9-]+/$`));
    await link.click();
    await page.waitForURL(new RegExp(`${base}failures/[a-z0-9-]+/$`));
    expect(await page.locator('h1').count()).toBe(1);
    expect(await page.locator('main').textContent()).toContain('ep_testsuite.value_eviction');
  });

  it('shows review text that tries to inject markup as text, in results and on the page', async () => {
    visit = await openVisit(browser, url);
    const { page } = visit;
    await page.goto(`${url}search/?q=zanzibarquux`);
    await settledStatus(page);
    const result = resultFor(page, `${base}changes/${hostileId}/`);
    expect(await result.locator('h3').textContent()).toBe('MB-99999: Sanitize <b>review</b> text & links [1/1]');
    expect(await result.locator('mark').allTextContents()).toContain('zanzibarquux');
    const elements = await page
      .locator('[data-search-results]')
      .evaluate((list) => [...new Set([...list.querySelectorAll('*')].map((element) => element.tagName))].sort());
    expect(elements.filter((tag) => !['A', 'H3', 'LI', 'MARK', 'P', 'SPAN', 'UL'].includes(tag))).toEqual([]);
    const author = page.locator('fieldset[data-filter="author"] label', { hasText: 'Mallory' });
    expect(await author.locator('span').first().textContent()).toBe('Mallory <script>alert(1)</script>');

    await result.locator('h3 a').click();
    await page.waitForURL(`${url}changes/${hostileId}/`);
    expect(await page.locator('script, iframe, img, object, embed').count()).toBe(0);
    expect(await page.locator('a[href^="javascript:" i]').count()).toBe(0);
    expect(await page.locator('main').textContent()).toContain('<iframe src="javascript:alert(1)"></iframe>');
  });

  it('loads its script from a file, as the Content-Security-Policy requires', async () => {
    visit = await openVisit(browser, url);
    const { page } = visit;
    await page.goto(`${url}search/`);
    const scripts = await page
      .locator('script')
      .evaluateAll((elements) =>
        elements.map((script) => ({ src: script.getAttribute('src'), inline: script.textContent?.trim() ?? '' })),
      );
    expect(scripts).toHaveLength(1);
    expect(scripts[0]?.src).toMatch(new RegExp(`^${base}_astro/[\\w.-]+\\.js$`));
    expect(scripts[0]?.inline).toBe('');
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
  });

  it('says that search needs JavaScript, and links to the failure index, when scripts are off', async () => {
    visit = await openVisit(browser, url, { javaScriptEnabled: false });
    const { page } = visit;
    await page.goto(`${url}search/?q=ep_testsuite.value_eviction`);
    const notice = page.locator('main p', { hasText: 'needs JavaScript' });
    expect(await notice.isVisible()).toBe(true);
    expect(await notice.textContent()).toMatch(
      /Search runs in your browser and needs JavaScript\. Without it, browse the failure index/,
    );
    expect(await notice.locator('a', { hasText: 'failure index' }).getAttribute('href')).toBe(`${base}failures/`);
    expect(await page.locator('form[role="search"]').isVisible()).toBe(false);
  });
});
