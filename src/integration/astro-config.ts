import { join } from 'node:path';
import type { AstroInlineConfig } from 'astro';
import reviewReports, { type ReviewReportsOptions } from './index.ts';

/** Where the site's templates are and where it goes, for {@link astroConfig}. */
export interface SiteLocation {
  /** The review-reports package: its `src/` holds the pages, its `public/` the static files. */
  root: string;
  outDir?: string;
  base?: string;
  site?: string;
  cacheDir?: string;
  logLevel?: AstroInlineConfig['logLevel'];
}

/**
 * The whole Astro config of a review-reports site, for Astro's `build()` (no config file is read) and for
 * `astro.config.mjs`. The integration gets everything it needs as arguments.
 */
export function astroConfig(location: SiteLocation, options: ReviewReportsOptions = {}): AstroInlineConfig {
  return {
    configFile: false,
    root: location.root,
    srcDir: join(location.root, 'src'),
    publicDir: join(location.root, 'public'),
    ...(location.outDir ? { outDir: location.outDir } : {}),
    ...(location.base ? { base: location.base } : {}),
    ...(location.site ? { site: location.site } : {}),
    ...(location.cacheDir ? { cacheDir: location.cacheDir } : {}),
    ...(location.logLevel ? { logLevel: location.logLevel } : {}),
    trailingSlash: 'always',
    // One cached stylesheet instead of the same CSS inlined into every one of thousands of pages. Pages rendered 8 at
    // a time: one at a time, the main thread waited on each page's `mkdir` and `writeFile` for a quarter of the render
    // phase (cold 10k: render 28.1 and 29.0 s against 34.7, 37.9 and 38.9 s; the same bytes written).
    build: { format: 'directory', inlineStylesheets: 'never', concurrency: 8 },
    devToolbar: { enabled: false },
    // No `experimental.incrementalBuild`: change and signature pages whose data did not change are linked from the
    // integration's own page cache (integration/page-cache.ts), which Astro's restore-by-copy was 4 to 6 times slower than.
    integrations: [reviewReports(options)],
    // The Content-Security-Policy forbids inline scripts: the search script must always be a file.
    // The output directory is never emptied: `review-reports build` assembles each site in a fresh folder and swaps
    // it in (src/cli/publish-site.ts), and nothing here may delete files that Astro did not write.
    // Vite's dependency cache would otherwise sit in `node_modules/.vite`, outside `--cache-dir`: a build with a
    // fresh cache dir must be a cold one.
    vite: {
      ...(location.cacheDir ? { cacheDir: join(location.cacheDir, 'vite') } : {}),
      build: { assetsInlineLimit: 0, emptyOutDir: false },
    },
  };
}
