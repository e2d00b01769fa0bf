import { chmodSync, existsSync, renameSync, statSync } from 'node:fs';
import type { OutputClaim } from './claim-output-dir.ts';
import { mirrorForeignFiles } from './mirror-foreign-files.ts';
import { removeReplacedSite } from './remove-replaced-site.ts';
import { siteWorkDirs } from './site-work-dirs.ts';
import { writeOutputManifest } from './write-output-manifest.ts';

export interface Publication {
  /** Files the new site's manifest lists. */
  files: number;
  /** Files of the user's carried over from the previous `--out`. */
  kept: number;
  /** The replaced site's folder, when it still holds files that are not review-reports' (the new site replaced them). */
  leftOver: string | null;
}

/**
 * Swaps the assembled, checked site at `staging` in as `claim.out`. Synchronous from the manifest to the second
 * rename, so a signal handler never runs in between; `--out` is missing only between two consecutive renames
 * in one folder, and a build killed there is put back by the next (`recoverSite`). Files of the user's in `--out`
 * are hard-linked into the new site first, then the replaced site is emptied of what can be shown to be no loss.
 */
export function publishSite(staging: string, claim: OutputClaim): Publication {
  const files = writeOutputManifest(staging).length;
  if (!existsSync(claim.out)) {
    renameSync(staging, claim.out);
    return { files, kept: 0, leftOver: null };
  }
  const kept = mirrorForeignFiles(claim.out, staging, claim.ours).length;
  chmodSync(staging, statSync(claim.out).mode & 0o7777);
  const replaced = siteWorkDirs(claim.out).create('old').path;
  renameSync(claim.out, replaced);
  renameSync(staging, claim.out);
  return { files, kept, leftOver: removeReplacedSite(replaced, claim.out) > 0 ? replaced : null };
}
