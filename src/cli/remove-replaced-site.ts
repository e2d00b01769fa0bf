import { type BigIntStats, lstatSync, readFileSync, readlinkSync } from 'node:fs';
import { readdir, rmdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import pLimit from 'p-limit';
import { manifestFile, readOutputManifest } from './read-output-manifest.ts';

/**
 * File-system calls in flight at once. Where each costs 0.1–0.5 ms, mostly waiting in the kernel, the thread
 * pool's threads overlap the waits: a replaced site of the 10k shape (32k files, 11k folders) was emptied in a
 * median 2.7 s with 16 in flight, 4.0 s with 4 or 64, and 6.5 s one synchronous call at a time (3 runs each).
 */
const inFlight = 16;

/**
 * Empties the folder a swap moved the previous site into, removing only what can be shown to be no loss:
 * the files its manifest lists (review-reports wrote them), and files that the published site at `out` has
 * too (the same inode, a hard link the swap made, or the same bytes). Anything else (a file of the user's
 * that the new site replaced, or one added during the swap) stays, and so does its folder. Returns how many
 * files stayed; the folder itself is gone when none did.
 *
 * Asynchronous, many calls at a time: the site is already published, so a signal may land midway. The manifest
 * goes last, so a folder left half-emptied is still recognisably ours and the next build finishes the job.
 */
export async function removeReplacedSite(replaced: string, out: string): Promise<number> {
  const ours = readOutputManifest(replaced) ?? new Set<string>();
  const limit = pLimit(inFlight);
  let manifest = false;
  // Promise chains, not an async function per entry: fewer promises per file, for 32k files.
  const walk = async (relative: string): Promise<number> => {
    const entries = await limit(() => readdir(join(replaced, relative), { withFileTypes: true }));
    let kept = 0;
    const inside: Array<Promise<number>> = [];
    for (const entry of entries) {
      const path = relative ? `${relative}/${entry.name}` : entry.name;
      const here = join(replaced, path);
      if (entry.isDirectory()) {
        inside.push(walk(path).then((count) => (count === 0 ? limit(() => rmdir(here)).then(() => 0) : count)));
      } else if (path === manifestFile) {
        manifest = true;
      } else if (ours.has(path) || isCopy(here, join(out, path))) {
        // `isCopy` runs only for files the manifest does not list (the user's): rare, so it stays synchronous.
        inside.push(limit(() => unlink(here)).then(() => 0));
      } else kept++;
    }
    for (const count of await Promise.all(inside)) kept += count;
    return kept;
  };
  const kept = await walk('');
  if (manifest) await unlink(join(replaced, manifestFile));
  if (kept === 0) await rmdir(replaced);
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
