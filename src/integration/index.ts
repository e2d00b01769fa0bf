import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { buildStats } from '../data/build-stats.ts';
import { loadReport } from '../data/load-report.ts';
import { highlightCss } from '../render/highlight-code.ts';
import { buildSearchIndex } from './pagefind.ts';
import { verifyOutput } from './verify-output.ts';

/** Wires review-reports' build steps into Astro's hooks: the highlight stylesheet, the conservation check, the search index. */
export default function reviewReports(): AstroIntegration {
  let cacheDir = '';
  return {
    name: 'review-reports',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = join(fileURLToPath(config.cacheDir), 'review-reports');
      },
      'astro:build:done': async ({ dir, pages, logger }) => {
        // `review-reports build` always assembles a site in a fresh folder (src/cli/publish-site.ts), so nothing of
        // an earlier build is here; a plain `astro build` writes over `dist/`, and an old index must not linger.
        const root = fileURLToPath(dir);
        rmSync(join(root, 'pagefind'), { recursive: true, force: true });
        writeFileSync(join(root, 'highlight.css'), mergeHighlightCss(cacheDir));
        const problems = verifyOutput(root, loadReport().model);
        if (problems.length > 0) {
          const shown = problems.slice(0, 20).map((problem) => `  ${problem.page}: missing ${problem.missing}`);
          throw new Error(
            `internal error: the built site lost ${problems.length} items of the parsed export:\n${shown.join('\n')}\nPlease report this as a bug in review-reports.`,
          );
        }
        const started = performance.now();
        const indexed = await buildSearchIndex(root);
        logger.info(`indexed ${indexed.pages} pages for search`);
        const stats = buildStats();
        stats.indexMs = performance.now() - started;
        stats.searchPages = indexed.pages;
        stats.pages = pages.length;
      },
    },
  };
}

/**
 * The colour classes of every snippet highlighted in this build and in earlier ones: pages restored by an
 * incremental build use classes that no page rendered this time handed out. Class names are hashes of their
 * colours, so the union is always consistent.
 */
function mergeHighlightCss(cacheDir: string): string {
  const file = join(cacheDir, 'highlight.css');
  let previous = '';
  try {
    previous = readFileSync(file, 'utf8');
  } catch {
    // First build with this cache.
  }
  const rules = new Set([...previous.split('\n'), ...highlightCss().split('\n')].filter(Boolean));
  const css = `${[...rules].sort().join('\n')}\n`;
  mkdirSync(cacheDir, { recursive: true });
  // Whole or not at all: a build killed while writing must not leave later builds a cut list of classes.
  writeFileSync(`${file}.${process.pid}`, css);
  renameSync(`${file}.${process.pid}`, file);
  return css;
}
