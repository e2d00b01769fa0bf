import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';

type Index = NonNullable<Awaited<ReturnType<typeof pagefind.createIndex>>['index']>;

/**
 * The search index of the build in progress. Pages are handed to Pagefind as they are rendered: Pagefind
 * indexes in its own process, so indexing runs on the other core while Astro renders, instead of after it.
 * Pages the build restored from its cache instead of rendering are read from disk at the end.
 */
interface SearchIndexState {
  index: Promise<Index>;
  indexed: Set<string>;
  pending: Array<Promise<unknown>>;
  errors: string[];
}

const key = Symbol.for('review-reports.search-index');

function state(): SearchIndexState {
  const holder = globalThis as unknown as Record<symbol, SearchIndexState | undefined>;
  holder[key] ??= {
    index: pagefind.createIndex({ includeCharacters: '_-./:#' }).then(({ index, errors }) => {
      if (!index) throw new Error(`Pagefind could not create an index: ${errors.join('; ')}`);
      return index;
    }),
    indexed: new Set(),
    pending: [],
    errors: [],
  };
  return holder[key];
}

/** Whether a rendered page is one search covers: only pages that mark their searchable body. */
export function isSearchable(html: string): boolean {
  return html.includes('data-pagefind-body');
}

/** Queues a rendered page (`path` relative to the site root, e.g. `changes/I1/index.html`) for indexing. */
export function indexRenderedPage(path: string, html: string): void {
  const current = state();
  current.indexed.add(path);
  current.pending.push(
    current.index
      .then((index) => index.addHTMLFile({ sourcePath: path, content: html }))
      .then((result) => current.errors.push(...result.errors)),
  );
}

/**
 * Completes the index with the searchable pages not yet indexed (restored from the cache), writes it to
 * `<root>/pagefind/` and stops Pagefind. `pages` are the site-relative HTML files of the build.
 */
export async function writeSearchIndex(root: string, pages: readonly string[]): Promise<{ pages: number }> {
  const current = state();
  try {
    for (const page of pages) {
      if (current.indexed.has(page)) continue;
      const html = readFileSync(join(root, page), 'utf8');
      if (isSearchable(html)) indexRenderedPage(page, html);
    }
    await Promise.all(current.pending);
    if (current.errors.length > 0) throw new Error(`Pagefind could not index some pages: ${current.errors.join('; ')}`);
    const index = await current.index;
    const written = await index.writeFiles({ outputPath: join(root, 'pagefind') });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    return { pages: current.indexed.size };
  } finally {
    const holder = globalThis as unknown as Record<symbol, SearchIndexState | undefined>;
    holder[key] = undefined;
    await pagefind.close();
  }
}
