import { copyFileSync, linkSync, rmSync } from 'node:fs';

/**
 * Puts the file `from` at `to` as a hard link (a copy across file systems, or where links are not allowed). A file
 * already at `to` is unlinked first, never written through: it may itself be a link to a cached file.
 */
export function placeFile(from: string, to: string): void {
  try {
    linkSync(from, to);
    return;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw error;
    if (code !== 'EEXIST') {
      copyFileSync(from, to);
      return;
    }
  }
  rmSync(to, { force: true });
  placeFile(from, to);
}
