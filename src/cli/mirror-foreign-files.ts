import { copyFileSync, linkSync, lstatSync, mkdirSync, readdirSync, readlinkSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { manifestFile } from './read-output-manifest.ts';

/**
 * Gives the assembled site at `staging` every file of `out` that review-reports did not write (not in `ours`),
 * so the swap keeps them: as hard links (same file system, nothing copied, the inode and its bytes untouched),
 * or as copies where links are refused. A path the new site uses itself is left out: that file stays in the
 * replaced site's folder, which is then kept. Returns the paths given across.
 */
export function mirrorForeignFiles(out: string, staging: string, ours: ReadonlySet<string>): string[] {
  const mirrored: string[] = [];
  const walk = (relative: string) => {
    for (const entry of readdirSync(join(out, relative), { withFileTypes: true })) {
      const path = relative ? `${relative}/${entry.name}` : entry.name;
      if (path === manifestFile || ours.has(path)) continue;
      const from = join(out, path);
      const to = join(staging, path);
      const existing = kindOf(to);
      if (entry.isDirectory()) {
        if (existing === 'none') mkdirSync(to, { mode: lstatSync(from).mode & 0o7777 });
        if (existing === 'none' || existing === 'dir') walk(path);
        continue;
      }
      if (existing !== 'none') continue;
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
