import type { Report } from '../data/create-report.ts';
import type { CodeHighlighter } from '../render/highlight-code.ts';

/**
 * What the pages and the content loader of one build read, through `virtual:review-reports/site`: the
 * integration's explicit interface to everything too big for Astro's data store (full changes with their
 * messages and runs, the signatures' occurrence lists).
 */
export interface SiteData {
  /** The parsed export with its lookups; parsed on first use when the integration was given no model. */
  report(): Report;
  /** The build's one Shiki highlighter: its colour classes become the site's `highlight.css`. */
  highlighter: CodeHighlighter;
  /**
   * Bases of every shard of a sharded site on the same host (`/kv_engine/`, `/platform/`), this one included:
   * the search page merges the other shards' indexes. Empty for a site of one shard.
   */
  searchShards: readonly string[];
  /**
   * Whether the page at `page` (in the output folder: `changes/<slug>/index.html`) with the incremental-build
   * key `key` is kept from an earlier build and placed by the integration: its route leaves it out. Always
   * false outside a build and without a cache.
   */
  keptPage(page: string, key: string): boolean;
  /** Called once by every rendered page, for the build's statistics and progress. */
  notePage(): void;
}

/** What a build reports back through the integration when it is done. */
export interface BuildStats {
  /** Pages rendered by this build (not taken from the page cache). */
  renderedPages: number;
  /** Pages of the site. */
  pages: number;
  /** Per-change JSON files taken from an earlier build's cache instead of written again. */
  changeFilesReused: number;
  indexMs: number;
  /** Pages in the search index. */
  searchPages: number;
  /** Pages in parts of the search index taken from an earlier build's, not read by Pagefind in this one. */
  searchPagesReused: number;
}

/** The statistics of a build that has rendered and indexed nothing yet. */
export function noBuildStats(): BuildStats {
  return { renderedPages: 0, pages: 0, changeFilesReused: 0, indexMs: 0, searchPages: 0, searchPagesReused: 0 };
}
