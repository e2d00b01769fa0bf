import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { buildStats } from '../data/build-stats.ts';
import { loadReport } from '../data/load-report.ts';
import { highlightCss } from '../render/highlight-code.ts';
import { buildSearchIndex } from './pagefind.ts';
import { removeStaleOutput } from './remove-stale-output.ts';
import { verifyOutput } from './verify-output.ts';

/** Wires review-reports' build steps into Astro's hooks: the highlight stylesheet, the conservation check, the search index. */
export default function reviewReports(): AstroIntegration {
  let cacheDir = '';
  let buildStarted = 0;
  return {
    name: 'review-reports',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = join(fileURLToPath(config.cacheDir), 'review-reports');
      },
      'astro:build:start': () => {
        // A little slack: file times may be coarser than the clock.
        buildStarted = Date.now() - 2000;
      },
      'astro:build:done': async ({ dir, pages, assets, logger }) => {
        const root = fileURLToPath(dir);
        // Pagefind writes a fresh index; an old one's fragments would otherwise stay behind.
        rmSync(join(root, 'pagefind'), { recursive: true, force: true });
        if (buildStarted > 0) {
          const stale = removeStaleOutput(root, assets ?? new Map(), buildStarted);
          if (stale > 0) logger.info(`removed ${stale} files of an earlier build`);
        }
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
  writeFileSync(file, css);
  return css;
}
