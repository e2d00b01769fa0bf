import type { SignatureList } from './signature-lists.ts';

/** Site-relative URLs, all under Astro's `base`, so a site hosted under a sub-path links correctly. */
const base = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;

export function sitePath(path = ''): string {
  return `${base}${path.replace(/^\//, '')}`;
}

export const urls = {
  home: () => sitePath(),
  changes: (page = 1) => sitePath(page > 1 ? `changes/${page}/` : 'changes/'),
  change: (slug: string) => sitePath(`changes/${encodeURIComponent(slug)}/`),
  changeText: (slug: string) => sitePath(`changes/${encodeURIComponent(slug)}/messages.txt`),
  failures: (view = '') => sitePath(view ? `failures/${view}/` : 'failures/'),
  failure: (slug: string) => sitePath(`failures/${encodeURIComponent(slug)}/`),
  /** Page `page` of one of a signature's lists: the first is the list's section of the signature page. */
  failureListPage: (slug: string, list: SignatureList, page: number) =>
    page > 1
      ? sitePath(`failures/${encodeURIComponent(slug)}/${list}/${page}/`)
      : `${sitePath(`failures/${encodeURIComponent(slug)}/`)}#${list}`,
  newSignatures: () => sitePath('new/'),
  search: (query?: string) => sitePath(query ? `search/?q=${encodeURIComponent(query)}` : 'search/'),
  apiChanges: () => sitePath('api/changes.json'),
  apiFailures: () => sitePath('api/failures.json'),
  feed: () => sitePath('feed.xml'),
};

/** The sitemap, and the numbered parts a site too big for one sitemap file is split into. */
export const sitemapUrls = {
  sitemap: () => sitePath('sitemap.xml'),
  part: (part: number) => sitePath(`sitemap-${part}.xml`),
};
