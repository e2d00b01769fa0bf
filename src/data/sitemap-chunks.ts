import type { ReportModel } from '../lib/types.ts';
import { SITEMAP_LIMIT, type SitemapUrl } from '../render/sitemap-xml.ts';
import { sitePages } from './site-pages.ts';

// The sitemap and each of its parts ask for the same list: build it once per model and address.
const computed = new WeakMap<ReportModel, { site: string; chunks: SitemapUrl[][] }>();

/** Every page of the site as an absolute URL, split into sitemap files; computed once per model. */
export function sitemapChunks(model: ReportModel, site: URL): SitemapUrl[][] {
  const cached = computed.get(model);
  if (cached?.site === site.href) return cached.chunks;
  const urls = sitePages(model).map(
    (page): SitemapUrl => ({ loc: new URL(page.path, site).href, ...(page.lastmod ? { lastmod: page.lastmod } : {}) }),
  );
  const chunks = splitIntoSitemaps(urls);
  computed.set(model, { site: site.href, chunks });
  return chunks;
}

/** URLs in files of at most `limit` each, in order; always at least one file, if only an empty one. */
export function splitIntoSitemaps(urls: readonly SitemapUrl[], limit = SITEMAP_LIMIT): SitemapUrl[][] {
  const chunks: SitemapUrl[][] = [];
  for (let start = 0; start < urls.length; start += limit) chunks.push(urls.slice(start, start + limit));
  return chunks.length === 0 ? [[]] : chunks;
}
