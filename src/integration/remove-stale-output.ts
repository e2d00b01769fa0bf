import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Removes what an earlier build left in the output directory and this one did not produce. The output
 * directory is not emptied before a build, so pages an incremental build restores from its cache stay where
 * they are instead of being copied back; what this build wrote or kept is either listed by Astro (`assets`,
 * every route's output files, restored ones included) or was written after `since` (bundled assets, public
 * files). Returns the number of files removed.
 */
export function removeStaleOutput(root: string, assets: Map<string, URL[]>, since: number): number {
  const keep = new Set<string>();
  for (const files of assets.values()) for (const file of files) keep.add(fileURLToPath(file));
  let removed = 0;
  const walk = (dir: string): boolean => {
    let empty = true;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (walk(path)) rmSync(path, { recursive: true, force: true });
        else empty = false;
      } else if (keep.has(path) || statSync(path).mtimeMs >= since) {
        empty = false;
      } else {
        rmSync(path, { force: true });
        removed++;
      }
    }
    return empty;
  };
  walk(root);
  return removed;
}
