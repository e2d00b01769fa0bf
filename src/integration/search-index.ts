import { hash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hashText } from '../lib/hash-text.ts';
import {
  SEARCH_PARTS_VERSION,
  type SearchPart,
  type SearchPartsList,
  type SupersededPages,
  searchPartsFile,
} from '../site/search-parts.ts';
import {
  type IndexedPage,
  indexedUrl,
  readIndexedIds,
  readIndexedIdsOnThread,
  readIndexedPage,
} from './indexed-pages.ts';
import { indexFolder } from './pagefind.ts';
import { removeAbandoned } from './remove-abandoned.ts';
import { planSearchDelta, readSearchBase, type SearchBase, supersededPages, writeSearchBase } from './search-base.ts';
import type { SearchIndexCache } from './search-index-cache.ts';
import { stagePages, unstagePages } from './stage-pages.ts';

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
  /**
   * The share of the site's own index a rebuild may leave superseded (`planSearchDelta`); 0 to write it whole
   * every time.
   */
  supersededShare: number;
  /** Where the base of the site's own index that rebuilds keep is recorded (`search-base.ts`). */
  baseFile: string;
  /** Runs while Pagefind reads the first part it indexes (or at once, when every part is kept); see `indexFolder`. */
  whileReading?: () => void;
  /** The ids of the recorded base's pages, read since the build started ({@link readBaseIdsAhead}). */
  baseIds?: BaseIdsAhead;
}

/** The ids of the pages of the base recorded under `id`, by URL, as a thread reads them. */
export interface BaseIdsAhead {
  id: string;
  byUrl: Promise<ReadonlyMap<string, string> | undefined>;
}

/**
 * Starts reading the ids of the recorded base's pages from its fragments on a thread of its own, when the base has
 * none recorded (it was written whole by the build before): a rebuild that keeps the base needs them, and read
 * there, they cost it 2–3 s at 10k pages. Whether this build keeps the base or not, it records them.
 */
export function readBaseIdsAhead(baseFile: string, cache: SearchIndexCache): BaseIdsAhead | undefined {
  const base = readSearchBase(baseFile);
  const folder = base && cache.folder(base.id);
  if (!base || !folder || base.ids || base.madeBy !== madeBy) return undefined;
  return { id: base.id, byUrl: readIndexedIdsOnThread(folder).catch(() => undefined) };
}

export interface SearchIndexWritten {
  /** Pages in the index. */
  pages: number;
  /** Pages of parts taken from the cache, not read by Pagefind in this build. */
  pagesReused: number;
}

/** What writes an index, part of every cache id: one written otherwise cannot be searched beside it. */
const madeBy = `parts ${SEARCH_PARTS_VERSION}, Pagefind ${pagefindVersion}`;

/** Files of Pagefind's bundle that only the site's own index needs: its scripts, styles and WebAssembly. */
const bundleOnly = /^(pagefind[\w.-]*\.(js|css)|wasm\.[\w-]+\.pagefind)$/;

/** Where a rebuild places the base of the site's own index that it keeps (`search-base.ts`). */
const basePath = 'part/base/';

/** A Pagefind run this build must make: the pages it reads, where its index goes, and its cache entry. */
interface IndexRun {
  path: string;
  pages: readonly string[];
  id: string;
}

/**
 * Writes the site's search index as its parts (site/search-parts.ts): each from the cache when its pages are
 * those of a part an earlier build indexed, else by a Pagefind run over just its pages; then the list of parts
 * the search page merges. The site's own index, which changes with every export, is kept whole from an earlier
 * build while few of its pages changed: only those are indexed, and the list tells the search page which pages
 * of the kept index to leave out.
 */
