import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The review-reports package itself: the Astro project whose pages render every export. */
export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The sample export bundled with the package, built when no export directory is given. */
export const bundledExport = resolve(projectRoot, 'content');
