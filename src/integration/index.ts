import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { loadReport } from '../data/load-report.ts';
import { buildSearchIndex } from './pagefind.ts';
import { verifyOutput } from './verify-output.ts';

/** Wires review-reports' build steps into Astro's hooks: the conservation check, then the search index. */
export default function reviewReports(): AstroIntegration {
  return {
    name: 'review-reports',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const problems = verifyOutput(fileURLToPath(dir), loadReport().model);
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
