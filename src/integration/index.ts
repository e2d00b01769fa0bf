import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { loadReport } from '../data/load-report.ts';
import { highlightCss } from '../render/highlight-code.ts';
import { buildSearchIndex } from './pagefind.ts';
import { verifyOutput } from './verify-output.ts';

/** Wires review-reports' build steps into Astro's hooks: the highlight stylesheet, the conservation check, the search index. */
export default function reviewReports(): AstroIntegration {
  return {
    name: 'review-reports',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        // The colour classes of every snippet highlighted while rendering, as one cached stylesheet.
        writeFileSync(join(root, 'highlight.css'), highlightCss());
        const problems = verifyOutput(root, loadReport().model);
        if (problems.length > 0) {
          const shown = problems.slice(0, 20).map((problem) => `  ${problem.page}: missing ${problem.missing}`);
          throw new Error(
            `internal error: the built site lost ${problems.length} items of the parsed export:\n${shown.join('\n')}\nPlease report this as a bug in review-reports.`,
          );
        }
        await buildSearchIndex(dir, logger);
      },
    },
  };
}
