import type { Plugin } from 'vite';

export const siteModuleId = 'virtual:review-reports/site';
const resolvedSiteModuleId = `\0${siteModuleId}`;

// The registry beside this file, in the same form (`.ts` in a checkout, compiled `.js` in the package).
const registryUrl = import.meta.url.replace(/vite-plugin-site\.([cm]?[jt]s)$/, 'site-registry.$1');

/**
 * A module Node itself loads, that re-exports the registry. Vite's module runner (the content config, the dev
 * server) would evaluate a file it is given as a module of its own, a second registry; a `data:` URL is the one
 * import it always leaves to Node, and Node loads the registry's file URL once per process.
 */
const registryModule = `data:text/javascript,${encodeURIComponent(`export { siteRegistry } from ${JSON.stringify(registryUrl)};`)}`;

/**
 * Resolves `virtual:review-reports/site` to the data of the build with the given id: a module of a few lines
 * that reads it from the registry the integration filled.
 */
export function vitePluginSite(siteId: string): Plugin {
  return {
    name: 'review-reports:site',
    // Before Vite's own resolver, which would otherwise bundle or inline the registry.
    enforce: 'pre',
    resolveId(id) {
      if (id === siteModuleId) return resolvedSiteModuleId;
      if (id === registryModule) return { id: registryModule, external: true };
      return undefined;
    },
    load(id) {
      if (id !== resolvedSiteModuleId) return undefined;
      return [
        `import { siteRegistry } from ${JSON.stringify(registryModule)};`,
        `const site = siteRegistry.get(${JSON.stringify(siteId)});`,
        `if (site === undefined) throw new Error(${JSON.stringify(`review-reports: no site ${siteId} in this process: pages are built only through the reviewReports() integration`)});`,
        'export { site as siteData };',
      ].join('\n');
    },
  };
}
