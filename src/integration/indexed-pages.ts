import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

/** A page as an index Pagefind wrote holds it: the id its search results carry, and its filter values. */
export interface IndexedPage {
  id: string;
  filters: Record<string, string[]>;
}

const fragmentSuffix = '.pf_fragment';
/** What Pagefind writes at the start of every file it compresses (`pagefind_web_js`'s `decompress`). */
const signature = 'pagefind_dcd';

/**
 * The pages of the Pagefind index in `folder`, by URL (`/changes/<slug>/`), read from its fragments: one per
 * page, named by the page's id. Throws on a fragment that is not Pagefind's.
 */
export function readIndexedPages(folder: string): Map<string, IndexedPage> {
  const pages = new Map<string, IndexedPage>();
  const fragments = join(folder, 'fragment');
  for (const name of readdirSync(fragments)) {
    if (!name.endsWith(fragmentSuffix)) continue;
    const bytes = gunzipSync(readFileSync(join(fragments, name)));
    if (bytes.subarray(0, signature.length).toString('latin1') !== signature)
      throw new Error(`not a Pagefind fragment: ${join(fragments, name)}`);
    const fragment = JSON.parse(bytes.subarray(signature.length).toString('utf8')) as {
      url?: unknown;
      filters?: unknown;
    };
    if (typeof fragment.url !== 'string' || typeof fragment.filters !== 'object' || fragment.filters === null)
      throw new Error(`a Pagefind fragment without its page's URL or filters: ${join(fragments, name)}`);
    pages.set(fragment.url, {
      id: name.slice(0, -fragmentSuffix.length),
      filters: fragment.filters as Record<string, string[]>,
    });
  }
  return pages;
}

/** The URL Pagefind gives a page file of the site (`changes/x/index.html` → `/changes/x/`). */
export function indexedUrl(page: string): string {
  return `/${page.replace(/(^|\/)index\.html$/, '$1')}`;
}