export async function writeSearchIndex(options: SearchIndexOptions): Promise<SearchIndexWritten> {
  const { root, cache } = options;
  const out = join(root, 'pagefind');
  const { baseFile } = options;
  // Staging folders of builds killed while Pagefind read a part.
  removeAbandoned(options.stagingDir, (name) => (/^\d+$/.test(name) ? Number(name) : null));
  const staging = join(options.stagingDir, String(process.pid));
  let whileReading = options.whileReading ?? (() => {});
  const written: SearchIndexWritten = { pages: 0, pagesReused: 0 };
  const pending: IndexRun[] = [];
  const list: SearchPartsList = { version: SEARCH_PARTS_VERSION, parts: [], superseded: {} };
  let ownWhole: { id: string; pages: Array<[string, string]> } | undefined;
  for (const part of options.parts) {
    const pages = pageIdentities(root, part, options.identity);
    const id = hashText(JSON.stringify([madeBy, part.path === '', pages]), 32);
    written.pages += part.pages.length;
    if (part.path !== '') list.parts.push(part.path);
    if (cache.place(id, join(out, part.path))) {
      written.pagesReused += part.pages.length;
      if (part.path === '') ownWhole = { id, pages };
      continue;
    }
    const kept = part.path === '' ? await keepBase(options, pages) : undefined;
    if (kept) {
      list.parts.unshift(basePath);
      list.superseded[basePath] = kept.superseded;
      if (cache.place(kept.id, out)) written.pagesReused += part.pages.length;
      else {
        written.pagesReused += part.pages.length - kept.changed.length;
        pending.push({ path: '', pages: kept.changed, id: kept.id });
      }
    } else {
      pending.push({ path: part.path, pages: part.pages, id });
      if (part.path === '') ownWhole = { id, pages };
    }
  }
  // The largest first: what runs meanwhile on this thread is best hidden behind the longest Pagefind run.
  pending.sort((a, b) => b.pages.length - a.pages.length);
  for (const { path, pages, id } of pending) {
    const stage = join(staging, 'pages');
    rmSync(stage, { recursive: true, force: true });
    stagePages(root, pages, stage);
    const reading = whileReading;
    whileReading = () => {};
    await cache.keep(id, join(out, path), async (folder) => {
      const indexed = await indexFolder(stage, folder, reading);
      if (indexed.pages !== pages.length)
        throw new Error(`Pagefind indexed ${indexed.pages} of the ${pages.length} pages of ${path || 'the site'}`);
      if (path !== '') for (const name of readdirSync(folder)) if (bundleOnly.test(name)) rmSync(join(folder, name));
    });
    unstagePages(stage, pages);
  }
  whileReading();
  rmSync(staging, { recursive: true, force: true });
  // Written whole, the site's own index is the base the next rebuild keeps.
  const base = readSearchBase(baseFile);
  if (ownWhole && base?.id !== ownWhole.id)
    writeSearchBase(baseFile, { id: ownWhole.id, madeBy, pages: Object.fromEntries(ownWhole.pages) });
  else if (base && !base.ids && options.baseIds?.id === base.id) {
    const byUrl = await options.baseIds.byUrl;
    if (byUrl) recordIds(baseFile, base, byUrl);
  }
  cache.finish();
  writeFileSync(join(out, searchPartsFile), `${JSON.stringify(list)}\n`);
  return written;
}

/**
 * Keeps the base of the site's own index (`search-base.ts`) at `part/base/`, when few enough of its pages
 * changed: then the changed pages are to be indexed as the site's own index, under the returned cache id, and
 * the base's superseded pages are left out by the search page.
 */
async function keepBase(
  options: SearchIndexOptions,
  pages: ReadonlyArray<readonly [string, string]>,
): Promise<{ changed: string[]; id: string; superseded: SupersededPages } | undefined> {
  const { baseFile } = options;
  if (!(options.supersededShare > 0)) return undefined;
  const base = readSearchBase(baseFile);
  const folder = base && options.cache.folder(base.id);
  if (!base || !folder || base.madeBy !== madeBy) return undefined;
  const delta = planSearchDelta(base, pages, options.supersededShare);
  if (!delta) return undefined;
  const superseded: IndexedPage[] = [];
  try {
    if (!base.ids) {
      const ahead = options.baseIds?.id === base.id ? await options.baseIds.byUrl : undefined;
      recordIds(baseFile, base, ahead ?? readIndexedIds(folder));
    }
    const ids = base.ids as Record<string, string>;
    for (const page of delta.superseded) {
      const id = ids[page];
      // The base does not hold a page its record says it does: it is not the index it claims to be.
      if (id === undefined) return undefined;
      superseded.push(readIndexedPage(folder, id));
    }
  } catch {
    return undefined;
  }
  options.cache.place(base.id, join(options.root, 'pagefind', basePath), bundleOnly);
  const identities = new Map(pages);
  const changed = delta.changed.map((page) => [page, identities.get(page)]);
  return {
    changed: delta.changed,
    id: hashText(JSON.stringify([madeBy, 'beside', base.id, changed]), 32),
    superseded: supersededPages(superseded),
  };
}

/** Records in the base Pagefind's id of each of its pages, from the ids of its index's pages by URL. */
function recordIds(baseFile: string, base: SearchBase, byUrl: ReadonlyMap<string, string>): void {
  base.ids = Object.fromEntries(
    Object.keys(base.pages).flatMap((page) => {
      const id = byUrl.get(indexedUrl(page));
      return id === undefined ? [] : [[page, id]];
    }),
  );
  writeSearchBase(baseFile, base);
}

/** Each page of the part and what it is: its identity, or a digest of its bytes. */
function pageIdentities(root: string, part: SearchPart, identity: PageIdentity): Array<[string, string]> {
  return part.pages.map((page) => [page, identity(page) ?? digestFile(join(root, page))]);
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
