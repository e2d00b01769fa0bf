import { type BigIntStats, lstatSync, readdirSync, readFileSync, readlinkSync, rmdirSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { manifestFile, readOutputManifest } from './read-output-manifest.ts';

/**
 * Empties the folder a swap moved the previous site into, removing only what can be shown to be no loss:
 * the files its manifest lists (review-reports wrote them), and files that the published site at `out` has
 * too (the same inode, a hard link the swap made, or the same bytes). Anything else (a file of the user's
 * that the new site replaced, or one added during the swap) stays, and so does its folder. Returns how many
 * files stayed; the folder itself is gone when none did.
 */
export function removeReplacedSite(replaced: string, out: string): number {
  const ours = readOutputManifest(replaced) ?? new Set<string>();
  ours.add(manifestFile);
  const walk = (relative: string): number => {
    let kept = 0;
    for (const entry of readdirSync(join(replaced, relative), { withFileTypes: true })) {
      const path = relative ? `${relative}/${entry.name}` : entry.name;
      const here = join(replaced, path);
      if (entry.isDirectory()) {
        const inside = walk(path);
        if (inside === 0) rmdirSync(here);
        kept += inside;
      } else if (ours.has(path) || isCopy(here, join(out, path))) {
        unlinkSync(here);
      } else kept++;
    }
    return kept;
  };
  const kept = walk('');
  if (kept === 0) rmdirSync(replaced);
  return kept;
}

function isCopy(file: string, published: string): boolean {
  let a: BigIntStats;
  let b: BigIntStats;
  try {
    a = lstatSync(file, { bigint: true });
    b = lstatSync(published, { bigint: true });
  } catch {
    return false;
  }
  if (a.ino === b.ino && a.dev === b.dev) return true;
  if (a.isSymbolicLink() && b.isSymbolicLink()) return readlinkSync(file) === readlinkSync(published);
  return a.isFile() && b.isFile() && a.size === b.size && readFileSync(file).equals(readFileSync(published));
}
