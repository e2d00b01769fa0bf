import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { isProcessAlive } from './is-process-alive.ts';
import { buildSearchIndex } from './pagefind.ts';
import { placeFile } from './place-file.ts';
import { type PageToIndex, planSearchIndex, type SearchBase, type SearchIndexPlan } from './plan-search-index.ts';

/** Where the last full index is kept, and what besides the pages decides its bytes. */
export interface SearchIndexCache {
  dir: string;
  basis: string;
}

/** What {@link writeSearchIndex} did. */
export interface SearchIndexWritten {
  kind: SearchIndexPlan['kind'];
  /** Why the whole site was indexed; empty otherwise. */
  reason: string;
  /** Pages Pagefind indexed in this build. */
  pages: number;
}

/** The site's file that tells the search page which indexes to load (see `scripts/search/search-index.ts`). */
export const searchIndexFile = 'search-index.json';
/** Where a rebuild's second index goes, beside the base's `pagefind/`. */
export const deltaBundle = 'pagefind-delta/';

const baseFolder = 'search-base';

/**
 * Writes the search index of the site in `out`: the whole site with Pagefind, or the last full index with a
 * second one of the pages that changed since (`planSearchIndex`). `whileReading` runs while Pagefind reads.
 */
export async function writeSearchIndex(
  out: string,
  pages: readonly PageToIndex[],
  cache: SearchIndexCache | null,
  whileReading: () => void,
): Promise<SearchIndexWritten> {
  if (cache) removeAbandoned(cache.dir);
  const plan: SearchIndexPlan = cache
    ? planSearchIndex(readBase(cache.dir), cache.basis, pages)
    : { kind: 'full', reason: 'no cache' };
  const bundle = cache && join(cache.dir, baseFolder, 'bundle');

  if (plan.kind === 'full' || !bundle) {
    const indexed = await buildSearchIndex(out, join(out, 'pagefind'), whileReading);
    writeFileSync(join(out, searchIndexFile), JSON.stringify({ delta: null }));
    if (cache) saveBase(cache, join(out, 'pagefind'), pages);
    return { kind: 'full', reason: plan.kind === 'full' ? plan.reason : '', pages: indexed.pages };
  }

  placeTree(bundle, join(out, 'pagefind'));
  if (plan.kind === 'base') {
    whileReading();
    writeFileSync(join(out, searchIndexFile), JSON.stringify({ delta: null }));
    return { kind: 'base', reason: '', pages: 0 };
  }
  // Pagefind makes each page's URL from its path under the folder it reads: the changed pages are laid out in a
  // folder of their own at the same paths.
  const work = join(cache.dir, `delta-pages.${process.pid}`);
  rmSync(work, { recursive: true, force: true });
  try {
    for (const page of plan.pages) {
      mkdirSync(dirname(join(work, page)), { recursive: true });
      placeFile(join(out, page), join(work, page));
    }
    const indexed = await buildSearchIndex(work, join(out, deltaBundle), whileReading);
    writeFileSync(
      join(out, searchIndexFile),
      JSON.stringify({ delta: { bundle: deltaBundle, superseded: plan.superseded } }),
    );
    return { kind: 'delta', reason: '', pages: indexed.pages };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function readBase(dir: string): SearchBase | null {
  try {
    const base = JSON.parse(readFileSync(join(dir, baseFolder, 'base.json'), 'utf8')) as SearchBase;
    return typeof base.basis === 'string' && typeof base.pages === 'object' && base.pages !== null ? base : null;
  } catch {
    return null;
  }
}

/**
 * Keeps a full index as the base of later builds: made beside the old one and swapped in with renames, so a build
 * killed on the way leaves either base whole (and folders of its own naming that a later build removes).
 */
function saveBase(cache: SearchIndexCache, written: string, pages: readonly PageToIndex[]): void {
  const next = join(cache.dir, `${baseFolder}.${process.pid}.partial`);
  const old = join(cache.dir, `${baseFolder}.${process.pid}.old`);
  rmSync(next, { recursive: true, force: true });
  placeTree(written, join(next, 'bundle'));
  const base: SearchBase = { basis: cache.basis, pages: {} };
  // A page without a cache entry is not in the base: a later build counts it as changed.
  for (const page of pages) if (page.entry !== undefined) base.pages[page.page] = [page.entry, page.epoch];
  writeFileSync(join(next, 'base.json'), JSON.stringify(base));
  const current = join(cache.dir, baseFolder);
  rmSync(old, { recursive: true, force: true });
  try {
    renameSync(current, old);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  renameSync(next, current);
  rmSync(old, { recursive: true, force: true });
}

/** Folders `search-base.<pid>.partial|old` and `delta-pages.<pid>` of builds whose process is gone. */
function removeAbandoned(dir: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const match = /^(?:search-base\.(\d+)\.(?:partial|old)|delta-pages\.(\d+))$/.exec(name);
    const pid = Number(match?.[1] ?? match?.[2]);
    if (!match || pid === process.pid || isProcessAlive(pid)) continue;
    rmSync(join(dir, name), { recursive: true, force: true });
  }
}

/** Every file under `from` at the same path under `to`, as hard links: nothing writes into an index's files. */
function placeTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    if (entry.isDirectory()) placeTree(join(from, entry.name), join(to, entry.name));
    else if (entry.isFile()) placeFile(join(from, entry.name), join(to, entry.name));
  }
}
