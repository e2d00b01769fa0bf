import type { BrowserContext, Page } from 'playwright-core';

/**
 * Opens a page that records everything a visitor should never meet: console errors, uncaught exceptions,
 * dialogs (an `alert` from injected markup), requests that leave the served site (they are blocked, so the
 * test machine needs no network) and responses and requests that fail (but the icon fetch a navigation drops).
 * `problems` lists them, one line each.
 */
export async function watchPage(context: BrowserContext, siteUrl: string): Promise<{ page: Page; problems: string[] }> {
  const origin = new URL(siteUrl).origin;
  const problems: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (new URL(url).origin === origin) return route.continue();
    problems.push(`request outside the site: ${url}`);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error on ${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught exception on ${page.url()}: ${error.message}`));
  page.on('dialog', (dialog) => {
    problems.push(`dialog on ${page.url()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()} for ${response.url()}`);
  });
  page.on('requestfailed', (request) => {
    // Chromium asks for a page's icon after its load event, and drops the request when the page goes away first
    // (a walk from page to page, a test that loads the page again): no fault of the site. A missing icon still
    // shows as an HTTP 404, and the link check covers it too.
    const iconDropped =
      request.failure()?.errorText === 'net::ERR_ABORTED' && new URL(request.url()).pathname.endsWith('/favicon.svg');
    if (new URL(request.url()).origin === origin && !iconDropped) {
      problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`);
    }
  });
  return { page, problems };
}
