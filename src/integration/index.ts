import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { loadKnownIssues } from '../config/known-issues.ts';
import { loadUserConfig, type UserConfig, userReadSettings, userRules } from '../config/user-config.ts';
import { createReport, type Report, type ReportContext } from '../data/create-report.ts';
import { changeSearchKey, renderedConfig } from '../data/page-key.ts';
import { failureRules } from '../lib/failure-rules.ts';
import { parseExport } from '../lib/parse-export.ts';
import type { KnownIssue, PreviousBuild, ReportModel } from '../lib/types.ts';
import { createCodeHighlighter } from '../render/highlight-code.ts';
import { pageFiles } from '../site/page-files.ts';
import { defaultSearchPartSizes, defaultSupersededShare, planSearchParts } from '../site/search-parts.ts';
import { digestFiles } from './digest-files.ts';
import { openPageCache, type PageCache } from './page-cache.ts';
import { type BaseIdsAhead, readBaseIdsAhead, writeSearchIndex } from './search-index.ts';
import { openSearchIndexCache, type SearchIndexCache } from './search-index-cache.ts';
import { type BuildStats, noBuildStats, type SiteData } from './site-data.ts';
import { siteRegistry } from './site-registry.ts';
import { openVerifiedPages } from './verified-pages.ts';
import { verifyOutput } from './verify-output.ts';
import { vitePluginSite } from './vite-plugin-site.ts';
import { changeFileBasis, writeChangeFiles } from './write-change-files.ts';
import { writeFileWhole } from './write-file-whole.ts';

export type { BuildStats, SiteData } from './site-data.ts';

/** This package's version: a cached change file of another version is not reused. */
const packageVersion = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
/** Astro's, for the page cache: another Astro may render the same templates into other bytes. */
const astroVersion = (
  JSON.parse(readFileSync(new URL(import.meta.resolve('astro/package.json')), 'utf8')) as { version: string }
).version;

/** What the site is built from, and who hears how the build went. */
export interface ReviewReportsOptions {
  /** The export directory, relative to the Astro project root. Default: `content`. Unused when `model` is given. */
  exportDir?: string;
  /** Path of `review-reports.config.json`. Unused when `config` is given. */
  configFile?: string;
  /** An export parsed already (the CLI's), so the build does not parse it again. */
  model?: ReportModel;
  /** The validated user config that goes with `model`. */
  config?: UserConfig;
  /** The validated entries of the config's `knownIssues` file. Default: read from `configFile`'s `knownIssues`. */
  knownIssues?: readonly KnownIssue[];
  /** The previous build's failure index, which `/new/`, the badges and the feed compare with. Default: none. */
  previous?: PreviousBuild | null;
  /** Bases of every shard of a sharded site on one host, this one included (`/kv_engine/`, `/platform/`). */
  searchShards?: readonly string[];
  /** Told the count after every thousandth rendered page. */
  onProgress?: (renderedPages: number) => void;
  /** Told the build's statistics once the site and its search index are written. */
  onStats?: (stats: BuildStats) => void;
  /**
   * Run once while Pagefind indexes the site, when every page and file but the search index is written and
   * checked, on a thread that would otherwise only wait (the CLI reads the pages for its link check). It must not
   * change the site; if it throws, the build fails.
   */
  whileIndexing?: () => void;
}

/**
 * review-reports as an Astro integration: hands the report to the pages and the content loader through
 * `virtual:review-reports/site`, then writes the highlight stylesheet, checks that the site lost nothing of
 * the export and builds the search index.
 */
/**
 * Builds in this process so far. A site's id is written into `virtual:review-reports/site`, which every page
 * depends on: the same from one build to the next, so that the bundle, and its asset names, are too.
 */
let sitesCreated = 0;

