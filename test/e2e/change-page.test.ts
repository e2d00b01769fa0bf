import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/chromium.ts';
import { e2eSite } from './support/site.ts';
import { openVisit, type Visit } from './support/visit.ts';

const site = e2eSite();
const changeId = 'I14f6e1718976b9f792fe28ab8aa309e4a61fdf32';
const tsan = 'sanitizer:ThreadSanitizer:heap-use-after-free:kv_engine/daemon/cookie.h:156';

/** A cell of the build matrix as a reader sees it. */
async function matrixCell(page: Page, patchSet: number, job: string) {
  return page.evaluate(
    ({ patchSet, job }) => {
      const table = document.querySelector('table.build-matrix');
      const columns = [...(table?.querySelectorAll('thead th') ?? [])].map((th) => th.textContent?.trim());
      const row = [...(table?.querySelectorAll('tbody tr') ?? [])].find(
        (tr) => tr.querySelector('th')?.textContent?.trim() === String(patchSet),
      );
      const cell = row?.children[columns.indexOf(job)];
      if (!cell) return null;
      return {
        runs: [...cell.querySelectorAll('.runs > li > a.badge')].map((a) => a.textContent?.trim()),
        failureLinks: [...cell.querySelectorAll('a.run-failures')].map((a) => a.getAttribute('href')),
        differs: cell.classList.contains('disagree'),
        marker: cell.querySelector(':scope > .badge.flaky')?.textContent?.trim() ?? null,
      };
    },
    { patchSet, job },
  );
}

describe.skipIf(site.url === null)('the change page of the seed change, in Chromium', () => {
  const url = site.url ?? '';
  const changeUrl = `${url}changes/${changeId}/`;
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

  it('opens with the subject as its only h1 and runs no script', async () => {
    visit = await openVisit(browser, url);
    const { page } = visit;
    await page.goto(changeUrl);
    expect(await page.locator('h1').allTextContents()).toEqual(['MB-26887: Remove the use of sendmsg [4/7]']);
    expect(await page.title()).toBe('MB-26887: Remove the use of sendmsg [4/7] · Review reports');
    expect(await page.locator('script').count()).toBe(0);
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toContain("script-src 'none'");
  });

  it('shows the windows rebuilds of patch set 25 in one cell, marked as differing', async () => {
    visit = await openVisit(browser, url);
    await visit.page.goto(changeUrl);
    expect(await matrixCell(visit.page, 25, 'kv_engine-windows-master')).toEqual({
      runs: [
        '#9403 FAILURE',
        '#9412 FAILURE',
        '#9413 FAILURE',
        '#9414 FAILURE',
        '#9415 FAILURE',
        '#9416 FAILURE',
        '#9417 FAILURE',
      ],
      failureLinks: [9403, 9412, 9413, 9414, 9415, 9416, 9417].map((build) => `#run-kv_engine-windows-master-${build}`),
      differs: true,
      marker: '⟳ differs',
    });
    expect(await matrixCell(visit.page, 25, 'kv_engine-threadsanitizer-master')).toMatchObject({
      runs: ['#1273 FAILURE', '#1286 SUCCESS'],
      differs: true,
    });
    expect(await matrixCell(visit.page, 25, 'kv_engine-linux-master')).toEqual({
      runs: ['#9490 SUCCESS'],
      failureLinks: [],
      differs: false,
      marker: null,
    });
  });

  it('links each run of the matrix to its Jenkins build and to its failures', async () => {
    visit = await openVisit(browser, url);
    const { page } = visit;
    await page.goto(changeUrl);
    const run = page.locator('table.build-matrix a.badge', { hasText: '#9412 FAILURE' });
    expect(await run.getAttribute('href')).toBe('http://cv.jenkins.couchbase.com/job/kv_engine-windows-master/9412/');
    await page.locator('table.build-matrix a[href="#run-kv_engine-windows-master-9412"]').click();
    await page.waitForFunction(() => window.location.hash === '#run-kv_engine-windows-master-9412');
    const target = page.locator(':target');
    expect(await target.evaluate((element) => element.tagName)).toBe('H3');
    expect(await target.textContent()).toContain('kv_engine-windows-master #9412');
    expect(await target.isVisible()).toBe(true);
  });

  it('lists the ThreadSanitizer heap-use-after-free at cookie.h:156 as a flaky failure', async () => {
    visit = await openVisit(browser, url);
    const { page } = visit;
    await page.goto(changeUrl);
    const failure = page.locator('li.failure', { has: page.locator('h4 code', { hasText: tsan }) });
    expect(await failure.count()).toBe(1);
    expect(await failure.locator('h4').getAttribute('id')).toBe('run-kv_engine-threadsanitizer-master-1273-f3');
    // New: the previous build the e2e site is compared with (test/fixtures/previous-build/) did not have it.
    expect(await failure.locator('h4 .badge').allTextContents()).toEqual(['Sanitizer report', 'flaky', 'new']);
    const signatureLink = await failure.locator('h4 a').getAttribute('href');
    expect(signatureLink).toMatch(new RegExp(`^${site.url === null ? '' : site.base}failures/sanitizer-[a-z0-9-]+/$`));
    const errorLine = failure.locator('.snippet .line.error-line');
    expect(await errorLine.textContent()).toBe(
      'ThreadSanitizer issue: heap-use-after-free /home/couchbase/jenkins/workspace/kv_engine-threadsanitizer-master/kv_engine/daemon/cookie.h:156 in Cookie::getConnection() const',
    );
    const run = page.locator('#run-kv_engine-threadsanitizer-master-1273');
    expect(await run.textContent()).toContain('patch set 25');
  });
});
