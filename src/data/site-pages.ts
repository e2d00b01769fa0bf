import { signatureSummary } from '../lib/signature-summary.ts';
import type { ReportModel } from '../lib/types.ts';
import { changeListPageCount } from '../site/change-list.ts';
import { listLength, listPageCount, SIGNATURE_LISTS } from '../site/signature-lists.ts';
import { urls } from '../site/urls.ts';
import { failureViews } from './failure-views.ts';

/** A page of the site: its path (base included) and, when the export tells, when its content last changed. */
export interface SitePage {
  path: string;
  lastmod?: string;
}

/**
 * Every HTML page the site has, derived from the model the same way the routes derive them: the dashboard, the
 * change list's pages, each change, each view of the failure index, each signature and the further pages of its lists, and search.
 */
export function sitePages(model: ReportModel): SitePage[] {
  const dated = (path: string, date: string | null): SitePage => (date ? { path, lastmod: date } : { path });
  const pages: SitePage[] = [dated(urls.home(), model.newestActivity)];
  for (let page = 1; page <= changeListPageCount(model.changes.length); page++)
    pages.push({ path: urls.changes(page) });
  for (const change of model.changes) pages.push(dated(urls.change(change.slug), change.lastActivity));
  for (const view of failureViews(model.signatures.map(signatureSummary)))
    pages.push({ path: urls.failures(view.path) });
  for (const entry of model.signatures) {
    pages.push(dated(urls.failure(entry.slug), entry.lastSeen));
    for (const list of SIGNATURE_LISTS) {
      const last = listPageCount(listLength(entry, list));
      for (let page = 2; page <= last; page++) pages.push({ path: urls.failureListPage(entry.slug, list, page) });
    }
  }
  pages.push({ path: urls.newSignatures() });
  pages.push({ path: urls.search() });
  return pages;
}
