import { mkdirSync, rmdirSync, rmSync, unlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { placeFile } from './place-file.ts';

/**
 * Links `pages` of the site at `root` into the empty folder `stage`, each at its own path: the folder one Pagefind
 * run reads, so that it indexes just those pages with their URLs. A page that is not there is left out: the
 * conservation check names a page the build lost, and Pagefind's page count fails.
 */
export function stagePages(root: string, pages: readonly string[], stage: string): void {
  for (const page of pages) {
    mkdirSync(dirname(join(stage, page)), { recursive: true });
    try {
      placeFile(join(root, page), join(stage, page));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
}

/**
 * Removes what {@link stagePages} made of `pages` in `stage`, and `stage`, a folder of the build's own. What was
 * made is known, so nothing is read back: a recursive removal lists every folder and stats every entry first
 * (1.6–1.7 s against 0.9–1.4 s for the 11k pages of a 10k-change site).
 */
export function unstagePages(stage: string, pages: readonly string[]): void {
  const folders = new Set<string>();
  for (const page of pages) {
    try {
      unlinkSync(join(stage, page));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    for (let folder = dirname(page); folder !== '.'; folder = dirname(folder)) folders.add(folder);
  }
  try {
    // The deepest first: a folder goes once the folders in it have.
    for (const folder of [...folders].sort((a, b) => b.length - a.length)) rmdirSync(join(stage, folder));
    rmdirSync(stage);
  } catch (error) {
    // Something else got into the folder this build made for itself: it goes with it.
    if ((error as NodeJS.ErrnoException).code !== 'ENOTEMPTY') throw error;
    rmSync(stage, { recursive: true, force: true });
  }
}
