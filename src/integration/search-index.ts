import { hash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { hashText } from '../lib/hash-text.ts';
import { SEARCH_PARTS_VERSION, type SearchPart, searchPartsFile } from '../site/search-parts.ts';
import { indexFolder } from './pagefind.ts';
import { placeFile } from './place-file.ts';
import { removeAbandoned } from './remove-abandoned.ts';
import type { SearchIndexCache } from './search-index-cache.ts';

/** Pagefind's version: another Pagefind may write another index from the same pages. */
const pagefindVersion = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.resolve('pagefind')), 'utf8')) as { version: string }
).version;

/**
 * What a part's pages are: for each page, something that changes whenever its bytes do (its page cache entry's
 * name), or undefined, for a page to be read and hashed.
 */
export type PageIdentity = (page: string) => string | undefined;

export interface SearchIndexOptions {
  /** The built site. The index goes to its `pagefind/`. */
  root: string;
  parts: readonly SearchPart[];
  cache: SearchIndexCache;
  /**
   * Where this build's staging folders go (for the pages of one Pagefind run), on the file system of `root` if it
   * can be: a folder named after the build's process id is made in it, and those of builds that are gone removed.
   */
  stagingDir: string;
  identity: PageIdentity;
  /** Runs while Pagefind reads the first part it indexes (or at once, when every part is kept); see `indexFolder`. */
  whileReading?: () => void;
}

export interface SearchIndexWritten {
  /** Pages in the index. */
  pages: number;
  /** Pages of parts taken from the cache, not read by Pagefind in this build. */
  pagesReused: number;
}

/** Files of Pagefind's bundle that only the site's own index needs: its scripts, styles and WebAssembly. */
const bundleOnly = /^(pagefind[\w.-]*\.(js|css)|wasm\.[\w-]+\.pagefind)$/;

/**
 * Writes the site's search index as its parts (site/search-parts.ts): each from the cache when its pages are
 * those of a part an earlier build indexed, else by a Pagefind run over just its pages; then the list of parts
 * the search page merges.
 */
export async function writeSearchIndex(options: SearchIndexOptions): Promise<SearchIndexWritten> {
  const { root, cache } = options;
  const out = join(root, 'pagefind');
  // Staging folders of builds killed while Pagefind read a part.
  removeAbandoned(options.stagingDir, (name) => (/^\d+$/.test(name) ? Number(name) : null));
  const staging = join(options.stagingDir, String(process.pid));
  let whileReading = options.whileReading ?? (() => {});
  const written: SearchIndexWritten = { pages: 0, pagesReused: 0 };
  const pending: Array<{ part: SearchPart; id: string }> = [];
  for (const part of options.parts) {
    const id = partIdentity(root, part, options.identity);
    written.pages += part.pages.length;
    if (cache.place(id, join(out, part.path))) written.pagesReused += part.pages.length;
    else pending.push({ part, id });
  }
  // The largest first: what runs meanwhile on this thread is best hidden behind the longest Pagefind run.
  pending.sort((a, b) => b.part.pages.length - a.part.pages.length);
  for (const { part, id } of pending) {
    const stage = join(staging, 'pages');
    rmSync(stage, { recursive: true, force: true });
    for (const page of part.pages) {
      mkdirSync(dirname(join(stage, page)), { recursive: true });
      try {
        placeFile(join(root, page), join(stage, page));
      } catch (error) {
        // A page the build lost: the conservation check (`whileReading`) names it, and Pagefind's count fails.
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
    const reading = whileReading;
    whileReading = () => {};
    await cache.keep(id, join(out, part.path), async (folder) => {
      const indexed = await indexFolder(stage, folder, reading);
      if (indexed.pages !== part.pages.length)
        throw new Error(
          `Pagefind indexed ${indexed.pages} of the ${part.pages.length} pages of ${part.path || 'the site'}`,
        );
      if (part.path !== '')
        for (const name of readdirSync(folder)) if (bundleOnly.test(name)) rmSync(join(folder, name));
    });
    rmSync(stage, { recursive: true, force: true });
  }
  whileReading();
  rmSync(staging, { recursive: true, force: true });
  cache.finish();
  const list = { version: SEARCH_PARTS_VERSION, parts: options.parts.map((part) => part.path).filter(Boolean) };
  writeFileSync(join(out, searchPartsFile), `${JSON.stringify(list)}\n`);
  return written;
}

/** A digest of a file's bytes; `missing` for a page the build lost (the conservation check names it). */
function digestFile(path: string): string {
  try {
    return hash('sha1', readFileSync(path), 'hex');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw error;
  }
}

/** A digest of everything the part's index is made from: Pagefind's version, its pages' paths and bytes. */
function partIdentity(root: string, part: SearchPart, identity: PageIdentity): string {
  const pages = part.pages.map((page) => [page, identity(page) ?? digestFile(join(root, page))]);
  return hashText(JSON.stringify([SEARCH_PARTS_VERSION, pagefindVersion, part.path === '', pages]), 32);
}
