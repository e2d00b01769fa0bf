import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signatureSlug } from '../../src/lib/slug.ts';
import { launchChromium } from './support/chromium.ts';
import { e2eSite } from './support/site.ts';
import { openVisit, type Visit } from './support/visit.ts';

const site = e2eSite();
const change = 'changes/I14f6e1718976b9f792fe28ab8aa309e4a61fdf32/';
const failure = (signature: string) => `failures/${signatureSlug(signature)}/`;
const persistToTest = failure('ctest:memcached_testapp.ep.CleanOrUnclean/PersistToTest');
const engineTestapp = failure('compile:kv_engine/programs/engine_testapp/engine_testapp.cc:898');
const cookie = failure('sanitizer:ThreadSanitizer:heap-use-after-free:kv_engine/daemon/cookie.h:156');

/**
 * The query classes on the fixture site (the smaller twin of `npm run bench:search`): what an engineer
 * pastes, and the page that must be the first result.
 */
const firstResults: Array<[query: string, path: string]> = [
  ['memcached_testapp.ep.CleanOrUnclean/PersistToTest', persistToTest],
  ['PersistToTest', persistToTest],
  ['CleanOrUnclean', persistToTest],
  ['engine_testapp.cc', engineTestapp],
  ['engine_testapp', engineTestapp],
  ['kv_engine/programs/engine_testapp/engine_testapp.cc:898', engineTestapp],
  ['kv_engine/daemon/cookie.h', cookie],
  ['cookie.h:156', cookie],
  ['heap-use-after-free', cookie],
  ['Cookie::getConnection', cookie],
  ['C2440', failure('compile:kv_engine/engines/ep/src/ep_engine.cc:1752')],
  ['MB-26887', change],
  ['I14f6e1718976b9f792fe28ab8aa309e4a61fdf32', change],
  ['I14f6e171', change],
];

/** Runs a query through the search page and returns the paths of its results, in order. */
async function resultPaths(page: Page, url: string, query: string): Promise<string[]> {
  await page.goto(`${url}search/?q=${encodeURIComponent(query)}`);
  await page.locator('[data-search-results][aria-busy="false"]').waitFor({ state: 'attached' });
  const hrefs = await page
    .locator('[data-search-results] > li h3 a')
    .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
  return hrefs.map((href) => new URL(href, url).pathname.slice(new URL(url).pathname.length));
}

describe.skipIf(site.url === null)('search relevance on the fixture site, in Chromium', () => {
  const url = site.url ?? '';
  let browser: Browser;
  let visit: Visit;

  beforeAll(async () => {
    browser = await launchChromium();
    visit = await openVisit(browser, url);
  });
  afterAll(async () => {
    await visit?.close();
    await browser?.close();
    expect(visit.problems).toEqual([]);
  });

  it('puts the page that answers each kind of query first', async () => {
    const firsts: Array<[string, string | undefined]> = [];
    for (const [query] of firstResults) firsts.push([query, (await resultPaths(visit.page, url, query))[0]]);
    expect(firsts).toEqual(firstResults);
  });
});
