import { siteData } from 'virtual:review-reports/site';
import type { APIRoute } from 'astro';
import { failureFeed } from '../data/failure-feed.ts';
import { atomFeed } from '../render/atom-feed.ts';

/** The Atom feed of the newest failures; links are absolute only when the site's address is known. */
export const GET: APIRoute = ({ site }) =>
  new Response(atomFeed(failureFeed(siteData.report(), site)), {
    headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' },
  });
