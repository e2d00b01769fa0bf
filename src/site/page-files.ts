import type { SignatureList } from './signature-lists.ts';

/**
 * Where the page of a change or of a signature is in the built site, relative to its root: the one spelling
 * that the routes, the page cache, the search index and the conservation check share.
 */
export const pageFiles = {
  change: (slug: string) => `changes/${slug}/index.html`,
  signature: (slug: string) => `failures/${slug}/index.html`,
  /** Page `page` (2 or more) of one of a signature's lists; the first is on the signature page. */
  signatureListPage: (slug: string, list: SignatureList, page: number) => `failures/${slug}/${list}/${page}/index.html`,
};
