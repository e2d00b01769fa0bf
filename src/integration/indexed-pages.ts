import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
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
 * The ids of the pages of the Pagefind index in `folder`, by URL (`/changes/<slug>/`), read from its fragments:
 * one per page, named by the page's id. Throws on a fragment that is not Pagefind's.
 */
export function readIndexedIds(folder: string): Map<string, string> {
  const ids = new Map<string, string>();
  for (const name of readdirSync(join(folder, 'fragment'))) {
    if (!name.endsWith(fragmentSuffix)) continue;
    const id = name.slice(0, -fragmentSuffix.length);
    ids.set(readFragment(folder, id).url, id);
  }
  return ids;
}

/**
 * {@link readIndexedIds} on a thread of its own (`indexed-ids-worker.ts`): gunzipping 11k fragments takes seconds
 * on a thread whose heap holds a whole report, and the build has other work meanwhile.
 */
export function readIndexedIdsOnThread(folder: string): Promise<Map<string, string>> {
  return new Promise((resolve, reject) => {
    // A sibling of this module: `.ts` from the sources, `.js` in the compiled package.
    const worker = new Worker(
      new URL(import.meta.url.replace(/indexed-pages\.([cm]?[jt]s)$/, 'indexed-ids-worker.$1')),
      { workerData: folder },
    );
    worker.once('message', (entries: Array<[string, string]>) => resolve(new Map(entries)));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the thread reading ${folder} stopped (exit code ${code})`)));
  });
}

/** The page `id` of the Pagefind index in `folder`. Throws when it has none, or not one of Pagefind's. */
export function readIndexedPage(folder: string, id: string): IndexedPage {
  return { id, filters: readFragment(folder, id).filters };
}

function readFragment(folder: string, id: string): { url: string; filters: Record<string, string[]> } {
  const file = join(folder, 'fragment', `${id}${fragmentSuffix}`);
  const bytes = gunzipSync(readFileSync(file));
  if (bytes.subarray(0, signature.length).toString('latin1') !== signature)
    throw new Error(`not a Pagefind fragment: ${file}`);
  const fragment = JSON.parse(bytes.subarray(signature.length).toString('utf8')) as {
    url?: unknown;
    filters?: unknown;
  };
  if (typeof fragment.url !== 'string' || typeof fragment.filters !== 'object' || fragment.filters === null)
    throw new Error(`a Pagefind fragment without its page's URL or filters: ${file}`);
  return { url: fragment.url, filters: fragment.filters as Record<string, string[]> };
}

/** The URL Pagefind gives a page file of the site (`changes/x/index.html` → `/changes/x/`). */
export function indexedUrl(page: string): string {
  return `/${page.replace(/(^|\/)index\.html$/, '$1')}`;
}
