import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/chromium.ts';
import { e2eSite } from './support/site.ts';
import { openVisit, type Visit } from './support/visit.ts';

const site = e2eSite();
const sasl = 'ctest:memcached_testapp.ep.TransportProtocols/SaslTest';

/** The signatures of each group of the `/new/` page, and whether each links to a page. */
async function newGroups(page: Page) {
  return page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll('table[data-since-group]')].map((table) => [
        table.getAttribute('data-since-group'),
        [...table.querySelectorAll('tr[data-signature]')].map((row) => [
          row.getAttribute('data-signature'),
          row.querySelector('td a') !== null,
        ]),
      ]),
    ),
  );
}

/** The signatures of a failure index view, in order. */
async function indexRows(page: Page) {
  return page.locator('table.signature-table tbody tr td:first-child > a').allTextContents();
}

/**
 * The e2e site is built with the seeds' known issues (`test/fixtures/known-issues/`) and compared with a previous
 * build (`test/fixtures/previous-build/`) that had three of the seed signatures and one that is gone.
 */
describe.skipIf(site.url === null)('known issues and what is new, in Chromium', () => {
  const url = site.url ?? '';
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

  it('lists on /new/ the signatures the previous build did not have, the newly flaky and the gone one', async () => {
    visit = await openVisit(browser, url);
    const { page } = visit;
    await page.goto(`${url}new/`);
    expect(await page.locator('h1').allTextContents()).toEqual(['New since the last export']);
    expect(await page.locator('main p').first().textContent()).toContain('2018-05-26 00:00 UTC');
    const groups = await newGroups(page);
    expect(groups['newly-flaky']).toEqual([
      ['gtest', true],
      ['ctest:ep_testsuite.value_eviction', true],
    ]);
    // Gone, and not in this export: named, with its title as text, and no link to a page that does not exist.
    expect(groups.gone).toEqual([['ctest:retired.test', false]]);
    expect(await page.locator('tr[data-signature="ctest:retired.test"] td').first().textContent()).toContain(
      'retired.test <em>gone</em>',
    );
    expect(groups.new).toHaveLength(9);
    expect(groups.new?.[0]).toEqual([sasl, true]);
    expect(groups.back).toBeUndefined();
    expect(await page.locator('h2').allTextContents()).toEqual(['New (9)', 'Back (0)', 'Newly flaky (2)', 'Gone (1)']);

    // The first occurrence links to the run on its change page.
    await page.locator(`tr[data-signature="${sasl}"] td.date a`).click();
    await page.waitForURL(/\/changes\/I14f6e1718976b9f792fe28ab8aa309e4a61fdf32\/#run-kv_engine-windows-master-9417$/);
    expect(await page.locator(':target').evaluate((element) => element.tagName)).toBe('H3');
    // And there its failure carries the badges: new, its known issue, regressed.
    const badges = await page.locator('#run-kv_engine-windows-master-9417 + ol.failures h4 .badge').allTextContents();
    expect(badges).toEqual(['CTest failure', 'flaky', 'new', 'MB-30002 · fixed', 'regressed']);
  });

  it('shows a regressed known issue on its signature page, with the run that failed after the fix', async () => {
    visit = await openVisit(browser, url);
    const { page } = visit;
    await page.goto(`${url}failures/`);
    await page
      .locator('table.signature-table a', { hasText: /^memcached_testapp\.ep\.TransportProtocols\/SaslTest$/ })
      .click();
    expect(await page.locator('.eyebrow .badge').allTextContents()).toEqual([
      'CTest failure',
      'flaky',
      'new',
      'MB-30002 · fixed',
      'regressed',
    ]);
    const known = page.locator('section.known-issue');
    expect(await known.getAttribute('data-known-issue')).toBe('fixed');
    expect((await known.locator('p').first().textContent())?.replace(/\s+/g, ' ').trim()).toBe(
      'MB-30002, fixed on 2018-05-28 (matched by the pattern ^ctest:memcached_testapp\\.ep\\.). Fixed by raising the timeout.',
    );
    expect((await known.locator('.regressed-note').textContent())?.replace(/\s+/g, ' ').trim()).toBe(
      'regressed It failed again after the fix: 2018-05-29 05:20 UTC, kv_engine-windows-master #9417.',
    );
    expect(await page.locator('[data-figure]').allTextContents()).toEqual([
      '0',
      '0',
      '0',
      '1',
      'not known',
      '↓ falling: 0 in the last 7 days, 1 in the 28 before',
    ]);
  });

  it('shows a known issue’s note as text, never as markup', async () => {
    visit = await openVisit(browser, url);
    const { page } = visit;
    await page.goto(`${url}failures/`);
    await page.locator('table.signature-table a', { hasText: /^GoogleTest failure$/ }).click();
    const known = page.locator('section.known-issue');
    expect(await known.locator('p').first().textContent()).toContain('GoogleTest binaries <b>crash</b> on Windows.');
    expect(await known.locator('b').count()).toBe(0);
    expect(await page.locator('[data-figure="rebuilds"]').textContent()).toBe('3');
    expect(await page.locator('#chart-signature-weekly-title').textContent()).toBe('Occurrences per week');
  });

  it('sorts the failure index by impact and filters it by known issue', async () => {
    visit = await openVisit(browser, url);
    const { page } = visit;
    await page.goto(`${url}failures/`);
    expect((await indexRows(page)).slice(0, 3)).toEqual([
      'GoogleTest failure',
      'memcached-legacy-plain-tests',
      'memcached_testapp.ep.CleanOrUnclean/PersistToTest',
    ]);
    await page.locator('nav[aria-label="Filter the index"] a', { hasText: /^Known issue$/ }).click();
    await page.waitForURL(/\/failures\/known\/$/);
    expect(await indexRows(page)).toEqual([
      'GoogleTest failure',
      'memcached-legacy-plain-tests',
      'memcached_testapp.ep.CleanOrUnclean/PersistToTest',
      'memcached_testapp.ep.TransportProtocols/XattrTest',
      'memcached_testapp.ep.TransportProtocols/SaslTest',
    ]);
    expect(await page.locator('table.signature-table .badge.known').allTextContents()).toEqual([
      'MB-30001 · open',
      'MB-30003 · wontfix',
      'MB-30002 · fixed',
      'MB-30002 · fixed',
      'MB-30002 · fixed',
    ]);
    await page.locator('nav[aria-label="Filter the index"] a', { hasText: /^No known issue$/ }).click();
    await page.waitForURL(/\/failures\/unknown\/$/);
    expect(await indexRows(page)).toHaveLength(7);
    expect(await page.locator('table.signature-table .badge.known').count()).toBe(0);
  });

  it('leads the dashboard with the top signatures by impact', async () => {
    visit = await openVisit(browser, url);
    const { page } = visit;
    await page.goto(url);
    expect((await page.locator('h2').allTextContents())[0]).toBe('Top signatures by impact');
    const first = page.locator('#top-signatures + .table-scroll tbody tr').first();
    const cells = (await first.locator('td').allTextContents()).map((text) => text.replace(/\s+/g, ' ').trim());
    expect(cells).toEqual([
      'GoogleTest failure flaky newly flaky MB-30001 · open',
      'GoogleTest failure',
      '3',
      '1',
      '1',
      // The export's newest activity is 2018-07-02 (a review without failures); one windows run on 2018-05-28 is
      // still in the four weeks before its last one.
      '↓ falling',
    ]);
  });
});
