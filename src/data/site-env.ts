import { resolve } from 'node:path';

/**
 * What the CLI tells the Astro build through the environment: Astro's config file and the pages run in the
 * same process as the CLI, but are loaded by Vite, so module state cannot carry it.
 */
export interface SiteEnv {
  /** Absolute path of the export directory. Default: `content/` under the project root. */
  exportDir: string;
  /** Path of `review-reports.config.json`, if any. */
  configFile: string | undefined;
  /**
   * Bases of every shard of a sharded site on the same host (`/kv_engine/`, `/platform/`), this one included:
   * the search page merges the other shards' indexes. Empty for a site of one shard.
   */
  searchShards: string[];
}

export function readSiteEnv(root: string = process.cwd()): SiteEnv {
  return {
    exportDir: resolve(root, process.env.REVIEW_REPORTS_EXPORT || 'content'),
    configFile: process.env.REVIEW_REPORTS_CONFIG || undefined,
    searchShards: (process.env.REVIEW_REPORTS_SEARCH_SHARDS ?? '')
      .split(',')
      .map((base) => base.trim())
      .filter((base) => /^\/(?:[A-Za-z0-9._~-]+\/)*$/.test(base)),
  };
}
