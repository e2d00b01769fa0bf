// @ts-check
import { defineConfig } from 'astro/config';
import reviewReports from './src/integration/index.ts';

// `review-reports build` passes its options through the environment and Astro's inline config;
// `astro build` on its own builds the bundled `content/` export into `dist/`.
export default defineConfig({
  ...(process.env.REVIEW_REPORTS_SITE ? { site: process.env.REVIEW_REPORTS_SITE } : {}),
  ...(process.env.REVIEW_REPORTS_BASE ? { base: process.env.REVIEW_REPORTS_BASE } : {}),
  trailingSlash: 'always',
  // One cached stylesheet instead of the same CSS inlined into every one of thousands of pages.
  build: { format: 'directory', inlineStylesheets: 'never' },
  devToolbar: { enabled: false },
  // Change pages whose data did not change are restored from the cache instead of rendered again.
  experimental: { incrementalBuild: true },
  integrations: [reviewReports()],
  // The Content-Security-Policy forbids inline scripts: the search script must always be a file.
  // The output directory is never emptied: `review-reports build` assembles each site in a fresh folder and swaps
  // it in (src/cli/publish-site.ts), and nothing here may delete files that Astro did not write.
  vite: { build: { assetsInlineLimit: 0, emptyOutDir: false } },
});
