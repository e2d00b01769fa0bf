import { copyFileSync, linkSync, lstatSync, mkdirSync, readdirSync, readlinkSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { manifestFile } from './read-output-manifest.ts';

/**
 * Gives the assembled site at `staging` every file of `out` that review-reports did not write (not in `ours`),
 * so the swap keeps them: as hard links (same file system, nothing copied, the inode and its bytes untouched),
 * or as copies where links are refused. Folders come across only around such files, or when empty (review-reports
 * writes no empty folder), so the old site's folders do not outlive its pages. A path the new site uses itself is
 * left out: that file stays in the replaced site's folder, which is then kept. Returns the paths given across.
 */
export function mirrorForeignFiles(out: string, staging: string, ours: ReadonlySet<string>): string[] {
  const mirrored: string[] = [];
  /** Makes the folders of `relative` in `staging` that are missing, each with its mode in `out`; false when a file is in the way. */
  const ensureDir = (relative: string): boolean => {
    let path = '';
    for (const segment of relative.split('/')) {
      path = path ? `${path}/${segment}` : segment;
      const kind = kindOf(join(staging, path));
      if (kind === 'other') return false;
      if (kind === 'none') mkdirSync(join(staging, path), { mode: lstatSync(join(out, path)).mode & 0o7777 });
    }
    return true;
  };
  const walk = (relative: string) => {
    const entries = readdirSync(join(out, relative), { withFileTypes: true });
    if (entries.length === 0 && relative !== '') ensureDir(relative);
    for (const entry of entries) {
      const path = relative ? `${relative}/${entry.name}` : entry.name;
      if (path === manifestFile || ours.has(path)) continue;
      if (entry.isDirectory()) {
        walk(path);
        continue;
      }
      const to = join(staging, path);
      if ((relative !== '' && !ensureDir(relative)) || kindOf(to) !== 'none') continue;
      const from = join(out, path);
      try {
        linkSync(from, to);
      } catch {
        if (entry.isSymbolicLink()) symlinkSync(readlinkSync(from), to);
        else copyFileSync(from, to);
      }
      mirrored.push(path);
    }
  };
  walk('');
  return mirrored;
}

function kindOf(path: string): 'none' | 'dir' | 'other' {
  try {
    return lstatSync(path).isDirectory() ? 'dir' : 'other';
  } catch {
    return 'none';
  }
}
