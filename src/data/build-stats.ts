/**
 * Counters the build's parts share with the CLI: pages are rendered inside Astro (loaded by Vite as separate
 * module instances), so the record lives on globalThis.
 */
export interface BuildStats {
  renderedPages: number;
  pages: number;
  indexMs: number;
  searchPages: number;
}

const key = Symbol.for('review-reports.build-stats');

export function buildStats(): BuildStats {
  const holder = globalThis as unknown as Record<symbol, BuildStats | undefined>;
  holder[key] ??= { renderedPages: 0, pages: 0, indexMs: 0, searchPages: 0 };
  return holder[key];
}

/** Counts a rendered page; with `REVIEW_REPORTS_PROGRESS=1` reports every thousandth on stderr. */
export function noteRenderedPage(): void {
  const stats = buildStats();
  stats.renderedPages++;
  if (process.env.REVIEW_REPORTS_PROGRESS === '1' && stats.renderedPages % 1000 === 0) {
    process.stderr.write(`rendered ${stats.renderedPages} pages\n`);
  }
}
