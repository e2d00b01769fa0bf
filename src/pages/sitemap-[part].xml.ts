import { siteData } from 'virtual:review-reports/site';
import type { APIRoute, GetStaticPaths } from 'astro';
import { sitemapChunks } from '../data/sitemap-chunks.ts';
import { type SitemapUrl, sitemapXml } from '../render/sitemap-xml.ts';

/** The parts of a sitemap too big for one file; none at all when `sitemap.xml` holds every URL itself. */
export const getStaticPaths = (() => {
  const site = import.meta.env.SITE;
  if (!site) return [];
  const chunks = sitemapChunks(siteData.report().model, new URL(site));
  if (chunks.length === 1) return [];
  return chunks.map((chunk, index) => ({ params: { part: String(index + 1) }, props: { chunk } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ chunk: SitemapUrl[] }> = ({ props }) =>
  new Response(sitemapXml(props.chunk), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
