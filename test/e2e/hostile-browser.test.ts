import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, hasChromium, launchChromium } from './support/chromium.ts';
import { inCI } from './support/ci.ts';
import { hostileSites, siteFiles, sitePages } from './support/hostile-sites.ts';
import { openVisit, type Visit } from './support/visit.ts';

const sites = hostileSites();
const site = sites.sub;
if (!hasChromium() && inCI()) throw new Error(`end-to-end tests cannot run in CI: no browser at ${chromiumPath}`);

/** What a page holds that could run script, and what it says about scripts, read from the live DOM. */
interface PageAudit {
  handlers: string[];
  scriptUrls: string[];
  csp: string[];
  scripts: number;
}

function audit(page: Page): Promise<PageAudit> {
  return page.evaluate(() => {
    const handlers: string[] = [];
    const scriptUrls: string[] = [];
    const urlAttributes = ['href', 'src', 'action', 'formaction', 'xlink:href', 'srcset', 'poster', 'data', 'cite'];
    for (const element of document.querySelectorAll('*')) {
      for (const attribute of element.attributes) {
        const name = attribute.name.toLowerCase();
        if (name.startsWith('on')) handlers.push(`<${element.localName} ${attribute.name}>`);
        // Browsers skip ASCII whitespace and control characters in a URL's scheme.
        const scheme = attribute.value.replace(/[\p{Cc} ]/gu, '').toLowerCase();
        if (urlAttributes.includes(name) && /^(?:javascript|vbscript|data):/.test(scheme)) {
          scriptUrls.push(`<${element.localName} ${attribute.name}="${attribute.value}">`);
        }
      }
    }
    for (const link of document.querySelectorAll<HTMLAnchorElement | HTMLAreaElement>('a[href], area[href]')) {
      if (link.protocol === 'javascript:') scriptUrls.push(`<${link.localName} href="${link.href}">`);
    }
    return {
      handlers,
      scriptUrls,
      csp: [...document.querySelectorAll('meta')]
        .filter((meta) => meta.httpEquiv.toLowerCase() === 'content-security-policy')
        .map((meta) => meta.content),
      scripts: document.querySelectorAll('script').length,
    };
  });
}

/** The search page once its script has run and the latest search (if any) has drawn its results. */
async function settledSearch(page: Page): Promise<void> {
  await page.locator('[data-search-results][aria-busy="false"]').waitFor({ state: 'attached' });
}

describe.skipIf(!hasChromium())('every page of the hostile site, in Chromium', () => {
  const url = site.url ?? '';
  const pages = sitePages(site.outDir).map((path) => path.replace(/index\.html$/, ''));
  let browser: Browser;
  let visit: Visit;
  const audits = new Map<string, PageAudit>();

  beforeAll(async () => {
    expect(site.code, site.stderr).toBe(0);
    browser = await launchChromium();
    visit = await openVisit(browser, url);
  }, 60_000);
  afterAll(async () => {
    await visit?.close();
    await browser?.close();
  });

  it('sees inline handlers and javascript: URLs when a page has them (the audit can fail)', async () => {
    const page = await browser.newPage();
    await page.setContent(
      '<a href=" JaVa\tScRiPt:alert(1)">a</a><img src="x.png" onerror="alert(1)"><form action="javascript:x"></form>',
    );
    expect(await audit(page)).toEqual({
      handlers: ['<img onerror>'],
      scriptUrls: [
        '<a href=" JaVa\tScRiPt:alert(1)">',
        '<form action="javascript:x">',
        '<a href="javascript:alert(1)">',
      ],
      csp: [],
      scripts: 0,
    });
    await page.close();
  });

  it('opens every page with no dialog, console error, failed request or request leaving localhost', async () => {
    expect(pages.length).toBeGreaterThan(100);
    for (const path of pages) {
      const response = await visit.page.goto(`${url}${path}`, { waitUntil: 'load' });
      expect([path, response?.status()]).toEqual([path, 200]);
      if (path === 'search/') await settledSearch(visit.page);
      audits.set(path, await audit(visit.page));
    }
    expect(visit.problems).toEqual([]);
  }, 240_000);

  it('finds no inline event handler and no javascript: URL on any page', () => {
    expect(audits.size).toBe(pages.length);
    const found = [...audits].flatMap(([path, { handlers, scriptUrls }]) =>
      [...handlers, ...scriptUrls].map((problem) => `${path}: ${problem}`),
    );
    expect(found).toEqual([]);
  });

  it('finds the Content-Security-Policy on every page, and a script only on search', () => {
    expect(audits.size).toBe(pages.length);
    for (const [path, { csp }] of audits) {
      expect(csp, path).toHaveLength(1);
      expect(csp[0], path).toContain(path === 'search/' ? "script-src 'self' 'wasm-unsafe-eval'" : "script-src 'none'");
    }
    expect([...audits].filter(([, { scripts }]) => scripts > 0).map(([path]) => path)).toEqual(['search/']);
  });

  it('finds every XML file of the site (feed, sitemap) well-formed, whatever characters the input held', async () => {
    await visit.page.goto(url);
    const parse = (source: { url?: string; text?: string }) =>
      visit.page.evaluate(async ({ url, text }) => {
        const xml = text ?? (await (await fetch(url as string)).text());
        const error = new DOMParser().parseFromString(xml, 'application/xml').querySelector('parsererror');
        return error === null ? null : (error.textContent ?? 'parsererror');
      }, source);
    // The check can fail: a control character is not XML, not even written as a character reference.
    expect(await parse({ text: '<a>&#7;</a>' })).not.toBeNull();
    expect(await parse({ text: '<a>&lt;script&gt; \u202e</a>' })).toBeNull();
    for (const path of siteFiles(site.outDir).filter((file) => file.endsWith('.xml'))) {
      expect([path, await parse({ url: `${url}${path}` })]).toEqual([path, null]);
    }
    expect(visit.problems).toEqual([]);
  });

  it('draws search results and filters for hostile text without running any of it', async () => {
    for (const query of ['script', 'onerror', 'passwd', 'javascript', 'escaped', 'svg']) {
      await visit.page.goto(`${url}search/?q=${query}`);
      await settledSearch(visit.page);
      const status = (await visit.page.locator('[data-search-status]').textContent()) ?? '';
      expect(status, query).toMatch(new RegExp(`^\\d+ results? for “${query}”\\.$`));
      const { handlers, scriptUrls } = await audit(visit.page);
      expect([query, handlers, scriptUrls]).toEqual([query, [], []]);
      const tags = await visit.page
        .locator('[data-search-results]')
        .evaluate((list) => [...new Set([...list.querySelectorAll('*')].map((element) => element.localName))].sort());
      expect(
        tags.filter((tag) => !['a', 'h3', 'li', 'mark', 'p', 'span', 'ul'].includes(tag)),
        query,
      ).toEqual([]);
    }
    const author = visit.page.locator('fieldset[data-filter="author"] label', { hasText: 'onerror' });
    expect(await author.locator('span').first().textContent()).toBe("<img src=x onerror=alert('author')>");
    expect(visit.problems).toEqual([]);
  });
});
