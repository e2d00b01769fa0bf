import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { manifestFile } from './read-output-manifest.ts';
import { removeReplacedSite } from './remove-replaced-site.ts';
import { siteWorkDirs, type WorkDir } from './site-work-dirs.ts';

/** What a build found of earlier builds of the same site that were killed or failed. */
export interface Recovery {
  /** The work folder put back as `--out`: a build was killed between the two renames of its swap. */
  restored: string | null;
  /** Work folders removed. */
  removed: number;
  /** Folders of replaced sites kept because they hold files that are not review-reports' (see `removeReplacedSite`). */
  kept: string[];
}

/**
 * Before a build: puts back the previous site if a killed build left it under its work name, then clears the
 * work folders of builds whose process is gone. An assembling folder goes only when it has our manifest (we
 * made it); a replaced site only down to what `removeReplacedSite` can prove is no loss.
 */
export async function recoverSite(out: string): Promise<Recovery> {
  const dirs = siteWorkDirs(out);
  const recovery: Recovery = { restored: null, removed: 0, kept: [] };
  let names: string[];
  try {
    names = readdirSync(dirs.parent);
  } catch {
    return recovery;
  }
  const abandoned = names
    .map((name) => dirs.recognize(name))
    .filter((dir): dir is WorkDir => dir !== null && !isRunning(dir.pid));
  if (!existsSync(out)) {
    const previous = abandoned.find((dir) => dir.role === 'old');
    if (previous) {
      renameSync(previous.path, out);
      recovery.restored = previous.path;
    }
  }
  for (const dir of abandoned) {
    if (dir.path === recovery.restored) continue;
    if (dir.role === 'new') {
      if (!existsSync(join(dir.path, manifestFile))) continue;
      rmSync(dir.path, { recursive: true, force: true });
      recovery.removed++;
    } else if ((await removeReplacedSite(dir.path, out)) === 0) recovery.removed++;
    else recovery.kept.push(dir.path);
  }
  return recovery;
}

function isRunning(pid: number): boolean {
  // Recovery runs before this build makes a work folder: one with our pid is from an earlier process (pids repeat in containers).
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
