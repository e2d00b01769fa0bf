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
}

export function readSiteEnv(root: string = process.cwd()): SiteEnv {
  return {
    exportDir: resolve(root, process.env.REVIEW_REPORTS_EXPORT || 'content'),
    configFile: process.env.REVIEW_REPORTS_CONFIG || undefined,
  };
}
