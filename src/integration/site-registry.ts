import type { SiteData } from './site-data.ts';

/**
 * The sites being built in this process, by the id their integration gave them. Vite bundles the pages and
 * loads the content config as modules of their own, so this module must never be bundled: the integration's
 * Vite plugin keeps it external (`vite-plugin-site.ts`), and every page imports the very module instance the
 * integration filled (a test renders a page and checks).
 */
export const siteRegistry = new Map<string, SiteData>();
