import { readFileSync } from 'node:fs';
import type { SupersededPages } from '../site/search-parts.ts';
import type { IndexedPage } from './indexed-pages.ts';
import { writeFileWhole } from './write-file-whole.ts';

/**
 * The site's own search index as a build last wrote it whole: rebuilds keep it and index only the pages that
 * changed since, until too many have (`planSearchDelta`). Pagefind cannot change an index in place, and the
 * site's own index holds the pages that every export changes (the signature pages, the newest changes): at 10k
 * changes it is the whole site.
 */
export interface SearchBase {
  version: typeof SEARCH_BASE_VERSION;
  /** Its entry in the search index cache. */
  id: string;
  /** What wrote it (the parts' layout and Pagefind's version): an index beside it must be written the same. */
  madeBy: string;
  /** Each page it holds, and the page's identity when it was indexed (`PageIdentity`). */
  pages: Record<string, string>;
  /**
   * Pagefind's id of each of its pages, by page: read from its fragments by the first rebuild (on a thread of its
   * own while the rebuild renders; 2–3 s at 10k pages), then kept here.
   */
  ids?: Record<string, string>;
}

const SEARCH_BASE_VERSION = 1;

/** The base an earlier build recorded in `file`; undefined for none, or for one this version cannot read. */
export function readSearchBase(file: string): SearchBase | undefined {
  try {
    const base = JSON.parse(readFileSync(file, 'utf8')) as Partial<SearchBase>;
    return base.version === SEARCH_BASE_VERSION &&
      typeof base.id === 'string' &&
      typeof base.madeBy === 'string' &&
      typeof base.pages === 'object' &&
      base.pages !== null
      ? (base as SearchBase)
      : undefined;
  } catch {
    return undefined;
  }
}

export function writeSearchBase(file: string, base: Omit<SearchBase, 'version'>): void {
  writeFileWhole(file, JSON.stringify({ version: SEARCH_BASE_VERSION, ...base } satisfies SearchBase));
}

/** What a rebuild indexes beside the base, and which of the base's pages the search page must leave out. */
export interface SearchDelta {
  /** Pages new since the base, or changed: indexed into the site's own index, beside the base. */
  changed: string[];
  /** Pages of the base that changed or that the site no longer holds at that place of the index. */
  superseded: string[];
}

/**
 * The delta from `base` to the pages the site's own index must hold now, each with its identity; undefined when
 * the base should be indexed whole again: nothing changed but pages went away (no delta to index), or the pages
 * that differ (new, changed or gone, each counted once) exceed `share` of the base.
 */
export function planSearchDelta(
  base: SearchBase,
  pages: ReadonlyArray<readonly [string, string]>,
  share: number,
): SearchDelta | undefined {
  const now = new Map(pages);
  const changed = pages.filter(([page, identity]) => base.pages[page] !== identity).map(([page]) => page);
  const superseded = Object.keys(base.pages).filter((page) => now.get(page) !== base.pages[page]);
  const size = Object.keys(base.pages).length;
  const differing = new Set([...changed, ...superseded]).size;
  if (changed.length === 0 || differing > share * size) return undefined;
  return { changed, superseded };
}

/**
 * The superseded pages as the search page reads them (`SupersededPages`): each filter value written once. Pages
 * in order, values in the order first met, so that one delta always gives the same file.
 */
export function supersededPages(pages: readonly IndexedPage[]): SupersededPages {
  const values: SupersededPages['values'] = [];
  const at = new Map<string, number>();
  const table: SupersededPages['pages'] = [];
  for (const page of pages) {
    const indexes: number[] = [];
    for (const [filter, list] of Object.entries(page.filters).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      for (const value of list) {
        const key = `${filter}\u0000${value}`;
        let index = at.get(key);
        if (index === undefined) {
          index = values.length;
          values.push([filter, value]);
          at.set(key, index);
        }
        indexes.push(index);
      }
    }
    table.push([page.id, indexes]);
  }
  return { values, pages: table };
}
