/**
 * How the search index is split into parts, each indexed by its own Pagefind run and searched apart in the
 * browser (`scripts/search.ts`). Pagefind cannot change an index in place: with one index for the whole site,
 * every rebuild read every page again. Parts follow the order in which changes appeared, so a new export's
 * changes land in the newest part and a rebuild indexes that part and the signature pages only.
 */

import { pageFiles } from './page-files.ts';

/**
 * Version of `pagefind/parts.json` (`SearchPartsList`). The search page reads this one and version 1, which had
 * no superseded pages (a shard may come from an older build).
 */
export const SEARCH_PARTS_VERSION = 2;

/** The file, in the site's `pagefind/` folder, that lists the index's parts. */
export const searchPartsFile = 'parts.json';

/** What `pagefind/parts.json` says: the index's parts, and the pages of kept indexes that a newer one holds. */
export interface SearchPartsList {
  version: typeof SEARCH_PARTS_VERSION;
  /** The parts' folders, relative to `pagefind/`, in the order the search page merges them. */
  parts: string[];
  /** By part folder: the pages of that part's index that the search page leaves out. */
  superseded: Record<string, SupersededPages>;
}

/**
 * Pages of a kept index that are no longer what the site holds (the site's own index, newer, holds them as they
 * are now, or the site lost them): Pagefind's id of each, and the filter values it was indexed with, so that the
 * search page takes them out of the results and the counts. `pages` holds `[id, indexes into values]`.
 */
export interface SupersededPages {
  values: Array<[filter: string, value: string]>;
  pages: Array<[id: string, values: number[]]>;
}

/**
 * How much of the site's own index may differ from the one a rebuild keeps (new, changed and gone pages, as a
 * share of its pages) while the rebuild indexes only the new and changed pages beside it; past that share the
 * index is written whole again.
 */
// A fifth: a day's new dumps (1%) change about 2% of the site's own index at 10k changes and 11.5% at 50k, where
// it holds mostly signature pages; the list of superseded pages costs the search page about 45 bytes a page.
export const defaultSupersededShare = 0.2;

/**
 * Changes per part. Full `large` parts hold the oldest changes; the changes after them (fewer than `large`) are
 * in `small` parts, the last one filling up as changes come (it is in the site's own index). A small part is
 * indexed again whenever one of its pages changes and a large one rarely; every part costs each query one more
 * index chunk (about 20–30 kB), so a site has fewer than `large / small` small parts besides its large ones.
 */
export interface SearchPartSizes {
  large: number;
  small: number;
}

export const defaultSearchPartSizes: SearchPartSizes = { large: 32768, small: 16384 };

/** A part of the search index: the pages one Pagefind run reads, and where its index goes. */
export interface SearchPart {
  /**
   * The index's folder, relative to the site's `pagefind/`: `''` for the site's own index (which carries
   * Pagefind's script and WebAssembly: the signature pages and the newest changes), `part/c<position>/` for a
   * part of older change pages, named by the position of its first change in the order of appearance.
   */
  path: string;
  /** Site-relative files of its pages (`changes/<slug>/index.html`), in order of appearance. */
  pages: string[];
}

/** What places a change in the order of appearance. */
export interface ChangeOrder {
  id: string;
  slug: string;
  firstActivity: string | null;
}

/**
 * The search index's parts: the site's own first (the signature pages and the newest changes), then the older
 * change pages' parts, oldest first.
 * Changes are ordered by their first activity (undated ones first), then by Change-Id, so that adding changes
 * to an export leaves the parts of the older changes as they were.
 */
export function planSearchParts(
  changes: readonly ChangeOrder[],
  signatureSlugs: readonly string[],
  sizes: SearchPartSizes = defaultSearchPartSizes,
): SearchPart[] {
  if (!(sizes.large >= sizes.small && sizes.small >= 1))
    throw new Error(`bad search part sizes: ${JSON.stringify(sizes)}`);
  const ordered = [...changes].sort(
    (a, b) => compare(a.firstActivity ?? '', b.firstActivity ?? '') || compare(a.id, b.id),
  );
  const pages = ordered.map((change) => pageFiles.change(change.slug));
  const own: SearchPart = { path: '', pages: signatureSlugs.map(pageFiles.signature) };
  const parts: SearchPart[] = [own];
  const tail = Math.floor(pages.length / sizes.large) * sizes.large;
  for (let start = 0; start < pages.length; ) {
    const size = start < tail ? sizes.large : sizes.small;
    const slice = pages.slice(start, start + size);
    // The small part still filling up changes with every new export, as the signature pages do: indexed with
    // them, it costs a rebuild nothing more and each query one index less.
    if (start >= tail && start + size >= pages.length) own.pages.push(...slice);
    else parts.push({ path: `part/c${start}/`, pages: slice });
    start += size;
  }
  return parts;
}

/** Code-unit order, the same on every machine (no locale). */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
