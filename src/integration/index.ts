import type { AstroIntegration } from 'astro';
import { buildSearchIndex } from './pagefind.ts';

/** Wires review-reports' build steps into Astro's hooks. */
export default function reviewReports(): AstroIntegration {
  return {
    name: 'review-reports',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        await buildSearchIndex(dir, logger);
      },
    },
  };
}
