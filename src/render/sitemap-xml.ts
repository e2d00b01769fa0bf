import { escapeXml } from '../site/escape-xml.ts';

/** The most URLs one sitemap file may list (sitemaps.org); a bigger site needs a sitemap index. */
export const SITEMAP_LIMIT = 50_000;

export interface SitemapUrl {
  /** Absolute URL. */
  loc: string;
  /** ISO 8601. */
  lastmod?: string;
}

const header = '<?xml version="1.0" encoding="utf-8"?>';
const namespace = 'http://www.sitemaps.org/schemas/sitemap/0.9';

/** A sitemap (`<urlset>`); with no URLs, a valid empty one. */
export function sitemapXml(entries: readonly SitemapUrl[]): string {
  const urls = entries.map((entry) =>
    entry.lastmod
      ? `  <url><loc>${escapeXml(entry.loc)}</loc><lastmod>${escapeXml(entry.lastmod)}</lastmod></url>`
      : `  <url><loc>${escapeXml(entry.loc)}</loc></url>`,
  );
  return [header, `<urlset xmlns="${namespace}">`, ...urls, '</urlset>', ''].join('\n');
}

/** A sitemap index (`<sitemapindex>`) naming the sitemap files of a site too big for one. */
export function sitemapIndexXml(sitemaps: readonly string[]): string {
  const entries = sitemaps.map((loc) => `  <sitemap><loc>${escapeXml(loc)}</loc></sitemap>`);
  return [header, `<sitemapindex xmlns="${namespace}">`, ...entries, '</sitemapindex>', ''].join('\n');
}