export default function reviewReports(options: ReviewReportsOptions = {}): AstroIntegration {
  sitesCreated += 1;
  const siteId = `site-${sitesCreated}`;
  const stats: BuildStats = noBuildStats();
  const highlighter = createCodeHighlighter({ worker: true });
  let root = process.cwd();
  let report: Report | undefined;
  let cacheDir = '';
  let building = false;
  let outDir = '';
  let searchCache: SearchIndexCache | undefined;
  let baseIds: BaseIdsAhead | undefined;
  const searchBaseFile = () => join(cacheDir, 'search-base.json');
  /** Only a build keeps pages: the dev server must render every page it is asked for. */
  let pageCache: PageCache | null = null;
  const site: SiteData = {
    report: () => {
      if (report) return report;
      const config = options.config ?? loadUserConfig(options.configFile);
      const context = {
        knownIssues: options.knownIssues ?? loadKnownIssues(config, options.configFile),
        previous: options.previous ?? null,
      };
      report = options.model
        ? createReport(options.model, config, context)
        : parseReport(resolve(root, options.exportDir ?? 'content'), config, context);
      return report;
    },
    highlighter,
    searchShards: options.searchShards ?? [],
    keptPage: (page, key) => pageCache?.restore(page, key) ?? false,
    notePage: () => {
      stats.renderedPages++;
      if (stats.renderedPages % 1000 === 0) options.onProgress?.(stats.renderedPages);
    },
  };
  return {
    name: 'review-reports',
    hooks: {
      'astro:config:setup': ({ config, command, updateConfig }) => {
        root = fileURLToPath(config.root);
        building = command === 'build';
        siteRegistry.set(siteId, site);
        updateConfig({ vite: { plugins: [vitePluginSite(siteId)] } });
      },
      'astro:config:done': ({ config }) => {
        cacheDir = join(fileURLToPath(config.cacheDir), 'review-reports');
        if (building) {
          // Besides a page's own key (its data, see data/page-key.ts), what decides its bytes: the code that renders
          // it, the URLs it links with, and the versions.
          const basis = JSON.stringify([
            packageVersion,
            astroVersion,
            digestFiles([fileURLToPath(config.srcDir), fileURLToPath(config.publicDir)]),
            config.base,
            config.site ?? null,
            config.trailingSlash,
            config.build.format,
          ]);
          pageCache = openPageCache(join(cacheDir, 'pages'), basis);
          outDir = fileURLToPath(config.outDir);
        }
      },
      'astro:build:start': () => {
        pageCache?.prepare(outDir);
        searchCache = openSearchIndexCache(join(cacheDir, 'search'));
        baseIds = readBaseIdsAhead(searchBaseFile(), searchCache);
      },
      'astro:server:done': () => {
        siteRegistry.delete(siteId);
      },
      'astro:build:done': async ({ dir, pages, logger }) => {
        // `review-reports build` always assembles a site in a fresh folder (src/cli/publish-site.ts), so nothing of
        // an earlier build is here; a plain `astro build` writes over `dist/`, and an old index must not linger.
        const out = fileURLToPath(dir);
        rmSync(join(out, 'pagefind'), { recursive: true, force: true });
        writeFileSync(join(out, 'highlight.css'), mergeHighlightCss(cacheDir, highlighter.css()));
        const placed = pageCache?.finish(out) ?? { restored: 0, stored: 0 };
        const built = site.report();
        const started = performance.now();
        // Pagefind reads the pages in its own process; the per-change files (not pages: it skips them) are written
        // and the whole site is checked meanwhile, on this thread, which would otherwise only wait.
        const indexed = await writeSearchIndex({
          root: out,
          parts: planSearchParts(
            built.model.changes,
            built.model.signatures.map((entry) => entry.slug),
            built.config.searchParts ?? defaultSearchPartSizes,
          ),
          cache: searchCache ?? openSearchIndexCache(join(cacheDir, 'search')),
          ...(baseIds ? { baseIds } : {}),
          stagingDir: join(cacheDir, 'search-stage'),
          baseFile: searchBaseFile(),
          supersededShare: built.config.searchSuperseded ?? defaultSupersededShare,
          identity: searchIdentity(built, pageCache),
          whileReading: () => {
            const changeFiles = writeChangeFiles(out, built.model, {
              dir: join(cacheDir, 'change-json'),
              basis: changeFileBasis(renderedConfig(built.config), packageVersion),
            });
            stats.changeFilesReused = changeFiles.reused;
            const verified = openVerifiedPages(join(cacheDir, 'verified-pages.json'));
            const problems = verifyOutput(out, built.model, (page) => {
              const entry = pageCache?.restoredEntry(page);
              return entry !== undefined && verified.has(entry);
            });
            if (problems.length > 0) {
              const shown = problems.slice(0, 20).map((problem) => `  ${problem.page}: missing ${problem.missing}`);
              throw new Error(
                `internal error: the built site lost ${problems.length} items of the parsed export:\n${shown.join('\n')}\nPlease report this as a bug in review-reports.`,
              );
            }
            // Only entries that have just passed are kept: a page that failed is read again by the next build.
            if (pageCache) {
              const cache = pageCache;
              verified.save(
                built.model.changes.flatMap((change) => cache.entryOf(pageFiles.change(change.slug)) ?? []),
              );
            }
            options.whileIndexing?.();
          },
        });
        logger.info(
          `indexed ${indexed.pages} pages for search (${indexed.pagesReused} of them kept from an earlier build)`,
        );
        stats.indexMs = performance.now() - started;
        stats.searchPages = indexed.pages;
        stats.searchPagesReused = indexed.pagesReused;
        stats.pages = pages.length + placed.restored;
        siteRegistry.delete(siteId);
        options.onStats?.({ ...stats });
      },
    },
  };
}

/**
 * What decides a page's part of the search index: for a change page the part of its key that Pagefind reads
 * (`changeSearchKey`), for any other page its page cache entry; undefined when there is no page cache.
 */
function searchIdentity(report: Report, pageCache: PageCache | null): (page: string) => string | undefined {
  if (!pageCache) return () => undefined;
  const changePages = new Map<string, string>();
  for (const change of report.model.changes) {
    const page = pageFiles.change(change.slug);
    changePages.set(page, pageCache.nameOf(page, `search\u0000${changeSearchKey(report, change)}`));
  }
  return (page) => changePages.get(page) ?? pageCache.entryOf(page);
}

function parseReport(exportDir: string, config: UserConfig, context: ReportContext): Report {
  return createReport(
    parseExport(exportDir, { rules: [...userRules(config), ...failureRules], settings: userReadSettings(config) }),
    config,
    context,
  );
}

/**
 * The colour classes of every snippet highlighted in this build and in earlier ones: pages restored by an
 * incremental build use classes that no page rendered this time handed out. Class names are hashes of their
 * colours, so the union is always consistent.
 */
function mergeHighlightCss(cacheDir: string, css: string): string {
  const file = join(cacheDir, 'highlight.css');
  let previous = '';
  try {
    previous = readFileSync(file, 'utf8');
  } catch {
    // First build with this cache.
  }
  const rules = new Set([...previous.split('\n'), ...css.split('\n')].filter(Boolean));
  const merged = `${[...rules].sort().join('\n')}\n`;
  // Whole or not at all: a build killed while writing must not leave later builds a cut list of classes.
  writeFileWhole(file, merged);
  return merged;
}
