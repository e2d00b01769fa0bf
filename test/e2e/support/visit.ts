import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { watchPage } from './watch-page.ts';

/** A page in a fresh browser context, watched for console errors and requests leaving the site. */
export interface Visit {
  page: Page;
  /** Everything that went wrong on the pages visited so far; a test ends with it empty. */
  problems: string[];
  close(): Promise<void>;
}

export async function openVisit(
  browser: Browser,
  siteUrl: string,
  options: BrowserContextOptions = {},
): Promise<Visit> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const { page, problems } = await watchPage(context, siteUrl);
  return { page, problems, close: () => context.close() };
}
