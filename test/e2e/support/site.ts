import { inject } from 'vitest';
import { inCI } from './ci.ts';

/** The site the e2e global setup built and serves, or why there is none. */
export type E2eSite =
  | {
      /** Where the site is served, ending in the `--base` it was built with: `http://127.0.0.1:<port>/reports/`. */
      url: string;
      /** The `--base` path, `/reports/`. */
      base: string;
      /** Whether the build wrote failure pages (`/failures/<slug>/`). */
      failurePages: boolean;
      /** The built site on disk. */
      outDir: string;
    }
  | { url: null; reason: string };

declare module 'vitest' {
  export interface ProvidedContext {
    e2eSite: E2eSite;
  }
}

/**
 * The served site for a test file. Without Chromium the e2e tests are skipped (with the global setup's loud
 * warning) on a developer machine, and fail in CI, where `.ci/run` installs it.
 */
export function e2eSite(): E2eSite {
  const site = inject('e2eSite');
  if (site.url === null && inCI()) throw new Error(`end-to-end tests cannot run in CI: ${site.reason}`);
  return site;
}
