import { siteData } from 'virtual:review-reports/site';
import type { APIRoute } from 'astro';
import { sitemapChunks } from '../data/sitemap-chunks.ts';
import { sitemapIndexXml, sitemapXml } from '../render/sitemap-xml.ts';
import { sitemapUrls } from '../site/urls.ts';

/**
 * The sitemap. Sitemaps must list absolute URLs, and only `--site` tells the site's address: without it this is
 * a valid sitemap listing nothing, rather than one with guessed or relative URLs that crawlers would reject.
 * A site of more than 50,000 pages gets a sitemap index here and its URLs in `sitemap-<n>.xml`.
 */
export const GET: APIRoute = ({ site }) => {
  if (!site) return xml(sitemapXml([]));
  const chunks = sitemapChunks(siteData.report().model, site);
  if (chunks.length === 1) return xml(sitemapXml(chunks[0] ?? []));
  return xml(sitemapIndexXml(chunks.map((_, index) => new URL(sitemapUrls.part(index + 1), site).href)));
};

function xml(body: string): Response {
  return new Response(body, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
}
